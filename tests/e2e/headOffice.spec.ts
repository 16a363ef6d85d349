/**
 * Head office's screens (issue 13 items 1, 2, 6) with a real head-office server (embedded Postgres in a temp
 * folder) serving the same renderer build, and two real branch desks in browser mode: head office's admin
 * enrols both (the one-time codes, pasted at each branch), both sync, and head office sees the union in its
 * register and dashboard, filters one branch, reads a complaint's page with its timeline and no steps, and
 * revokes a branch whose next batch is then refused and shown in branch health. Screenshots of the three
 * head-office screens are taken in both languages (test-results/headoffice/).
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { ADMIN, createBranch, expect, newDataDir, startDesk, test, type DeskServer } from './fixtures';
import { enrolAndSync, issueCode, nav, ROOT, signInAtHeadOffice, startRealHeadOffice } from './headOfficeServer';
import { registerAndOpen } from './steps';

const SHOTS = join(ROOT, 'test-results', 'headoffice');

test('head office sees both branches, filters and compares them, reads a complaint without steps, and revokes a branch', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  const officeDir = newDataDir();
  let office: { url: string; stop: () => Promise<void> } | undefined;
  let beijing: DeskServer | undefined;
  try {
    office = await startRealHeadOffice(officeDir);

    // Head office's admin signs in to the same renderer and enrols both branches.
    const ho = await signInAtHeadOffice(browser, office.url);
    const hoNav = ho.getByRole('navigation', { name: 'Main navigation' });
    await expect(hoNav.getByRole('link')).toHaveText(['Complaint registerCtrl+K', 'Escalation board', 'Dashboard', 'Branch health', 'Settings']);
    await nav(ho, 'Branch health');
    const shanghaiCode = await issueCode(ho, ADMIN.branchCode, ADMIN.branchName);
    const beijingCode = await issueCode(ho, 'BJ02', '北京王府井店');

    // Two branches register and sync.
    await page.goto(desk.url);
    await createBranch(page);
    await registerAndOpen(page, '张伟', '购买的纯牛奶在保质期内已变质');
    await registerAndOpen(page, '李娜', '收银员态度恶劣');
    await enrolAndSync(page, shanghaiCode);

    beijing = await startDesk(newDataDir());
    const bj = await page.context().newPage();
    await bj.goto(beijing.url);
    await bj.getByLabel('Branch code').fill('BJ02');
    await bj.getByLabel('Branch name').fill('北京王府井店');
    await bj.getByLabel('Admin username').fill('admin');
    await bj.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await bj.getByLabel('Confirm password').fill(ADMIN.password);
    await bj.getByRole('button', { name: 'Create branch' }).click();
    const beijingNumber = await registerAndOpen(bj, '王芳', '空调维修后仍不制冷');
    await enrolAndSync(bj, beijingCode);

    // Head office's register holds the union; the branch filter narrows it to one branch.
    await nav(ho, 'Complaint register');
    const count = ho.getByRole('search').getByRole('status');
    await expect(count).toHaveText('3 complaints', { timeout: 15_000 });
    await expect(ho.getByRole('button', { name: 'Register a complaint' })).toHaveCount(0);
    await ho.getByLabel('Branch', { exact: true }).selectOption('BJ02');
    await expect(count).toHaveText('1 complaints');
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
  } finally {
    await beijing?.stop();
    if (beijing) rmSync(beijing.dataDir, { recursive: true, force: true });
    await office?.stop();
    rmSync(officeDir, { recursive: true, force: true });
  }
});
