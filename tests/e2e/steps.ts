/** Steps several specs share, written as a clerk would do them. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * F2 from anywhere opens the form. Right after sign-in the shell may still be checking the journal and not
 * listening yet, so press again as a clerk would.
 */
export async function openRegistrationForm(page: Page, heading = 'Register a complaint'): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('F2');
    await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** F2, the minimal registration, then "Open this complaint". Returns the number. */
export async function registerAndOpen(page: Page, name: string, description: string): Promise<string> {
  await openRegistrationForm(page);
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Phone').fill('13812345678');
  await page.getByLabel('Channel').selectOption({ label: 'Walk-in' });
  await page.getByLabel('Category').selectOption({ label: 'Product quality' });
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Refund').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Complaint registered')).toBeVisible();
  const number = ((await page.getByRole('status', { name: 'Complaint no.' }).textContent()) ?? '').trim();
  await page.getByRole('button', { name: 'Open this complaint' }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  return number;
}


/** How the English register and charts count complaints: "1 complaint", "2 complaints". */
export const complaintsText = (count: number): string => (count === 1 ? '1 complaint' : `${count} complaints`);
