import { createBranch, expect, test } from './fixtures';
import { openRegistrationForm } from './steps';

test('the language switches at run time and is remembered', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openRegistrationForm(page);
  await expect(page.getByLabel('Customer name')).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '登记投诉' })).toBeVisible();
  await expect(page.getByLabel('客户姓名')).toBeVisible();
  await expect(page.getByRole('button', { name: '登记', exact: true })).toBeVisible();

  // A fresh page with no language in its address still opens in Chinese: the choice was saved.
  const origin = new URL(desk.url).origin;
  await page.goto(`${origin}/`);
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('繁體中文 turns the shell, the form and the font to Traditional Chinese', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openRegistrationForm(page);

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '繁體中文' });
  await expect(page.getByRole('navigation', { name: '主導覽' })).toBeVisible();
  await expect(page.getByRole('link', { name: '投訴登記簿' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '登記投訴' })).toBeVisible();
  await expect(page.getByLabel('客戶姓名')).toBeVisible();
  await expect(page.getByRole('button', { name: '登出' })).toBeVisible();
  // Traditional characters drawn in a Traditional face: lang marks the page, the font stack follows it.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.locator('body')).toHaveCSS('font-family', /"Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC"/);
  // Each language keeps its own name in the picker.
  await expect(page.getByRole('combobox', { name: '介面語言' }).locator('option')).toHaveText(['简体中文', '繁體中文', 'English']);
});
