/**
 * The working calendar from head office, as the admins meet it (issue 13 item 3): head office's admin imports the
 * 2027 holiday notice on head office's Settings → Working calendar, sees the same day-by-day preview a branch
 * has, and publishes it as v1; an enrolled branch takes it with its next sync, and its Settings say head office's
 * calendar v1 is in force and when it arrived, with no import of its own. Screenshots of both screens in both
 * languages (test-results/calendar-push/).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, createBranch, expect, newDataDir, test } from './fixtures';
import { enrolAndSync, issueCode, nav, ROOT, signInAtHeadOffice, startRealHeadOffice } from './headOfficeServer';

const SHOTS = join(ROOT, 'test-results', 'calendar-push');
const NOTICE_ICS = { name: '2027 holidays.ics', mimeType: 'text/calendar', buffer: readFileSync(join(ROOT, 'tests', 'fixtures', 'calendars', 'cn-2027-notice.example.ics')) };

/**
 * Settings' working-calendar section (a picture of it scrolls it into view). A calendar that arrives rebuilds the
 * window's rows, and the page shows again after: every look at the section finds it afresh.
 */
async function calendarSection(page: Page, settings: string | RegExp = /Settings/, title = 'Working calendar') {
  await nav(page, settings);
  return page.getByRole('region', { name: title });
}

test('head office publishes the 2027 notice; the enrolled branch runs head office’s calendar and imports none of its own', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  const officeDir = newDataDir();
  let office: { url: string; stop: () => Promise<void> } | undefined;
  try {
    office = await startRealHeadOffice(officeDir);
    const ho = await signInAtHeadOffice(browser, office.url);

    const published = await calendarSection(ho);
    await expect(published.getByRole('status')).toHaveText(/Head office has not published a working calendar yet/);
    await expect(published.getByRole('listitem').filter({ hasText: '2027' })).toContainText('Provisional');
    await published.getByLabel('Import a holiday notice…').setInputFiles(NOTICE_ICS);
    const preview = published.getByRole('region', { name: 'Preview: holiday notice for 2027 · 2027 holidays.ics' });
    await expect(preview.getByRole('alert')).toContainText('Added working days (6): 2027-01-31, 2027-02-20');
    await preview.screenshot({ path: join(SHOTS, 'head-office-preview.en.png') });
    await preview.getByRole('button', { name: 'Publish to branches (2027)' }).click();
    await expect(published.getByRole('status')).toHaveText(/^Head office’s working calendar v1, published \d+ \w+ \d{4}, \d\d:\d\d\./);
    await expect(published.getByRole('listitem').filter({ hasText: '2027' })).toContainText('published by head office (its v1');
    await expect(published.getByRole('listitem').filter({ hasText: '2027' })).not.toContainText('Provisional');
    await published.screenshot({ path: join(SHOTS, 'head-office.en.png') });

    // The branch enrols; its next round brings head office's calendar.
    await nav(ho, 'Branch health');
    const code = await issueCode(ho, ADMIN.branchCode, ADMIN.branchName);
    await page.goto(desk.url);
    await createBranch(page);
    const own = await calendarSection(page);
    await expect(own.getByLabel('Import a holiday notice…')).toBeAttached();
    await enrolAndSync(page, code);
    await nav(page, /Complaint register/);
    const branch = await calendarSection(page);
    await expect(branch.getByRole('status')).toHaveText(/head office’s working calendar is in force \(its v1, arrived \d+ \w+ \d{4}, \d\d:\d\d\)/);
    await expect(branch.getByRole('listitem').filter({ hasText: '2027' })).toContainText('published by head office (its v1');
    await expect(branch.getByLabel('Import a holiday notice…')).toHaveCount(0);
    await branch.screenshot({ path: join(SHOTS, 'branch.en.png') });

    // The same two screens in Chinese.
    for (const window of [ho, page]) await window.getByRole('banner').getByLabel('Language').selectOption('zh-CN');
    const branchZh = await calendarSection(page, /设置/, '工作日历');
    await expect(branchZh.getByRole('status')).toContainText('以总部发布的工作日历为准（总部 v1');
    await branchZh.screenshot({ path: join(SHOTS, 'branch.zh-CN.png') });
    await nav(ho, /投诉登记簿/);
    const publishedZh = await calendarSection(ho, /设置/, '工作日历');
    await expect(publishedZh.getByRole('status')).toContainText('总部工作日历 v1');
    await publishedZh.screenshot({ path: join(SHOTS, 'head-office.zh-CN.png') });
  } finally {
    await office?.stop();
    rmSync(officeDir, { recursive: true, force: true });
  }
});
