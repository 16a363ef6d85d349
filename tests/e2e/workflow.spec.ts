/**
 * The complaint page end to end (issue: complaint handling): three complete paths through the workflow in
 * browser mode, with refusals that keep the dialog open and save nothing.
 */
import type { Locator, Page } from '@playwright/test';
import { createBranch, expect, test } from './fixtures';
import { registerAndOpen } from './steps';

/** Opens the step's dialog from the toolbar (a button, or the item under "More"), fills it, saves, waits for it to close. */
async function act(page: Page, name: string, fill: (dialog: Locator) => Promise<unknown> = async () => {}): Promise<void> {
  const actions = page.getByRole('group', { name: 'Actions' });
  const button = actions.getByRole('button', { name, exact: true });
  // The toolbar follows the complaint's new state a moment after the last step's "Saved": until it has, the action
  // may be neither a button nor under "More" yet, so look again (closing the menu) until it is offered.
  await expect(async () => {
    if (await button.count()) return button.click({ timeout: 1_000 });
    await actions.getByRole('button', { name: 'More' }).click({ timeout: 1_000 });
    try {
      await page.getByRole('menuitem', { name, exact: true }).click({ timeout: 1_000 });
    } catch (error) {
      await page.keyboard.press('Escape');
      throw error;
    }
  }).toPass();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog.getByRole('heading', { name, exact: true })).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Saved: ${name}` })).toBeVisible();
}

const header = (page: Page) => page.locator('header.complaint-header');

async function liableGradeTwoAccepted(page: Page): Promise<void> {
  await registerAndOpen(page, '张伟', '购买的牛奶在保质期内已变质，包装鼓胀。');
  await act(page, 'Assess', async (d) => {
    await d.getByLabel('Validity').selectOption({ label: 'Liable' });
    await d.getByLabel('Severity').selectOption({ label: 'Medium' });
    await d.getByLabel('Urgency').selectOption({ label: 'High' });
    await d.getByLabel('Spread').selectOption({ label: 'One customer' });
    await expect(d.getByRole('status')).toContainText('Grade 2');
  });
  await expect(header(page).getByLabel('Grade 2')).toBeVisible();
  // Acknowledge is the emphasised next step; open it by its shortcut.
  await expect(page.getByRole('button', { name: 'Acknowledge', exact: true })).toHaveClass(/btn-primary/);
  await page.keyboard.press('Alt+A');
  const ack = page.getByRole('dialog', { name: 'Acknowledge' });
  await expect(ack).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(ack).toHaveCount(0);
  // The Acknowledge button is gone once acknowledged; focus is back in the toolbar.
  await expect(page.getByRole('group', { name: 'Actions' }).locator(':focus')).toHaveCount(1);
  await expect(header(page).getByText('Acknowledged', { exact: true })).toBeVisible();
  await act(page, 'Escalate', async (d) => {
    await d.getByLabel('Target tier').selectOption('T2');
    await d.getByLabel('Reason').fill('客户要求主管处理');
  });
  await expect(header(page)).toContainText('T2');
  await act(page, 'Record investigation', async (d) => {
    await d.getByLabel('Findings').fill('批次 20261120 冷链温度超标。');
    await d.getByLabel('Root cause').fill('冷柜温控器故障');
    await d.getByLabel('Responsible department').fill('生鲜部');
  });
  await act(page, 'Propose resolution', async (d) => {
    await d.getByLabel('Refund').check();
    await d.getByLabel('Apology').check();
    await d.getByLabel('Amount').fill('59.90');
    await d.getByLabel('Proposal').fill('全额退款并书面致歉');
  });
  await act(page, 'Customer’s answer', async (d) => {
    await d.getByLabel('Accepted').selectOption('yes');
  });
  await act(page, 'Mark resolved', async (d) => {
    await d.getByLabel('How communicated').selectOption({ label: 'Phone' });
    await d.getByLabel('Summary').fill('已退款 59.90 元，客户认可。');
  });
  await act(page, 'Follow-up visit', async (d) => {
    await d.getByLabel('Method').selectOption({ label: 'Phone' });
    await d.getByLabel('Satisfaction').selectOption('5');
  });
  await act(page, 'Close complaint');
  await expect(header(page).getByText('Closed', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
}

async function rejectedNotLiable(page: Page): Promise<void> {
  await registerAndOpen(page, '李娜', '要求赔偿停车场划痕，非本店管理区域。');
  await act(page, 'Assess', async (d) => {
    await d.getByLabel('Validity').selectOption({ label: 'Not liable' });
    await d.getByLabel('Severity').selectOption({ label: 'Low' });
    await d.getByLabel('Urgency').selectOption({ label: 'Low' });
    await d.getByLabel('Spread').selectOption({ label: 'One customer' });
  });
  // A refusal keeps the dialog open and says why: Save with no reason chosen.
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Reject', exact: true }).click();
  const d = page.getByRole('dialog', { name: 'Reject' });
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await d.getByLabel('Reason').selectOption('not_liable');
  await d.getByLabel('Details').fill('停车场由物业管理，已告知客户联系物业。');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toHaveCount(0);
  await expect(header(page).getByText('Rejected', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Nothing you can do on this complaint now: This complaint has ended/)).toBeVisible();
}

async function dissatisfiedReopens(page: Page): Promise<void> {
  await registerAndOpen(page, '王芳', '更换的热水器再次漏水。');
  await act(page, 'Assess', async (d) => {
    await d.getByLabel('Validity').selectOption({ label: 'Liable' });
    await d.getByLabel('Severity').selectOption({ label: 'Low' });
    await d.getByLabel('Urgency').selectOption({ label: 'Medium' });
    await d.getByLabel('Spread').selectOption({ label: 'One customer' });
  });
  await act(page, 'Acknowledge');
  await act(page, 'Record investigation', async (d) => d.getByLabel('Findings').fill('安装师傅未更换密封圈。'));
  await act(page, 'Propose resolution', async (d) => {
    await d.getByLabel('Repair').check();
    await d.getByLabel('Proposal').fill('上门维修并更换密封圈');
  });
  await act(page, 'Customer’s answer', async (d) => d.getByLabel('Accepted').selectOption('yes'));
  await act(page, 'Mark resolved', async (d) => {
    await d.getByLabel('How communicated').selectOption({ label: 'In person' });
    await d.getByLabel('Summary').fill('已上门维修。');
  });
  await act(page, 'Follow-up visit', async (d) => {
    await d.getByLabel('Method').selectOption({ label: 'Phone' });
    await d.getByLabel('Satisfaction').selectOption('2');
    await expect(d.getByText('Satisfaction 1–2 reopens the complaint')).toBeVisible();
    await d.getByLabel('Comments').fill('仍有滴水');
  });
  await expect(header(page).getByText('Reopened', { exact: true })).toBeVisible();
  await expect(header(page)).toContainText('T2');
  await act(page, 'Escalate', async (d) => d.getByLabel('Reason').fill('二次投诉，转客服主管'));
  await expect(header(page)).toContainText('T3');
  // A domain refusal keeps the dialog open, says why, and saves nothing.
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Extend deadline', exact: true }).click();
  const extend = page.getByRole('dialog', { name: 'Extend deadline' });
  await extend.getByLabel('Working days').fill('12');
  await extend.getByLabel('Customer informed by').selectOption({ label: 'Phone' });
  await extend.getByLabel('Reason').fill('需要厂家检测');
  await extend.getByRole('button', { name: 'Save' }).click();
  await expect(extend.getByRole('alert').filter({ hasText: 'An extension may add at most 10 working days.' }).first()).toBeVisible();
  await expect(extend).toBeVisible();
  await extend.getByLabel('Working days').fill('3');
  await extend.getByRole('button', { name: 'Save' }).click();
  await expect(extend).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Extend deadline' })).toBeVisible();
}

/** The record column and the timeline say what was done, in the UI language, the app's own reasons included. */
async function handlingReadsInBothLanguages(page: Page): Promise<void> {
  const block = (heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
  await expect(block('Timeline')).toContainText('Phone, reached, satisfaction 2/5, 仍有滴水');
  await expect(block('Timeline')).toContainText('the customer is dissatisfied at follow-up (2/5)');
  await expect(block('Follow-up visits')).toContainText('satisfaction 2/5');
  await expect(block('Extension')).toContainText('working days added: 3');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(block('处理记录')).toContainText('电话，已联系上，满意度 2/5，仍有滴水');
  await expect(block('处理记录')).toContainText('重新处理客户回访不满意（满意度 2/5）');
  await expect(block('处理记录')).not.toContainText('dissatisfied');
  await expect(block('延期')).toContainText('需要厂家检测');
  await expect(block('调查核实')).toContainText('安装师傅未更换密封圈。');
}

test.describe('complaint workflow', () => {
  test.beforeEach(async ({ page, desk }) => {
    await page.goto(desk.url);
    await createBranch(page);
  });

  test('a liable grade-2 complaint goes through escalation, resolution and follow-up to closed', async ({ page }) => {
    await liableGradeTwoAccepted(page);
    const timeline = page.getByRole('region', { name: 'Timeline' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) }));
    await expect(timeline.first()).toContainText('批次 20261120 冷链温度超标。');
  });

  test('a complaint rejected as not liable ends with nothing left to do', async ({ page }) => {
    await rejectedNotLiable(page);
  });

  test('a dissatisfied follow-up reopens and escalates; an over-long extension is refused', async ({ page }) => {
    await dissatisfiedReopens(page);
    await handlingReadsInBothLanguages(page);
  });
});
