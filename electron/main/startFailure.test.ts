/**
 * Electron main when the data folder cannot be opened (with a stand-in for the Electron runtime): the person
 * gets an error box saying what is wrong and what to do, in their language, and the app quits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lockDataFolder, type FolderLock } from '../services/folderLock';

const electron = vi.hoisted(() => {
  const recorded = { errorBoxes: [] as { title: string; content: string }[], exitCodes: [] as number[] };
  const noop = () => undefined;
  return {
    recorded,
    module: {
      app: {
        isPackaged: true,
        whenReady: async () => undefined,
        getVersion: () => '0.1.0',
        getPath: () => '',
        setPath: noop,
        requestSingleInstanceLock: () => true,
        on: noop,
        quit: noop,
        exit: (code: number) => recorded.exitCodes.push(code),
      },
      dialog: { showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }) },
      protocol: { registerSchemesAsPrivileged: noop },
    },
  };
});
vi.mock('electron', () => electron.module);

let dataDir: string;
let other: FolderLock;
const originalArgv = process.argv;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-main-'));
  other = await lockDataFolder(join(dataDir, 'desk.lock'), 'browser', () => new Date('2026-11-30T08:00:00.000Z'));
  process.argv = [...originalArgv, '--data-dir', dataDir];
  await import('./index');
  await vi.waitFor(() => expect(electron.recorded.exitCodes).toEqual([1]), { timeout: 5000 });
});

afterAll(async () => {
  process.argv = originalArgv;
  await other.release();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron main when the data folder is in use', () => {
  it('shows who holds the folder and what to do, in Chinese by default, then quits with an error', () => {
    expect(electron.recorded.errorBoxes).toEqual([
      { title: 'Complaint Desk', content: expect.stringContaining(`数据文件夹正被另一个投诉受理台使用（浏览器模式，计算机`) },
    ]);
    expect(electron.recorded.errorBoxes[0]?.content).toContain(`进程 ${process.pid}`);
  });
});
