/**
 * The escalation board end to end (issue 10): complaints appear in T1 with their counts; a card moved by
 * keyboard with a reason is the escalate step (in T2 and on the timeline); moving down, or a clerk moving
 * someone else's complaint, is refused with the reason and the card stays; countdowns turn due soon and overdue
 * as time passes; the board in both languages at 1366×768.
 */
import type { Locator, Page } from '@playwright/test';
import { ADMIN, createBranch, expect, signIn, test } from './fixtures';
import { openRegistrationForm } from './steps';

const CLERK = { username: 'li.na', displayName: '李娜', password: 'counter-one-2026' } as const;

/** F2, the minimal registration; returns the number. */
async function register(page: Page, name: string, description: string, category = 'Product quality'): Promise<string> {
  await openRegistrationForm(page);
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Phone').fill('13812345678');
  await page.getByLabel('Channel').selectOption({ label: 'Walk-in' });
  await page.getByLabel('Category').selectOption({ label: category });
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Refund').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Complaint registered')).toBeVisible();
  return ((await page.getByRole('status', { name: 'Complaint no.' }).textContent()) ?? '').trim();
}

async function openBoard(page: Page, title = 'Escalation board'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const column = (page: Page, name: RegExp): Locator => page.getByRole('region', { name });
const card = (scope: Page | Locator, number: string): Locator => scope.getByRole('button', { name: new RegExp(`^${number},`) });

test('complaints show in T1; a keyboard move with a reason escalates to T2, on the timeline; moving down is refused', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  const first = await register(page, '张伟', '购买的牛奶在保质期内已变质。');
  const second = await register(page, '李娜', '收银员态度恶劣。', 'Service attitude');
  await openBoard(page);

  const t1 = column(page, /^T1 · Front line, 2 complaints, 0 overdue/);
  await expect(t1).toBeVisible();
  await expect(card(t1, first)).toBeVisible();
  await expect(card(t1, second)).toBeVisible();
  await expect(card(t1, first)).toContainText('张伟'); // an admin sees the name in full
  await expect(column(page, /^T2 · Complaint team, 0 complaints/)).toContainText('No complaints');
  // No complaint is on a route: no legal or PR lane.
  await expect(column(page, /^Legal/)).toHaveCount(0);

  await card(t1, first).focus();
  await page.keyboard.press('Shift+ArrowRight');
  const dialog = page.getByRole('dialog', { name: `Escalate ${first} to T2 · Complaint team` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Target tier')).toHaveValue('T2');
  await dialog.getByLabel('Reason').fill('客户要求投诉专员处理');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${first} escalated to T2 · Complaint team` })).toBeVisible();
  const t2 = column(page, /^T2 · Complaint team, 1 complaints/);
  await expect(card(t2, first)).toBeFocused();
  await expect(column(page, /^T1 · Front line, 1 complaints/)).toBeVisible();

  // Down again is not an escalation: refused with the reason, the card stays in T2.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByRole('alert')).toContainText(`${first} cannot move to T1 · Front line: Escalation can only go to a higher tier.`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(t2, first)).toBeFocused();

  // Enter opens the complaint: the escalation and its reason are on the timeline; Esc comes back to the card.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Timeline', exact: true }) });
  await expect(timeline).toContainText('客户要求投诉专员处理');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Escalation board' })).toBeVisible();
  await expect(card(page, first)).toBeFocused();
});

test('dragging a card to another column with the mouse opens the same escalate step; a legal route opens its lane', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  const number = await register(page, '陈静', '店内地面湿滑没有警示牌。', 'Environment & facilities');
  await openBoard(page);
  const from = await card(column(page, /^T1 · Front line/), number).boundingBox();
  const to = await column(page, /^T3 · CS supervisor/).boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  await page.mouse.move(from.x + 40, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + 60, to.y + 80, { steps: 8 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: `Escalate ${number} to T3 · CS supervisor` });
  await expect(dialog.getByLabel('Target tier')).toHaveValue('T3');
  await dialog.getByLabel('Route').selectOption({ label: 'Legal' });
  await dialog.getByLabel('Reason').fill('客户声称将起诉');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(column(page, /^T3 · CS supervisor, 1 complaints/), number)).toBeVisible();
  // On the legal route now: the Legal lane appears, the card in it too.
  await expect(card(column(page, /^Legal, 1 complaints/), number)).toBeVisible();

  // Space lifts the card, → carries it to the next column, Space drops it: the same dialog; Esc cancels it.
  const t3 = column(page, /^T3 · CS supervisor/);
  await card(t3, number).focus();
  await page.keyboard.press('Space');
  await expect(card(t3, number)).toHaveAttribute('data-dragging', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: `${number} is over T4 · Senior management` })).toHaveCount(1);
  await page.keyboard.press('Space');
  const toT4 = page.getByRole('dialog', { name: `Escalate ${number} to T4 · Senior management` });
  await expect(toT4.getByLabel('Target tier')).toHaveValue('T4');
  await page.keyboard.press('Escape');
  await expect(toT4).toHaveCount(0);
  await expect(card(t3, number)).toBeFocused();
});

test('a clerk starts on "Mine only", sees names masked, and moving a colleague’s complaint is refused; a supervisor moves it and assigns it', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByLabel('Username').fill(CLERK.username);
  await add.getByLabel('Display name').fill(CLERK.displayName);
  await add.getByLabel('Password', { exact: true }).fill(CLERK.password);
  await add.getByLabel('Confirm password').fill(CLERK.password);
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(add).toHaveCount(0);
  const number = await register(page, '赵六', '冷柜里的酸奶已过期。');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, CLERK.username, CLERK.password);
  await openBoard(page);

  await expect(page.getByLabel('Mine only')).toBeChecked();
  await expect(column(page, /^T1 · Front line, 0 complaints/)).toBeVisible();
  await page.getByLabel('Mine only').uncheck();
  const t1 = column(page, /^T1 · Front line, 1 complaints/);
  await expect(card(t1, number)).toContainText('赵*');
  await expect(card(t1, number)).not.toContainText('赵六');

  await card(t1, number).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('alert')).toContainText(`${number} cannot move to T2 · Complaint team: This complaint is assigned to someone else.`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(t1, number)).toBeVisible();

  // The filters are remembered for this clerk: signed in again, "Mine only" stays off.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, CLERK.username, CLERK.password);
  await openBoard(page);
  await expect(page.getByLabel('Mine only')).not.toBeChecked();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await openBoard(page);
  await expect(page.getByLabel('Mine only')).not.toBeChecked(); // an admin never started on "Mine"

  // A supervisor's move may also say who takes the complaint at its new tier: escalate, then assign.
  await card(page, number).focus();
  await page.keyboard.press('Shift+ArrowRight');
  const dialog = page.getByRole('dialog', { name: `Escalate ${number} to T2 · Complaint team` });
  await dialog.getByLabel('Also assign to').selectOption({ label: `${CLERK.displayName} · Staff` });
  await dialog.getByLabel('Reason').fill('交投诉专员李娜跟进');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${number} escalated to T2 · Complaint team and assigned to ${CLERK.displayName}` })).toBeVisible();
  await expect(card(column(page, /^T2 · Complaint team, 1 complaints/), number)).toContainText(CLERK.displayName);
});

