/**
 * The monthly / quarterly branch report end to end (issue 11 item 7): a supervisor's action on the dashboard
 * previews the month's report in a sandboxed frame, and saves it as a PDF whose Chinese text, branch name and
 * page numbers pdftotext reads back; the audit log in Settings then lists both.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, createBranch, expect, test } from './fixtures';
import { registerAndOpen } from './steps';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the month’s report is previewed, saved as a PDF in Chinese with the branch and page numbers, and both are audited', async ({ page, desk }) => {
  test.skip(!hasPdftotext(), 'pdftotext (poppler-utils) is not installed');
  await page.goto(desk.url);
  await createBranch(page);
  await registerAndOpen(page, '张伟', '购买的牛奶在保质期内已变质，包装鼓胀。');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();

  await page.getByRole('button', { name: 'Branch report' }).click();
  const picker = page.getByRole('dialog', { name: 'Branch report' });
  // The last whole month is offered first; this month (with the complaint just registered) is the first choice.
  await picker.getByLabel('Period').selectOption({ index: 0 });
  await picker.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Report preview/ });
  const frame = preview.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Monthly complaint report' })).toBeVisible();
  await expect(frame.getByText(ADMIN.branchName).first()).toBeVisible();
  await expect(frame.getByRole('row', { name: /^Complaints 1 / })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const again = page.getByRole('dialog', { name: '月度/季度报告' });
  await again.getByLabel('报告期间').selectOption({ index: 0 });
  const waiting = page.waitForEvent('download');
  await again.getByRole('button', { name: '保存为 PDF' }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toMatch(/^.+ 客户投诉月度报告 \d{4}年\d{1,2}月\.pdf$/);
  const path = join(tmpdir(), `report-${Date.now()}.pdf`);
  await file.saveAs(path);
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['客户投诉月度报告', ADMIN.branchName, '投诉量（件）1', '第1页/共']) expect(text).toContain(expected);
  await expect(again.getByRole('status')).toContainText('报告已下载');
  await again.getByRole('button', { name: /关闭|Close/ }).first().click();

  await page.getByRole('navigation').getByRole('link', { name: /设置/ }).click();
  await expect(page.getByRole('cell', { name: '月度/季度报告' })).toHaveCount(2);
});
