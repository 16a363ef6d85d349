import { ADMIN, createBranch, expect, signIn, test } from './fixtures';

test('first run creates the branch and its admin; later runs ask to sign in', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('heading', { name: 'First run: create the branch' })).toBeVisible();

  // Bad input is refused inline and creates nothing.
  await page.getByLabel('Branch code').fill('sh-1');
  await page.getByLabel('Branch name').fill(ADMIN.branchName);
  await page.getByLabel('Admin username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill('something-else');
  await page.getByRole('button', { name: 'Create branch' }).click();
  await expect(page.getByText('The branch code is 2–8 capital letters or digits')).toBeVisible();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Create branch' })).toBeVisible();

  await createBranch(page);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByText(ADMIN.branchName)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create branch' })).toHaveCount(0);

  await signIn(page, ADMIN.username, 'wrong-password');
  await expect(page.getByText('Wrong username or password.')).toBeVisible();
  await signIn(page);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('the app keeps within its Content-Security-Policy: nothing it runs is refused (no eval, no inline script)', async ({ page, desk }) => {
  await page.addInitScript(() => {
    type Violation = { violatedDirective: string; sourceFile: string; lineNumber: number };
    const scope = globalThis as unknown as { refusedByPolicy: string[]; addEventListener(type: 'securitypolicyviolation', listener: (event: Violation) => void): void };
    scope.refusedByPolicy = [];
    // The violation is reported at the document and bubbles up to the window.
    scope.addEventListener('securitypolicyviolation', (event) => scope.refusedByPolicy.push(`${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`));
  });
  await page.goto(desk.url);
  await createBranch(page);
  for (const screen of ['Complaint register', 'Escalation board', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(await page.evaluate(() => (globalThis as unknown as { refusedByPolicy: string[] }).refusedByPolicy)).toEqual([]);
});
