/**
 * Backups, restore and the audit log end to end: the admin chooses a backup folder in Settings and backs up
 * with the button; the audit log shows the backup and the sign-in, filters by kind and exports as CSV.
 * On a new PC (a fresh data folder) the first run refuses a damaged backup saying
 * which file, restores the good one, and the branch's admin signs in to find the complaint again.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, createBranch, expect, newDataDir, signIn, startDesk, test } from './fixtures';
import { registerAndOpen } from './steps';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('the admin backs up from Settings, reads the audit log, and a new PC restores the backup', async ({ page, desk }) => {
  const usb = mkdtempSync(join(tmpdir(), 'complaint-desk-usb-'));
  const newPc = newDataDir();
  try {
    await page.goto(desk.url);
    await createBranch(page);
    const number = await registerAndOpen(page, '张伟', '购买的纯牛奶已变质');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('img', { name: 'No good backup yet' })).toBeVisible();
    await openSettings(page);

    const backups = page.getByRole('region', { name: 'Backups' });
    await expect(backups.getByRole('alert')).toContainText('There is no good backup yet');
    await backups.getByLabel('Backup folder').fill('backups');
    await backups.getByRole('button', { name: 'Save folder' }).click();
    await expect(backups.getByRole('alert').filter({ hasText: 'Give the full path of the backup folder' })).toBeVisible();
    await backups.getByLabel('Backup folder').fill(usb);
    await backups.getByRole('button', { name: 'Save folder' }).click();
    await expect(backups.getByText('Backup folder saved.')).toBeVisible();
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByText('Good, every file checked against its SHA-256')).toBeVisible();
    await expect(backups.getByRole('alert')).toHaveCount(0);
    await expect(nav.getByRole('img', { name: 'No good backup yet' })).toHaveCount(0);
    const [backupName] = readdirSync(usb);
    await expect(backups.getByText(backupName ?? 'missing')).toBeVisible();

    const audit = page.getByRole('region', { name: 'Audit log' });
    const lines = audit.getByRole('table', { name: 'Audit log' }).getByRole('row');
    await audit.getByRole('button', { name: 'Refresh' }).click();
    await expect(lines.filter({ hasText: 'Backup' })).toContainText(['manual · verified']);
    await expect(lines.filter({ hasText: 'Sign-in' })).toHaveCount(1);
    await audit.getByLabel('Kind').selectOption({ label: 'Backup' });
    await expect(lines).toHaveCount(2); // the header and the backup
    const download = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv).toContain('Time,Kind,Person,Role,What');
    expect(csv).toMatch(/Backup,admin,Admin,manual · verified/);
    await audit.getByRole('button', { name: 'Clear filters' }).click();
    await expect(lines.filter({ hasText: 'Audit log export' })).toContainText(['CSV · 1 row · filter: kind=backup']);

    // A new PC: its first run restores the backup, refusing a damaged copy first.
    const second = await startDesk(newPc);
    try {
      await page.goto(second.url);
      await page.getByText('On a new PC? Restore from a backup').click();
      const damaged = join(usb, 'damaged-copy');
      cpSync(join(usb, backupName ?? ''), damaged, { recursive: true });
      writeFileSync(join(damaged, 'users.json'), '{}\n');
      await page.getByLabel('Backup folder path').fill(damaged);
      await page.getByRole('button', { name: 'Check and restore' }).click();
      await expect(page.getByRole('alert')).toContainText('The backup is damaged: users.json does not match');
      await expect(page.getByRole('button', { name: 'Create branch' })).toBeVisible(); // still the first run: nothing changed
      await page.getByLabel('Backup folder path').fill(join(usb, backupName ?? ''));
      await page.getByRole('button', { name: 'Check and restore' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expect(page.getByText(ADMIN.branchName)).toBeVisible();
      await signIn(page);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Complaint register/ }).click();
      await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(usb, { recursive: true, force: true });
    rmSync(newPc, { recursive: true, force: true });
  }
});
