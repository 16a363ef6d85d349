/**
 * The working calendar end to end: the admin imports the 2027 holiday notice in Settings, sees first what it
 * changes day by day — make-up working days (调休) the calendar in force does not have flagged as added working
 * days — and only then applies it; 2027 stops being provisional, also after a reload. A malformed file is
 * refused with where the problem is, and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createBranch, expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'calendars');
const NOTICE_ICS = { name: '2027 holidays.ics', mimeType: 'text/calendar', buffer: readFileSync(join(FIXTURES, 'cn-2027-notice.example.ics')) };

async function openCalendarSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  const section = page.getByRole('region', { name: 'Working calendar' });
  await expect(section).toBeVisible();
  return section;
}

test('an admin previews a holiday notice with its added working days, applies it, and 2027 is no longer provisional', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  const section = await openCalendarSettings(page);
  const years = section.getByRole('list', { name: 'Where each year’s holidays come from' });
  await expect(years.getByRole('listitem').filter({ hasText: '2027' })).toContainText('Provisional');

  // A file that is not a notice: refused, saying where, and nothing changes.
  await section.getByLabel('Import a holiday notice…').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"year": 2027, "holidays": [{"from": "2027-10-01", "to": "2027-09-30"}]}') });
  const refusal = section.getByRole('alert');
  await expect(refusal).toContainText('The holiday notice file is not valid.');
  await expect(refusal).toContainText('(at holidays.0.to)');
  await expect(refusal).toContainText('Nothing in the working calendar was changed.');
  await expect(years.getByRole('listitem').filter({ hasText: '2027' })).toContainText('Provisional');

  await section.getByLabel('Import a holiday notice…').setInputFiles(NOTICE_ICS);
  const preview = section.getByRole('region', { name: 'Preview: holiday notice for 2027 · 2027 holidays.ics' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('alert')).toContainText('Added working days (6): 2027-01-31, 2027-02-20, 2027-04-25, 2027-05-08, 2027-09-26, 2027-10-09.');
  const changes = preview.getByRole('table', { name: 'Changes day by day' });
  const saturday = changes.getByRole('row').filter({ hasText: '2027-02-20' });
  await expect(saturday).toContainText('Added working day');
  await expect(saturday).toContainText('Weekend');
  await expect(saturday).toContainText('Make-up working day · 春节 补班');
  await expect(changes.getByRole('row').filter({ hasText: '2027-02-12' })).toContainText('Holiday added');
  await expect(preview).toContainText('Once applied, 2027 is no longer provisional.');
  // Only a preview so far.
  await expect(years.getByRole('listitem').filter({ hasText: '2027' })).toContainText('Provisional');

  await preview.getByRole('button', { name: 'Apply to the 2027 calendar' }).click();
  const applied = page.getByRole('region', { name: 'Working calendar' }).getByRole('list', { name: 'Where each year’s holidays come from' });
  await expect(applied.getByRole('listitem').filter({ hasText: '2027' })).toContainText('State Council notice imported');
  await expect(applied.getByRole('listitem').filter({ hasText: '2027' })).toContainText('2027 holidays.ics');
  await expect(applied.getByRole('listitem').filter({ hasText: '2027' })).not.toContainText('Provisional');

  // Main keeps it: a reload reads it back.
  await page.reload();
  const reloaded = await openCalendarSettings(page);
  await expect(reloaded.getByRole('listitem').filter({ hasText: '2027' })).toContainText('State Council notice imported');
  await expect(reloaded.getByText('Provisional', { exact: true })).toHaveCount(0);
});
