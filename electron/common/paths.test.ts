import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDir } from './paths';

describe('userDataDir', () => {
  it("matches Electron's user-data folder for the product on each platform", () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\li\\AppData\\Roaming', 'Complaint Desk'));
    expect(userDataDir({ XDG_CONFIG_HOME: '/home/li/.config' }, 'linux')).toBe(join('/home/li/.config', 'Complaint Desk'));
    expect(userDataDir({}, 'darwin')).toMatch(/Library[/\\]Application Support[/\\]Complaint Desk$/);
  });
});
