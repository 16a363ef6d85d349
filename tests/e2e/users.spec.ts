/**
 * Staff accounts end to end: the admin adds an account in Settings (a mistyped confirmation is refused inline
 * and adds nothing), the new clerk signs in without seeing the admin's section, and once deactivated cannot
 * sign in and is no longer offered for assignments, while their name stays on what they did.
 */
import type { Page } from '@playwright/test';
import { ADMIN, createBranch, expect, signIn, test } from './fixtures';
import { registerAndOpen } from './steps';

const CLERK = { username: 'li.na', displayName: '李娜', password: 'counter-one-2026' } as const;

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

async function openComplaint(page: Page, number: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Complaint register/ }).click();
  await page.getByRole('row').filter({ hasText: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
}

/** The people the Assign dialog offers, then closes it with Esc. */
async function assignees(page: Page): Promise<string[]> {
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Assign', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign' });
  const options = await dialog.getByLabel('Assignee').locator('option').allTextContents();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return options;
}

test('a mistyped confirmation is refused on its field, keeps the dialog open, and adds nothing', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openSettings(page);
  const accounts = page.getByRole('table', { name: 'Staff accounts' });
  await expect(accounts.getByRole('row')).toHaveCount(2); // the header and the admin

  await page.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByLabel('Username').fill(CLERK.username);
  await add.getByLabel('Display name').fill(CLERK.displayName);
  await add.getByLabel('Role').selectOption({ label: 'Staff' });
  await add.getByLabel('Password', { exact: true }).fill(CLERK.password);
  await add.getByLabel('Confirm password').fill('counter-one-2025');
  await page.keyboard.press('Control+Enter');
  await expect(add.getByText('The passwords do not match.')).toBeVisible();
  await expect(add.getByLabel('Confirm password')).toHaveAttribute('aria-invalid', 'true');
  await expect(add).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(add).toHaveCount(0);
  await expect(accounts.getByRole('row')).toHaveCount(2);
  // Main has no such account either: the list read back after a reload is the same.
  await page.reload();
  await expect(accounts.getByRole('row')).toHaveCount(2);
  await expect(accounts).not.toContainText(CLERK.username);
});

test('an admin adds a clerk, who signs in without the admin section, and once deactivated cannot sign in or be assigned', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openSettings(page);
  const accounts = page.getByRole('table', { name: 'Staff accounts' });

  await page.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByLabel('Username').fill(CLERK.username);
  await add.getByLabel('Display name').fill(CLERK.displayName);
  await add.getByLabel('Password', { exact: true }).fill(CLERK.password);
  await add.getByLabel('Confirm password').fill(CLERK.password);
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(add).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Account added: ${CLERK.displayName}` })).toBeVisible();
  const clerkRow = accounts.getByRole('row').filter({ hasText: CLERK.username });
  await expect(clerkRow).toContainText(CLERK.displayName);
  await expect(clerkRow).toContainText('Staff');
  await expect(clerkRow).toContainText('Active');

  // The clerk signs in, sees only their own password in Settings, and registers a complaint.
  await signOut(page);
  await signIn(page, CLERK.username, CLERK.password);
  await expect(page.getByText(`${CLERK.displayName} · Staff`)).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Change my password' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Staff accounts' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add account' })).toHaveCount(0);
  const clerksComplaint = await registerAndOpen(page, '王五', '收银台多收了一件商品的钱。');
  await signOut(page);

  // The admin's complaint offers the clerk for assignment...
  await signIn(page);
  const adminsComplaint = await registerAndOpen(page, '赵六', '冷柜里的酸奶已过期。');
  expect(await assignees(page)).toContain(`${CLERK.displayName} · Staff`);

  // ...until the admin deactivates the account.
  await openSettings(page);
  await clerkRow.getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate account: ${CLERK.displayName}` });
  // The complaint she registered is hers: the admin is told to hand it over.
  await expect(confirm.getByRole('note')).toContainText(`${CLERK.displayName} still holds 1 open complaint`);
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Deactivated: ${CLERK.displayName}` })).toBeVisible();
  await expect(clerkRow).toContainText('Deactivated');
  await expect(clerkRow.getByRole('button', { name: 'Reactivate' })).toBeVisible();

  await openComplaint(page, adminsComplaint);
  expect((await assignees(page)).join('\n')).not.toContain(CLERK.displayName);
  // History keeps the name: the clerk's complaint still says who received it.
  await openComplaint(page, clerksComplaint);
  await expect(page.getByRole('main')).toContainText(CLERK.displayName);

  await signOut(page);
  await signIn(page, CLERK.username, CLERK.password);
  await expect(page.getByText('This account is deactivated and cannot sign in.', { exact: false })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await signIn(page, CLERK.username, 'not-the-password');
  await expect(page.getByText('Wrong username or password.')).toBeVisible();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('an admin who renames their own account sees the new name in the top bar at once', async ({ page, desk }) => {
  await page.goto(desk.url);
  await createBranch(page);
  await openSettings(page);
  const own = page.getByRole('table', { name: 'Staff accounts' }).getByRole('row').filter({ hasText: ADMIN.username });
  await own.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: `Edit account: ${ADMIN.username}` });
  await edit.getByLabel('Display name').fill('周主任');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.locator('header.topbar')).toContainText('周主任 · Admin');
});
