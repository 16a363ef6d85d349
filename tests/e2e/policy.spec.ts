/**
 * Branch policy editing end to end (issue 13 item 4): an admin changes a grade's resolution time in Settings →
 * Policy; a bad value is marked at its field and nothing is saved; a good one becomes v2 in the history, and the
 * next complaint is graded under v2 while the first keeps v1.
 */
import type { Page } from '@playwright/test';
import { createBranch, expect, test } from './fixtures';
import { registerAndOpen } from './steps';

async function openPolicySettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  const section = page.getByRole('region', { name: 'Policy' });
  await expect(section).toBeVisible();
  return section;
}

test('an admin saves a new policy version; only the next complaint is graded under it', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await registerAndOpen(page, '王芳', '收银员态度恶劣');
  await expect(page.locator('.complaint-header')).toContainText('Policy v1');

  const section = await openPolicySettings(page);
  await expect(section.getByRole('status')).toContainText('Policy v1 in force');
  const history = section.getByRole('table', { name: 'Versions this branch has run' });
  await expect(history.getByRole('row')).toHaveCount(2);

  // A bad value: marked at its field, and nothing is saved.
  const resolve3 = section.getByLabel('Grade 3: resolve within (hours)');
  await resolve3.fill('-2');
  await section.getByRole('button', { name: 'Save as v2' }).click();
  await expect(section.getByText('The policy was not saved: correct the marked fields.')).toBeVisible();
  await expect(resolve3).toHaveAttribute('aria-invalid', 'true');
  await expect(history.getByRole('row')).toHaveCount(2);

  await resolve3.fill('96');
  await section.getByRole('button', { name: 'Save as v2' }).click();
  await expect(section.getByRole('status')).toContainText('Policy v2 in force');
  await expect(section.getByRole('status')).toContainText('saved at this branch by admin');
  await expect(history.getByRole('row').nth(1)).toContainText('v2');
  await expect(history.getByRole('row').nth(1)).toContainText('saved at this branch by admin');
  await expect(section.getByLabel('Grade 3: resolve within (hours)')).toHaveValue('96');

  await registerAndOpen(page, '李雷', '退款迟迟未到账');
  await expect(page.locator('.complaint-header')).toContainText('Policy v2');
});
