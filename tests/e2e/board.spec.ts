/**
 * The escalation board end to end (issue 10): complaints appear in T1 with their counts; a card moved by
 * keyboard with a reason is the escalate step (in T2 and on the timeline); moving down, or a clerk moving
 * someone else's complaint, is refused with the reason and the card stays; countdowns turn due soon and overdue
 * as time passes; the board in both languages at 1366×768.
 */
import type { Locator, Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import { ADMIN, createBranch, expect, newDataDir, signIn, startDesk, test } from './fixtures';
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
  const t2 = column(page, /^T2 · Complaint team, 1 complaint/);
  await expect(card(t2, first)).toBeFocused();
  await expect(column(page, /^T1 · Front line, 1 complaint/)).toBeVisible();

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
  await expect(card(column(page, /^T3 · CS supervisor, 1 complaint/), number)).toBeVisible();
  // On the legal route now: the Legal lane appears, the card in it too.
  await expect(card(column(page, /^Legal, 1 complaint/), number)).toBeVisible();

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
  const t1 = column(page, /^T1 · Front line, 1 complaint/);
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
  await expect(card(column(page, /^T2 · Complaint team, 1 complaint/), number)).toContainText(CLERK.displayName);
});

/** The OS notifications raised through the web API (browser mode) in every page of the context, recorded instead of shown. */
async function recordNotifications(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
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
}

/** What the open pages of the context told the OS since each was loaded: one list, in no particular window's order. */
async function toldOs(page: Page): Promise<string[]> {
  const lists = await Promise.all(page.context().pages().map((each) => each.evaluate(() => (globalThis as unknown as { shownNotifications: string[] }).shownNotifications)));
  return lists.flat().sort();
}

const HOUR_MS = 3_600_000;

