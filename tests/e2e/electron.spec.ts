/**
 * Electron-only checks: the real window, its security baseline and the preload contract. They need the
 * Electron runtime, which cannot be downloaded on every machine (ours included); there they skip, saying so.
 * Everything they drive is also covered in browser mode by the other specs.
 */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { ADMIN, createBranch, expect, newDataDir, test } from './fixtures';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const mainEntry = join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js');

test.describe('Electron window', () => {
  test.skip(!binary, 'Electron runtime not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): covered in browser mode instead.');

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = newDataDir();
    app = await electron.launch({ executablePath: binary, args: [mainEntry, '--no-sandbox', '--data-dir', dataDir, '--lang', 'en'] });
  });

  test.afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the renderer is isolated and sees only the contract', async () => {
    const appWindow = await app.firstWindow();
    const exposure = await appWindow.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      methods: Object.keys((globalThis as unknown as { complaintDesk?: object }).complaintDesk ?? {}).sort(),
    }));
    expect(exposure.hasRequire).toBe(false);
    expect(exposure.hasProcess).toBe(false);
    expect(exposure.methods).toContain('journal.append');
    expect(exposure.methods.every((name) => /^[a-z]+\.[a-zA-Z]+$/.test(name))).toBe(true);

    const opened = await appWindow.evaluate(() => (globalThis as unknown as { open: (url: string) => unknown }).open('https://example.com') === null);
    expect(opened).toBe(true);
  });

  test('first run creates the branch in the desktop window', async () => {
    const appWindow = await app.firstWindow();
    await createBranch(appWindow);
    await expect(appWindow.getByText(ADMIN.branchName)).toBeVisible();
  });
});
