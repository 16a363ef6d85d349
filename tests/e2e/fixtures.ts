/**
 * The browser-mode harness: each test gets its own data folder and its own `start:web` server (the real
 * main-process services), and opens the printed URL in Debian's Chromium.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface DeskServer {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * Starts browser mode on a free port and resolves once it prints the address to open. With `clockFile`, main's
 * clock runs ahead by the milliseconds written in that file (main-clock.ts).
 */
export async function startDesk(dataDir: string, language: 'en' | 'zh-CN' = 'en', clockFile?: string): Promise<DeskServer> {
  const clock = clockFile ? ['--import', './tests/e2e/main-clock.ts'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...clock, 'electron/web/cli.ts', '--port', '0', '--data-dir', dataDir, '--lang', language], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test', ...(clockFile ? { DESK_TEST_CLOCK_FILE: clockFile } : {}) },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return { url, dataDir, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'complaint-desk-e2e-'));
}

export const ADMIN = { branchCode: 'SH01', branchName: '上海南京路店', username: 'admin', password: 'counter-2026!' } as const;

/** First run in English: creates the branch and its admin, and lands signed in. */
export async function createBranch(page: Page): Promise<void> {
  await page.getByLabel('Branch code').fill(ADMIN.branchCode);
  await page.getByLabel('Branch name').fill(ADMIN.branchName);
  await page.getByLabel('Admin username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create branch' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

export async function signIn(page: Page, username: string = ADMIN.username, password: string = ADMIN.password): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

interface Fixtures {
  desk: DeskServer;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  desk: async ({}, use) => {
    const dataDir = newDataDir();
    const desk = await startDesk(dataDir);
    await use(desk);
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