test('a card turns due soon, then overdue, then is escalated by the system once, highlighted once per window; each notice comes once, is marked read and opens its complaint', async ({ page }, testInfo) => {
  // Main decides escalations on its own clock: this test moves it as well as the page's.
  const clockFile = testInfo.outputPath('main-clock.txt');
  writeFileSync(clockFile, '0');
  const dataDir = newDataDir();
  const desk = await startDesk(dataDir, 'en', clockFile);
  try {
    await recordNotifications(page);
    const notifications = () => toldOs(page);
    await page.clock.install({ time: new Date() });
    await page.goto(desk.url);
    await createBranch(page);
    await openRegistrationForm(page);
    await page.getByLabel('Customer name').fill('王芳');
    await page.getByLabel('Phone').fill('13812345678');
    await page.getByLabel('Channel').selectOption({ label: 'Walk-in' });
    await page.getByLabel('Category').selectOption({ label: 'Delivery delay / missed appointment' });
    await page.getByLabel('Description').fill('预约安装迟到三个小时。');
    await page.getByLabel('Refund').check();
    // Medium urgency: grade 3, a first response within 8 h — well before the tier's 24 h limit.
    await page.getByLabel('Urgency').selectOption({ label: 'Medium' });
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Complaint registered')).toBeVisible();
    const number = ((await page.getByRole('status', { name: 'Complaint no.' }).textContent()) ?? '').trim();
    await openBoard(page);
    const t1 = column(page, /^T1 · Front line/);
    await expect(card(t1, number)).toHaveAttribute('data-clock', 'on_time');
    await expect(card(t1, number)).toContainText(/left/);

    // A second window of the same person, open all along.
    const second = await page.context().newPage();
    await second.goto(desk.url);
    await signIn(second);
    await openBoard(second);

    // The page's clock alone runs on: the countdowns turn, main has nothing to escalate yet.
    await page.clock.fastForward('06:30:00');
    await expect(card(t1, number)).toHaveAttribute('data-clock', 'due_soon');
    await expect(card(t1, number)).toContainText('Due soon');
    await expect.poll(notifications).toEqual([`Complaint ${number} is due soon`]);
    await expect(page.getByRole('button', { name: /^Notifications: 1 unread; 1 due soon, 0 overdue/ })).toBeVisible();
    await page.clock.fastForward('02:00:00');
    await expect(card(t1, number)).toHaveAttribute('data-clock', 'overdue');
    await expect(column(page, /^T1 · Front line, 1 complaint, 1 overdue/)).toBeVisible();
    await expect.poll(notifications).toEqual([`Complaint ${number} is due soon`, `Complaint ${number} is overdue`]);
    await page.clock.fastForward('00:05:00');
    expect(await notifications()).toHaveLength(2); // more ticks, nothing new

    // The desk sleeps overnight: both clocks move past the tier's 24 h. Both windows were signed out meanwhile;
    // signed in again, the sweep has main escalate the complaint, as the system, once.
    writeFileSync(clockFile, String(25 * HOUR_MS));
    await page.clock.fastForward('16:00:00');
    for (const window of [page, second]) {
      await expect(window.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await signIn(window);
    }
    const t2 = column(page, /^T2 · Complaint team, 1 complaint/);
    await expect(card(t2, number)).toHaveAttribute('data-arrived', 'true');
    await expect(card(column(second, /^T2 · Complaint team, 1 complaint/), number)).toHaveAttribute('data-arrived', 'true');
    await page.screenshot({ path: testInfo.outputPath('board-escalated-en.png') });
    const escalated = `Complaint ${number} was escalated automatically to T2 · Complaint team`;
    await expect.poll(notifications).toEqual([`Complaint ${number} is due soon`, `Complaint ${number} is overdue`, escalated]);
    // The highlight goes after a few seconds, and the catch-ups and sweeps that follow do not bring it back.
    await page.clock.fastForward('00:00:05');
    for (const window of [page, second]) await expect(card(window, number)).not.toHaveAttribute('data-arrived');
    for (let tick = 0; tick < 3; tick++) {
      await page.clock.fastForward('00:01:00');
      for (const window of [page, second]) await expect(card(window, number)).not.toHaveAttribute('data-arrived');
    }
    await second.close();
    // Nor does a reload: the person has seen it.
    await page.reload();
    await expect(card(column(page, /^T2 · Complaint team, 1 complaint/), number)).toBeVisible();
    await expect(card(page, number)).not.toHaveAttribute('data-arrived');
    expect(await notifications()).toEqual([]); // the reloaded page told the OS nothing again

    // The bell: three notices, newest first, each once; read one by one or all at once; a click opens the complaint.
    await page.getByRole('button', { name: /^Notifications: 3 unread; 0 due soon, 1 overdue/ }).click();
    const list = page.getByRole('dialog', { name: 'Notifications' });
    await expect(list.getByRole('listitem')).toHaveText([new RegExp(escalated), new RegExp(`Complaint ${number} is overdue`), new RegExp(`Complaint ${number} is due soon`)]);
    await page.screenshot({ path: testInfo.outputPath('notifications-en.png') });
    await list.getByRole('button', { name: `Mark “Complaint ${number} is due soon” read` }).click();
    await expect(page.getByRole('button', { name: /^Notifications: 2 unread/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '升级看板' })).toBeVisible();
    await page.getByRole('button', { name: /^通知：未读 2 条/ }).click();
    await expect(page.getByRole('dialog', { name: '通知' }).getByRole('listitem').first()).toContainText(`投诉 ${number} 已自动升级到 T2 · 投诉组`);
    await page.screenshot({ path: testInfo.outputPath('notifications-zh-CN.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');

    await page.getByRole('button', { name: /^Notifications: 2 unread/ }).click();
    await list.getByRole('button', { name: `Unread: ${escalated}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Timeline', exact: true }) });
    await expect(timeline.getByRole('listitem').filter({ hasText: 'System' })).toHaveCount(1);
    await page.getByRole('button', { name: /^Notifications: 1 unread/ }).click();
    await list.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByRole('button', { name: /^Notifications: 0 unread/ })).toBeVisible();
    await expect(list.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    // "Show all" opens the register filtered to what the bell counts.
    await list.getByRole('button', { name: 'Show all due soon and overdue in the register' }).click();
    await expect(page.getByLabel('Due soon or overdue')).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: '1 complaint' })).toBeVisible();
    expect(await notifications()).toEqual([]);
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
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
