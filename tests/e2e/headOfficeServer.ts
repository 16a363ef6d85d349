/**
 * A real head office for the e2e specs that need one (`npm run headoffice` over embedded Postgres in a temp folder,
 * serving the built renderer), and the steps that connect a branch desk to it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

const HO_USER = { username: 'zongbu', password: 'zongbu-2026!' };
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `npm run headoffice` as an operator runs it: an account made with `add-user`, then the server on a free
 * loopback port, serving the built renderer; resolves with the URL it prints.
 */
export async function startRealHeadOffice(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const cli = ['--import', 'tsx', 'server/cli.ts'];
  const added = spawnSync(process.execPath, [...cli, 'add-user', HO_USER.username, '--role', 'admin', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, HEADOFFICE_PASSWORD: HO_USER.password },
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`add-user failed: ${added.stdout}${added.stderr}`);
  const child = spawn(process.execPath, [...cli, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--lang', 'en'], { cwd: ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`head office did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Head office listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`head office exited with ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** Head office's admin signs in to its screens in a window of its own, at the branch PCs' usual 1366×768. */
export async function signInAtHeadOffice(browser: Browser, url: string): Promise<Page> {
  const ho = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await ho.goto(`${url}/`);
  await ho.getByLabel('Username').fill(HO_USER.username);
  await ho.getByLabel('Password', { exact: true }).fill(HO_USER.password);
  await ho.getByRole('button', { name: 'Sign in' }).click();
  return ho;
}

/** Head office's admin issues a branch's code in Branch health and reads it off the screen (shown once). */
export async function issueCode(ho: Page, code: string, name: string): Promise<string> {
  await ho.getByLabel('Branch code').fill(code);
  await ho.getByLabel('Branch name (new branches)').fill(name);
  await ho.getByRole('button', { name: 'Issue enrolment code' }).click();
  const issued = ho.getByLabel(`Enrolment code for ${name} (${code})`);
  await expect(issued).toBeVisible();
  return issued.inputValue();
}

/** The branch's admin pastes head office's code in Settings; the top bar reaches "synced". */
export async function enrolAndSync(page: Page, code: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('banner').locator('.sync-indicator')).toHaveText(/^Synced \d\d:\d\d$/, { timeout: 20_000 });
}

export const nav = (page: Page, name: string | RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();
