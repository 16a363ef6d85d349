import type { Page } from '@playwright/test';
import { createBranch, expect, test } from './fixtures';
import { openRegistrationForm } from './steps';

const NUMBER = /^SH01-\d{8}-\d{4}$/;

async function fillComplaint(page: Page, customer: { name: string; phone: string; description: string }) {
  await page.getByLabel('Customer name').fill(customer.name);
  await page.getByLabel('Phone').fill(customer.phone);
  await page.getByLabel('Channel').selectOption({ label: 'Walk-in' });
  await page.getByLabel('Category').selectOption({ label: 'Product quality' });
  await page.getByLabel('Description').fill(customer.description);
  await page.getByLabel('Refund').check();
  await page.getByLabel('Customer request').fill('退货并全额退款');
}

test('a clerk registers a complaint by keyboard and finds it in the register', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openRegistrationForm(page);

  // Invalid input: a bad mobile number and no description are refused inline, nothing is registered.
  await page.getByLabel('Customer name').fill('张伟');
  await page.getByLabel('Phone').fill('12345');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Mobile: 11 digits from 1/)).toBeVisible();
  await expect(page.getByText('Some input is not valid. Check the marked fields.')).toBeVisible();
  await expect(page.getByText('Complaint registered')).toHaveCount(0);

  await fillComplaint(page, { name: '张伟', phone: '13812345678', description: '购买的牛奶在保质期内已变质，包装鼓胀。' });
  await expect(page.getByLabel('Grade', { exact: true })).toHaveValue('4');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText('Complaint registered')).toBeVisible();
  const number = (await page.getByRole('status', { name: 'Number' }).textContent())?.trim() ?? '';
  expect(number).toMatch(NUMBER);
  expect(number.endsWith('-0001')).toBe(true);

  // Register another keeps channel and category and gets the next number.
  await page.getByRole('button', { name: 'Register another' }).click();
  await expect(page.getByLabel('Channel')).toHaveValue('walk_in');
  await expect(page.getByLabel('Category')).toHaveValue('product_quality');
  await fillComplaint(page, { name: '李娜', phone: '021-62345678', description: '收银员态度恶劣，多收了两元。' });
  await page.getByRole('button', { name: /^Register/ }).click();
  await expect(page.getByRole('status', { name: 'Number' })).toHaveText(/-0002$/);

  // The register lists both, and search by phone, name and number narrows it.
  await page.getByRole('link', { name: /Complaint register/ }).click();
  await expect(page.getByText('2 complaints')).toBeVisible();
  const search = page.getByLabel('Search');
  await search.fill('13812345678');
  await expect(page.getByText('1 complaints')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(number) })).toBeVisible();
  await search.fill('李娜');
  await expect(page.getByText('1 complaints')).toBeVisible();
  await expect(page.getByRole('row', { name: /-0002/ })).toBeVisible();
  await search.fill(number);
  await expect(page.getByText('1 complaints')).toBeVisible();
  await search.fill('不存在的内容');
  await expect(page.getByText('No complaints match these filters.')).toBeVisible();

  // Opening a row shows the record and its timeline.
  await search.fill(number);
  await page.getByRole('row', { name: new RegExp(number) }).click();
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await expect(page.getByText('购买的牛奶在保质期内已变质，包装鼓胀。')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
});
