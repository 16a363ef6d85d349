/**
 * `npx tsx tests/screens/dashboard.ts [out-dir]`: the dashboard and the corrective-action page in both languages
 * at 1366×768, over a year of seed complaints written as main's journal (as a desk that has run for a year
 * leaves its folder). Needs `npm run build` first. Pictures go to `out-dir` (default: docs/screenshots).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { seedDataFolder } from '../bench/browser/seed-folder';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { newDataDir, signIn, startDesk } from '../e2e/fixtures';

const OUT = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, language: 'zh-CN' | 'en') {
  await page.getByRole('combobox', { name: '语言' }).or(page.getByRole('combobox', { name: 'Language' })).first().selectOption(language);
  await page.getByRole('navigation').getByRole('link', { name: language === 'en' ? /Dashboard/ : /统计/ }).click();
  await page.locator('.kpi-tile').first().waitFor();
  // Last month: a whole month of the seed's year (this month may have just begun).
  await page.getByRole('button', { name: language === 'en' ? 'Previous month' : '上一月' }).click();
  await page.locator('.recharts-surface').first().waitFor();
  await page.screenshot({ path: join(OUT, `dashboard.${language}.png`) });
  // The main area scrolls: the charts below the first screen, then the ranking at the bottom.
  await page.locator('main').evaluate((main) => main.scrollTo(0, 700));
  await page.screenshot({ path: join(OUT, `dashboard-charts.${language}.png`) });
  await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await page.screenshot({ path: join(OUT, `dashboard-ranking.${language}.png`) });
  await page.getByRole('navigation').getByRole('link', { name: language === 'en' ? /Corrective actions/ : /整改措施/ }).click();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: join(OUT, `actions.${language}.png`) });
}

const dataDir = newDataDir();
await seedDataFolder(dataDir, { complaints: 3000, backlog: 0, longEvents: 2, page: 5000 });
const desk = await startDesk(dataDir);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(desk.url);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await shoot(page, 'zh-CN');
  await shoot(page, 'en');
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
