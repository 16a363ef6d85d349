import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createBranch, expect, newDataDir, signIn, startDesk, test } from './fixtures';
import { openRegistrationForm } from './steps';

async function register(page: Page, name: string, phone: string): Promise<string> {
  await openRegistrationForm(page);
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Phone').fill(phone);
  await page.getByLabel('Channel').selectOption({ label: 'Phone / hotline' });
  await page.getByLabel('Category').selectOption({ label: 'Service attitude' });
  await page.getByLabel('Description').fill(`${name}反映客服电话长时间无人接听。`);
  await page.getByLabel('Explanation').check();
  await page.keyboard.press('Control+Enter');
  const number = page.getByRole('status', { name: 'Complaint no.' });
  await expect(number).toBeVisible();
  return ((await number.textContent()) ?? '').trim();
}

test('with the browser storage wiped, everything comes back from main’s journal and numbering continues', async ({ browser }) => {
  const dataDir = newDataDir();
  try {
    let desk = await startDesk(dataDir);
    const first = await browser.newContext();
    let page = await first.newPage();
    await page.goto(desk.url);
    await createBranch(page);
    const one = await register(page, '王芳', '13900001111');
    const two = await register(page, '赵敏', '13900002222');
    expect(one).toMatch(/-0001$/);
    expect(two).toMatch(/-0002$/);
    await first.close();
    await desk.stop();

    // A new browser profile has an empty IndexedDB; main restarts on the same data folder.
    desk = await startDesk(dataDir);
    const second = await browser.newContext();
    page = await second.newPage();
    // The journal's pages are read in the app's answer worker, served like its other scripts (CSP included).
    const workers: string[] = [];
    const warnings: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await page.goto(desk.url);
    await signIn(page);
    await page.getByRole('link', { name: /Complaint register/ }).click();
    await expect(page.getByText('2 complaints')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(one) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(two) })).toBeVisible();
    expect(workers).toEqual([expect.stringMatching(/\/assets\/answer-worker-entry-[\w-]+\.js$/)]);
    expect(warnings.filter((text) => text.includes('worker'))).toEqual([]);

    const three = await register(page, '黄强', '13900003333');
    expect(three).toMatch(/-0003$/);
    await second.close();
    await desk.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
