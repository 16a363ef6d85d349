/**
 * Sync with head office as the admin meets it: the top bar's state, enrolment by pasting head office's code
 * in Settings (a code for another branch is refused in words), head office unreachable said in words, a USB
 * export that is a signed envelope, and a head office on loopback that brings the indicator to "synced" and back
 * to "pending" after the next step.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from '@playwright/test';
import { BranchCodeSchema } from '../../shared/brand';
import { encodeEnrolment } from '../../shared/sync/enrolment';
import { BatchBodySchema, BatchEnvelopeSchema } from '../../shared/sync/protocol';
import { newBranchSecret, signatureHolds } from '../../shared/sync/signature';
import { startFakeHeadOffice } from '../unit/sync/headOffice';
import { ADMIN, createBranch, expect, test } from './fixtures';
import { registerAndOpen } from './steps';

/** A loopback port nothing listens on: head office is off. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const codeFor = (url: string, secret: string, branch: string = ADMIN.branchCode) =>
  encodeEnrolment({ url, branch: BranchCodeSchema.parse(branch), secret, issuedAt: '2026-12-01T08:00:00.000Z' });

async function pasteCode(page: Page, code: string, button: 'Enrol' | 'Replace the code') {
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('the admin enrols by code, sees head office unreachable in words, exports a signed batch file, then syncs', async ({ page, desk }) => {
  const usb = mkdtempSync(join(tmpdir(), 'complaint-desk-usb-'));
  const secret = newBranchSecret();
  const office = await startFakeHeadOffice(ADMIN.branchCode, secret);
  try {
    await page.goto(desk.url);
    await createBranch(page);
    await registerAndOpen(page, '张伟', '购买的纯牛奶在保质期内已变质');
    const indicator = page.getByRole('banner').getByRole('button', { name: /Not enrolled/ });
    await expect(indicator).toBeVisible();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
    const section = page.getByRole('region', { name: 'Sync with head office' });
    await expect(section.getByText('This branch is not enrolled with head office')).toBeVisible();

    // A code for another branch is refused, in words, and nothing is enrolled.
    await pasteCode(page, codeFor(office.url, secret, 'BJ02'), 'Enrol');
    await expect(section.getByRole('alert')).toHaveText('This code was issued for branch BJ02, not this one. Ask head office for this branch’s code.');
    await expect(section.getByText('This branch is not enrolled with head office')).toBeVisible();

    // Head office is off: the top bar says offline with what is pending; the panel says why in words.
    await pasteCode(page, codeFor(`http://127.0.0.1:${await closedPort()}`, secret), 'Enrol');
    await expect(section.getByRole('status').filter({ hasText: 'Enrolled with head office' })).toBeVisible();
    const topBarState = page.getByRole('banner').locator('.sync-indicator');
    await expect(topBarState).toHaveText(/^Offline · \d+ pending$/);
    const pending = Number((await topBarState.textContent())?.match(/(\d+) pending/)?.[1]);
    expect(pending).toBeGreaterThan(0);
    await topBarState.click();
    const panel = page.getByRole('dialog', { name: 'Sync with head office' });
    await expect(panel.getByText('Head office cannot be reached (no network, or head office is off). The desk will try again by itself.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    // USB: the pending events as one signed batch file in the folder typed.
    await section.getByLabel('Export to folder').fill(usb);
    await section.getByRole('button', { name: 'Export batch files' }).click();
    await expect(section.getByText(`Wrote 1 batch file to ${usb}: SH01-1-${pending}.cdbatch`)).toBeVisible();
    expect(await readdir(usb)).toEqual([`SH01-1-${pending}.cdbatch`]);
    const envelope = BatchEnvelopeSchema.parse(JSON.parse(await readFile(join(usb, `SH01-1-${pending}.cdbatch`), 'utf8')));
    expect(await signatureHolds(secret, envelope)).toBe(true);
    expect(BatchBodySchema.parse(JSON.parse(envelope.body))).toMatchObject({ branch: 'SH01', fromSeq: 1, toSeq: pending });

    // Head office on: a new code, and the indicator reaches "synced"; the next step reaches head office by itself
    // within seconds (no "sync now", no waiting for the interval).
    await pasteCode(page, codeFor(office.url, secret), 'Replace the code');
    await expect(topBarState).toHaveText(/^Synced \d\d:\d\d$/);
    expect(office.stored.size).toBe(pending);
    await registerAndOpen(page, '李娜', '收银员态度恶劣');
    await expect.poll(() => office.stored.size, { timeout: 20_000 }).toBeGreaterThan(pending);
    await expect(topBarState).toHaveText(/^Synced \d\d:\d\d$/);
    await topBarState.click();
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect(topBarState).toHaveText(/^Synced \d\d:\d\d$/);
    await expect(panel.getByText('Every record has reached head office.')).toBeVisible();
  } finally {
    await office.close();
    rmSync(usb, { recursive: true, force: true });
  }
});
