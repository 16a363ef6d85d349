/**
 * Head office's screens (issue 13 items 1, 2, 6) with a real head-office server (embedded Postgres in a temp
 * folder) serving the same renderer build, and two real branch desks in browser mode: head office's admin
 * enrols both (the one-time codes, pasted at each branch), both sync, and head office sees the union in its
 * register and dashboard, filters one branch, reads a complaint's page with its timeline and no steps, and
 * revokes a branch whose next batch is then refused and shown in branch health. Screenshots of the three
 * head-office screens are taken in both languages (test-results/headoffice/).
 *
 * The second test: head office's admin publishes a policy in Settings, a branch pulls it with sync (its Settings
 * says which version and since when; its next complaint is graded under it, the earlier one keeps v1); head
 * office's board filters one branch (kept in the URL), and its board and complaint page name the branch's people
 * (the branch's user directory, sent with sync), in English and Chinese.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { ADMIN, createBranch, expect, newDataDir, startDesk, test, type DeskServer } from './fixtures';
import { enrolAndSync, issueCode, nav, ROOT, signInAtHeadOffice, startRealHeadOffice } from './headOfficeServer';
import { registerAndOpen } from './steps';

const SHOTS = join(ROOT, 'test-results', 'headoffice');

/** A second branch desk, set up by its admin at first run. */
async function openBeijing(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Branch code').fill('BJ02');
  await page.getByLabel('Branch name').fill('北京王府井店');
  await page.getByLabel('Admin username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create branch' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

interface HeadOfficeSetting {
  /** Head office's admin, signed in, on Branch health. */
  readonly ho: Page;
  readonly shanghaiCode: string;
  /** Beijing's desk, set up in a new tab beside `page`, registers one complaint and syncs: its number. */
  beijingRegistersAndSyncs(page: Page): Promise<string>;
}

/** A real head office whose admin has issued both branches' codes; the servers and their folders go afterwards. */
async function withHeadOffice(browser: Browser, work: (setting: HeadOfficeSetting) => Promise<void>): Promise<void> {
  const officeDir = newDataDir();
  const desks: DeskServer[] = [];
  let office: { url: string; stop: () => Promise<void> } | undefined;
  try {
    office = await startRealHeadOffice(officeDir);
    const ho = await signInAtHeadOffice(browser, office.url);
    await nav(ho, 'Branch health');
    const shanghaiCode = await issueCode(ho, ADMIN.branchCode, ADMIN.branchName);
    const beijingCode = await issueCode(ho, 'BJ02', '北京王府井店');
    await work({
      ho,
      shanghaiCode,
      async beijingRegistersAndSyncs(page) {
        const beijing = await startDesk(newDataDir());
        desks.push(beijing);
        const bj = await page.context().newPage();
        await openBeijing(bj, beijing.url);
        const number = await registerAndOpen(bj, '王芳', '空调维修后仍不制冷');
        await enrolAndSync(bj, beijingCode);
        return number;
      },
    });
  } finally {
    for (const beijing of desks) {
      await beijing.stop();
      rmSync(beijing.dataDir, { recursive: true, force: true });
    }
    await office?.stop();
    rmSync(officeDir, { recursive: true, force: true });
  }
}

test('head office sees both branches, filters and compares them, reads a complaint without steps, and revokes a branch', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  // Head office's admin signs in to the same renderer and issues both branches' codes.
  await withHeadOffice(browser, async ({ ho, shanghaiCode, beijingRegistersAndSyncs }) => {
    const hoNav = ho.getByRole('navigation', { name: 'Main navigation' });
    await expect(hoNav.getByRole('link')).toHaveText(['Complaint registerCtrl+K', 'Escalation board', 'Dashboard', 'Branch health', 'Settings']);

    // Two branches register and sync.
    await page.goto(desk.url);
    await createBranch(page);
    await registerAndOpen(page, '张伟', '购买的纯牛奶在保质期内已变质');
    await registerAndOpen(page, '李娜', '收银员态度恶劣');
    await enrolAndSync(page, shanghaiCode);
    const beijingNumber = await beijingRegistersAndSyncs(page);

    // Head office's register holds the union; the branch filter narrows it to one branch.
    await nav(ho, 'Complaint register');
    const count = ho.getByRole('search').getByRole('status');
    await expect(count).toHaveText('3 complaints', { timeout: 15_000 });
    await expect(ho.getByRole('button', { name: 'Register a complaint' })).toHaveCount(0);
    await ho.getByLabel('Branch', { exact: true }).selectOption('BJ02');
    await expect(count).toHaveText('1 complaint');
    await expect(ho.getByRole('row').nth(1)).toContainText(beijingNumber);
    await ho.screenshot({ path: join(SHOTS, 'register.en.png') });

    // A complaint's page: the record and its timeline, a read-only note, and no step to take.
    await ho.getByRole('row').nth(1).click();
    await expect(ho.getByRole('heading', { level: 1, name: beijingNumber })).toBeVisible();
    await expect(ho.getByRole('note')).toHaveText(/Head office, read-only: branch BJ02 handles this complaint/);
    await expect(ho.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(ho.locator('.toolbar')).toHaveCount(0);
    await expect(ho.getByRole('button', { name: /Attach/ })).toHaveCount(0);

    // The dashboard's volume is the union, and it compares the branches.
    await nav(ho, 'Dashboard');
    await expect(ho.getByTestId('tile-value-volume')).toHaveText('3');
    await expect(ho.getByRole('tab', { name: 'Branches compared', selected: true })).toBeVisible();
    const comparison = ho.locator('.ranking-table tbody tr');
    await expect(comparison).toHaveCount(2);
    await expect(ho.locator('.ranking-table tbody tr[data-count="2"]')).toContainText('SH01');
    await expect(ho.locator('.ranking-table tbody tr[data-count="1"]')).toContainText('BJ02');
    await ho.locator('.ranking').scrollIntoViewIfNeeded();
    await ho.screenshot({ path: join(SHOTS, 'dashboard.en.png') });

    // Revoking Shanghai: its next batch is refused, and branch health says so.
    await nav(ho, 'Branch health');
    const shanghaiRow = ho.locator('tr[data-branch="SH01"]');
    await expect(shanghaiRow).toContainText('through record');
    await shanghaiRow.getByRole('button', { name: 'Revoke secret' }).click();
    await ho.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(shanghaiRow).toContainText('revoked');
    await registerAndOpen(page, '赵磊', '会员积分未到账');
    const indicator = page.getByRole('banner').locator('.sync-indicator');
    await indicator.click();
    await page.getByRole('dialog', { name: 'Sync with head office' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(indicator).toHaveText('Sync error');
    await nav(ho, 'Dashboard');
    await nav(ho, 'Branch health');
    await expect(shanghaiRow).toContainText('Head office revoked this branch’s secret.');
    await ho.screenshot({ path: join(SHOTS, 'branches.en.png'), });

    // The same three screens in Chinese.
    await ho.getByRole('banner').getByLabel('Language').selectOption('zh-CN');
    await expect(ho.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '网点状态' })).toBeVisible();
    await ho.screenshot({ path: join(SHOTS, 'branches.zh-CN.png'), });
    await nav(ho, '统计');
    await expect(ho.getByTestId('tile-value-volume')).toHaveText('3');
    await ho.locator('.ranking').scrollIntoViewIfNeeded();
    await ho.screenshot({ path: join(SHOTS, 'dashboard.zh-CN.png') });
    await nav(ho, /投诉登记簿/);
    await expect(ho.getByRole('search').getByRole('status')).toHaveText(/1/);
    await ho.screenshot({ path: join(SHOTS, 'register.zh-CN.png') });
  });
});

test("head office publishes a policy that a branch pulls; its board filters a branch; branch people are named", async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  await withHeadOffice(browser, async ({ ho, shanghaiCode, beijingRegistersAndSyncs }) => {
    // Shanghai's admin goes by a name; one complaint is registered before head office publishes anything.
    await page.goto(desk.url);
    await createBranch(page);
    await nav(page, /Settings/);
    await page.getByRole('table', { name: 'Staff accounts' }).getByRole('row').filter({ hasText: ADMIN.username }).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit account: ${ADMIN.username}` });
    await edit.getByLabel('Display name').fill('周主任');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);
    const before = await registerAndOpen(page, '张伟', '购买的纯牛奶在保质期内已变质');
    await expect(page.locator('.complaint-header')).toContainText('Policy v1');
    await enrolAndSync(page, shanghaiCode);
    const beijingNumber = await beijingRegistersAndSyncs(page);

    // Head office's admin publishes v2 in Settings → Policy: grade 3 resolved within 96 hours.
    await nav(ho, /Settings/);
    const hoPolicy = ho.getByRole('region', { name: 'Policy' });
    await hoPolicy.getByLabel('Grade 3: resolve within (hours)').fill('96');
    await hoPolicy.getByRole('button', { name: 'Save as v2' }).click();
    await expect(hoPolicy.getByRole('status')).toContainText('Policy v2 in force');

    // Shanghai syncs: its Settings says v2 came from head office, and since when; only its next complaint is graded under v2.
    const indicator = page.getByRole('banner').locator('.sync-indicator');
    await indicator.click();
    await page.getByRole('dialog', { name: 'Sync with head office' }).getByRole('button', { name: 'Sync now' }).click();
    await page.keyboard.press('Escape');
    await nav(page, /Settings/);
    const policy = page.getByRole('region', { name: 'Policy' });
    await expect(policy.getByRole('status')).toContainText('Policy v2 in force', { timeout: 20_000 });
    await expect(policy.getByRole('status')).toContainText(/in force since \S+/);
    const newest = policy.getByRole('table', { name: 'Versions this branch has run' }).getByRole('row').nth(1);
    await expect(newest).toContainText('v2');
    await expect(newest).toContainText('from head office (its v2)');
    await expect(policy.getByLabel('Grade 3: resolve within (hours)')).toHaveValue('96');
    const after = await registerAndOpen(page, '李娜', '收银员态度恶劣');
    await expect(page.locator('.complaint-header')).toContainText('Policy v2');
    await nav(page, /Complaint register/);
    await page.getByRole('row').filter({ hasText: before }).click();
    await expect(page.getByRole('heading', { level: 1, name: before })).toBeVisible();
    await expect(page.locator('.complaint-header')).toContainText('Policy v1');

    // Head office's board: both branches, then only Beijing, kept in the URL.
    await nav(ho, 'Escalation board');
    const cards = ho.locator('.board-card');
    await expect(cards).toHaveCount(3, { timeout: 20_000 });
    const branchFilter = ho.getByRole('search').getByLabel('Branch', { exact: true });
    await branchFilter.selectOption('BJ02');
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText(beijingNumber);
    expect(new URL(ho.url()).hash).toBe('#/board?branch=BJ02');
    // Shanghai's cards name their assignee as Shanghai does.
    await branchFilter.selectOption('SH01');
    await expect(cards).toHaveCount(2);
    await expect(cards.filter({ hasText: after }).locator('.card-assignee')).toHaveText('周主任');
    await ho.screenshot({ path: join(SHOTS, 'board.en.png') });

    // The complaint page names the assignee and every actor; back returns to the board as it was.
    await cards.filter({ hasText: after }).click();
    await expect(ho.getByRole('heading', { level: 1, name: after })).toBeVisible();
    await expect(ho.locator('.complaint-header')).toContainText('Policy v2');
    const article = ho.getByRole('article');
    await expect(article).toContainText('周主任');
    await expect(article).not.toContainText(/\bu-[0-9a-f]{8}-/);
    await ho.screenshot({ path: join(SHOTS, 'complaint.en.png') });
    await article.getByRole('link', { name: 'Escalation board' }).click();
    await expect(branchFilter).toHaveValue('SH01');
    await expect(cards).toHaveCount(2);

    // The same in Chinese.
    await ho.getByRole('banner').getByLabel('Language').selectOption('zh-CN');
    await expect(ho.getByRole('search').getByLabel('网点', { exact: true })).toHaveValue('SH01');
    await ho.screenshot({ path: join(SHOTS, 'board.zh-CN.png') });
    await cards.filter({ hasText: after }).click();
    await expect(ho.locator('.complaint-header')).toContainText('规则版本');
    await expect(ho.getByRole('article')).toContainText('周主任');
    await ho.screenshot({ path: join(SHOTS, 'complaint.zh-CN.png') });
  });
});
