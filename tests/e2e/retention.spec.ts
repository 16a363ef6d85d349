/**
 * Retention end to end: a branch whose journal holds a complaint voided four years ago. The admin's Settings
 * show what anonymising would remove, the confirmation repeats it, and afterwards the complaint page says the
 * personal data was removed, when and by whom, and no longer shows the customer's phone.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, createBranch, expect, signIn, startDesk, test } from './fixtures';

const fixture = (type: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', `${type}.v1.json`), 'utf8')) as Record<string, unknown>;
const COMPLAINT_ID = 'c-2022-0301-retention';
const NUMBER = 'SH01-20220301-0001';

/** A complaint registered and voided in March 2022, as an earlier version of the app wrote it to the journal. */
function oldJournal(): string {
  const registered = fixture('Registered');
  const payload = registered.payload as Record<string, unknown>;
  const lines = [
    { ...registered, id: 'e-2022-1', complaintId: COMPLAINT_ID, seq: 1, at: '2022-03-01T02:10:00.000Z', payload: { ...payload, number: NUMBER, receivedAt: '2022-03-01T02:05:00.000Z', evidence: [] } },
    { ...fixture('Voided'), id: 'e-2022-2', complaintId: COMPLAINT_ID, seq: 2, at: '2022-03-01T04:00:00.000Z' },
  ];
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

test('an admin removes the personal data of a record past its retention, and the complaint page says so', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await desk.stop();

  mkdirSync(join(desk.dataDir, 'journal'), { recursive: true });
  appendFileSync(join(desk.dataDir, 'journal', 'events.v1.jsonl'), oldJournal());
  const number = NUMBER;

  const reopened = await startDesk(desk.dataDir);
  try {
    await page.goto(reopened.url);
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
    const section = page.getByRole('region', { name: 'Record retention and personal data' });
    await expect(section).toContainText('still hold personal data: 1. Removing it deletes names (1), phone numbers (1), customer numbers (1).');
    await expect(section).toContainText(number);
    await section.getByRole('button', { name: 'Remove personal data… (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove personal data?' });
    await expect(dialog).toContainText('This cannot be undone.');
    await dialog.getByRole('button', { name: 'Remove from 1 complaint' }).click();
    await expect(section.getByRole('status')).toHaveText('Personal data removed from 1 complaint; 0 evidence files deleted.');
    await expect(section).toContainText('No complaint that ended before');

    await page.goto(`${reopened.url.split('#')[0]}#/complaints/${encodeURIComponent(COMPLAINT_ID)}`);
    await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
    await expect(page.getByText(`Removed on`)).toContainText(`by ${ADMIN.username}`);
    await expect(page.getByText('137 1111 2222')).toHaveCount(0);
    await expect(page.getByText('Personal data removed', { exact: true })).toBeVisible();
    expect(readFileSync(join(desk.dataDir, 'journal', 'events.v1.jsonl'), 'utf8')).not.toContain('137 1111 2222');
  } finally {
    await reopened.stop();
  }
});
