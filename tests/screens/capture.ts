/**
 * `npm run screenshots`: the README's pictures of the main screens (and Settings with its staff accounts) in
 * both languages, taken from the real app in browser mode at the branch PCs' usual 1366×768. Needs
 * `npm run build` first.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { createBranch, newDataDir, startDesk } from '../e2e/fixtures';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

const COMPLAINTS = [
  { name: '张伟', phone: '13812345678', channel: 'Walk-in', category: 'Product quality', text: '购买的纯牛奶在保质期内已变质，包装鼓胀，孩子喝后腹泻。', request: 'Refund' },
  { name: '李娜', phone: '021-62345678', channel: 'Phone / hotline', category: 'Service attitude', text: '收银员态度恶劣，找零时把硬币扔在柜台上，并拒绝道歉。', request: 'Apology' },
  { name: '王芳', phone: '13900001111', channel: 'Online / app', category: 'Delivery delay / missed appointment', text: '预约周六上午上门安装空调，师傅迟到三个小时且未提前通知。', request: 'Compensation' },
  { name: '刘洋', phone: '15800002222', channel: 'Comment book', category: 'Price & billing', text: '促销价签标注 39.9 元，结账时按 49.9 元收费，要求退还差价。', request: 'Refund' },
  { name: '陈静', phone: '17700003333', channel: 'Email', category: 'Environment & facilities', text: '店内地面湿滑没有警示牌，老人险些滑倒。', request: 'Better service' },
];

async function registerAll(page: Page) {
  for (const complaint of COMPLAINTS) {
    await page.keyboard.press('F2');
    await page.getByLabel('Customer name').fill(complaint.name);
    await page.getByLabel('Phone').fill(complaint.phone);
    await page.getByLabel('Channel').selectOption({ label: complaint.channel });
    await page.getByLabel('Category').selectOption({ label: complaint.category });
    await page.getByLabel('Description').fill(complaint.text);
    await page.getByLabel(complaint.request, { exact: true }).check();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status', { name: 'Number' }).waitFor();
  }
}

const ACCOUNTS = [
  { username: 'li.na', displayName: '李娜', role: 'Staff', active: true },
  { username: 'wang.fang', displayName: '王芳', role: 'Supervisor', active: true },
  { username: 'zhao.lei', displayName: '赵磊', role: 'Staff', active: false },
];

/** Settings → Staff accounts: a few colleagues, one of them deactivated (it stays in the list). */
async function addAccounts(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /Settings/ }).click();
  for (const account of ACCOUNTS) {
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.getByLabel('Username').fill(account.username);
    await dialog.getByLabel('Display name').fill(account.displayName);
    await dialog.getByLabel('Role').selectOption({ label: account.role });
    await dialog.getByLabel('Password', { exact: true }).fill('counter-2026!');
    await dialog.getByLabel('Confirm password').fill('counter-2026!');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    if (account.active) continue;
    await page.getByRole('row').filter({ hasText: account.username }).getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
}

async function shoot(page: Page, language: 'zh-CN' | 'en') {
  // The switch is named in the language currently on screen.
  await page.getByRole('combobox', { name: '语言' }).or(page.getByRole('combobox', { name: 'Language' })).first().selectOption(language);
  const register = language === 'en' ? /Complaint register/ : /投诉登记簿/;
  await page.getByRole('link', { name: register }).click();
  await page.getByRole('row').nth(1).waitFor();
  await page.screenshot({ path: join(OUT, `register.${language}.png`) });
  await page.getByRole('row').nth(1).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, `complaint.${language}.png`) });
  await page.keyboard.press('F2');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `registration.${language}.png`) });
  await page.getByRole('navigation').getByRole('link', { name: language === 'en' ? /Settings/ : /设置/ }).click();
  await page.getByRole('table').first().waitFor();
  await page.screenshot({ path: join(OUT, `settings.${language}.png`), fullPage: true });
}

const dataDir = newDataDir();
const desk = await startDesk(dataDir);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(desk.url);
  await createBranch(page);
  await registerAll(page);
  await addAccounts(page);
  await shoot(page, 'zh-CN');
  await shoot(page, 'en');
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