test('a countdown turns due soon, then overdue, as time passes, without a reload, with a notification each time', async ({ page, desk }) => {
  // The OS notifications the page raises, recorded instead of shown.
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(globalThis, { shownNotifications: shown });
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string) {
        shown.push(title);
      }
    }
    Object.assign(globalThis, { Notification: RecordedNotification });
  });
  const notifications = () => page.evaluate(() => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications);
  await page.clock.install({ time: new Date() });
  await page.goto(desk.url);
  await createBranch(page);
  const number = await register(page, '王芳', '预约安装迟到三个小时。');
  await openBoard(page);
  const t1 = column(page, /^T1 · Front line/);
  await expect(card(t1, number)).toContainText(/left/);
  await expect(card(t1, number)).not.toContainText('Due soon');

  expect(await notifications()).toEqual([]);

  await page.clock.fastForward('19:00:00');
  await expect(card(t1, number)).toContainText('Due soon');
  await expect.poll(notifications).toEqual([`Complaint ${number} is due soon`]);
  await page.clock.fastForward('06:00:00');
  await expect(card(t1, number)).toContainText('Overdue');
  await expect.poll(notifications).toEqual([`Complaint ${number} is due soon`, `Complaint ${number} is overdue`]);
  await expect(column(page, /^T1 · Front line, 1 complaints, 1 overdue/)).toBeVisible();

  // The bell lists it; Esc closes the list; "show all" opens the register filtered to what the bell counts.
  const bell = page.getByRole('button', { name: 'Reminders: 0 due soon, 1 overdue' });
  await bell.click();
  const alerts = page.getByRole('dialog', { name: 'Due soon and overdue' });
  await expect(alerts.getByRole('button', { name: new RegExp(number) })).toContainText('Overdue');
  await page.keyboard.press('Escape');
  await expect(alerts).toHaveCount(0);
  await expect(bell).toBeFocused();
  await bell.click();
  await alerts.getByRole('button', { name: 'Show all in the register' }).click();
  await expect(page.getByLabel('Due soon or overdue')).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: '1 complaints' })).toBeVisible();
  await bell.click();
  await alerts.getByRole('button', { name: new RegExp(number) }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
});

test('the board in Chinese and English at 1366×768', async ({ page, desk }, testInfo) => {
  // The renderer's clock runs ahead after registering (main's stays real, so nothing falls due there).
  await page.clock.install({ time: new Date() });
  await page.goto(desk.url);
  await createBranch(page);
  await register(page, '张伟', '购买的牛奶在保质期内已变质。');
  await register(page, '李娜', '收银员态度恶劣。', 'Service attitude');
  await register(page, '刘洋', '促销价签与结账价格不符。', 'Price & billing');
  const third = await register(page, '王芳', '预约安装迟到三个小时。', 'Delivery delay / missed appointment');
  const media = await register(page, '陈静', '顾客在微博发帖称店内地面湿滑致老人摔倒。', 'Environment & facilities');
  await page.getByRole('button', { name: 'Open this complaint' }).click();
  await expect(page.getByRole('heading', { level: 1, name: media })).toBeVisible();
  await page.keyboard.press('Alt+G');
  const assess = page.getByRole('dialog', { name: 'Assess' });
  await assess.getByLabel('Validity').selectOption({ label: 'Liable' });
  await assess.getByLabel('Severity').selectOption({ label: 'High' });
  await assess.getByLabel('Urgency').selectOption({ label: 'High' });
  await assess.getByLabel('Spread').selectOption({ label: 'One customer' });
  await assess.getByLabel('Media exposure').check();
  await assess.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(assess).toHaveCount(0);
  await openBoard(page);
  // Three hours on: the grade-1 complaint's 2 h response is overdue; 19 h on, the others' acknowledgement is due soon.
  await page.clock.fastForward('03:00:00');
  await card(page, third).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.getByRole('dialog').getByLabel('Reason').fill('需要投诉专员跟进');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(column(page, /^Public relations/), media)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('board-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '升级看板' })).toBeVisible();
  await expect(column(page, /^T1 · 一线/)).toBeVisible();
  await expect(column(page, /^T2 · 投诉组/)).toBeVisible();
  await expect(column(page, /^公关/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('board-zh-CN.png') });
});
