/**
 * The dashboard and the corrective-action page end to end (issue 11), over a year of shared/seed complaints
 * (what `npm run seed` generates) written as main's journal: the tiles equal the KPIs computed here from the
 * journal itself with `computeKpis` (not through the app's per-complaint facts); a bar opens the register on
 * as many complaints as it counts, and Back returns to the same period; a corrective action is closed from the
 * list with the complaint page's command.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { z } from 'zod';
import { expect, newDataDir, signIn, startDesk, type DeskServer } from './fixtures';
import { complaintsText } from './steps';

const TOOL = join(import.meta.dirname, 'tools', 'seeded-kpis.ts');
const tool = (...args: string[]): unknown => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', TOOL, ...args], { encoding: 'utf8' }));
const SEED_COMPLAINTS = 900;
/** The app restores ten thousand events before its first screen: seconds, or minutes on a machine this busy. */
const RESTORE_MS = 180_000;

const test = base.extend<{ seeded: DeskServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  seeded: async ({}, use) => {
    const dataDir = newDataDir();
    tool('seed', dataDir, String(SEED_COMPLAINTS));
    const desk = await startDesk(dataDir);
    await use(desk);
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test.describe.configure({ timeout: RESTORE_MS + 120_000 });

interface Kpis {
  count: number;
  responseOnTimePct: number | null;
  resolutionOnTimePct: number | null;
  resolutionRate: number | null;
  averageSatisfaction: number | null;
  repeatComplaints: number;
  composite: number | null;
  basis: { responseDecided: number };
}

const Month = z.object({ anchor: z.iso.date(), from: z.iso.datetime(), to: z.iso.datetime() });

/** The month the spec looks at, chosen from the seeded journal (see the tool's `month`). */
const seededMonth = (desk: DeskServer) => Month.parse(tool('month', desk.dataDir, new Date().toISOString()));

/** Signed in once the app has restored main's journal into its empty copy (a progress screen until then). */
async function openApp(page: Page, desk: DeskServer): Promise<void> {
  await page.goto(desk.url);
  await signIn(page);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: RESTORE_MS });
}

async function openDashboard(page: Page, desk: DeskServer, anchor: string): Promise<void> {
  await openApp(page, desk);
  // The URL a bookmark of that month holds (set in the page: a reload would sign this window out).
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/dashboard?kind=month&anchor=${anchor}&compare=previous`)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('.kpi-tile').first()).toBeVisible();
}

/** The dashboard figure the register was opened from, as the register keeps it (its `now` is the figures'). */
async function openedSelection(page: Page): Promise<{ now: string }> {
  const kept = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i) ?? '';
      if (key.startsWith('complaint-desk.register-filters')) return sessionStorage.getItem(key);
    }
    return null;
  });
  const filters = JSON.parse(kept ?? '{}') as { kpi?: { now: string } };
  if (!filters.kpi) throw new Error('the register holds no dashboard filter');
  return filters.kpi;
}

const resultCount = (page: Page) => page.locator('.filter-bar .result-count');

test('the tiles equal the KPIs computed from the journal; a tile and a bar open exactly their complaints; Back returns to the period', async ({ page, seeded }) => {
  const month = seededMonth(seeded);
  await openDashboard(page, seeded, month.anchor);
  await expect(page.getByTestId('period-range')).toHaveText(new RegExp(`^${month.anchor}`));
  const screen: Record<string, string> = {};
  for (const id of ['volume', 'responseOnTime', 'resolutionOnTime', 'resolutionRate', 'satisfaction', 'repeats', 'composite']) {
    screen[id] = ((await page.getByTestId(`tile-value-${id}`).textContent()) ?? '').trim();
  }

  // The response tile opens the complaints whose response clock is decided: its count is the tile's basis.
  const responseTile = page.locator('.kpi-tile[data-tile="responseOnTime"]');
  const decided = Number(await responseTile.getAttribute('data-count'));
  await responseTile.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint register' })).toBeVisible();
  await expect(resultCount(page)).toHaveText(complaintsText(decided));
  await expect(page.getByTestId('kpi-filter')).toContainText('Response deadline met or passed');

  // Independently: main's journal folded and computeKpis at the instant the figures were computed.
  const { now } = await openedSelection(page);
  const kpis = tool('kpis', seeded.dataDir, month.from, month.to, now) as Kpis;
  const pct = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
  expect(screen).toEqual({
    volume: String(kpis.count),
    responseOnTime: pct(kpis.responseOnTimePct),
    resolutionOnTime: pct(kpis.resolutionOnTimePct),
    resolutionRate: pct(kpis.resolutionRate),
    satisfaction: kpis.averageSatisfaction === null ? '—' : kpis.averageSatisfaction.toFixed(1),
    repeats: String(kpis.repeatComplaints),
    composite: kpis.composite === null ? '—' : kpis.composite.toFixed(1),
  });
  expect(decided).toBe(kpis.basis.responseDecided);
  expect(kpis.count).toBeGreaterThan(20);

  // Back: the same month, as it was.
  await page.goBack();
  await expect(page.getByTestId('period-range')).toHaveText(new RegExp(`^${month.anchor}`));
  expect(((await page.getByTestId('tile-value-volume').textContent()) ?? '').trim()).toBe(screen.volume);

  // A channel's part of a day's bar in the volume chart: the tooltip gives its count (the bottom part is the
  // tooltip's first line), and the register shows that many complaints of that channel received that day.
  const volumeChart = page.locator('figure.chart-card').filter({ has: page.getByRole('heading', { name: 'Complaints over time, by channel' }) });
  const segment = volumeChart.locator('.stacked-bar').nth(9).locator('.stack-part').first();
  const volumeTooltip = volumeChart.locator('.chart-tooltip');
  await volumeChart.locator('.chart-body').hover({ position: { x: 4, y: 4 } });
  await segment.hover();
  const dayLabel = ((await volumeTooltip.locator('strong').textContent()) ?? '').trim();
  const [, channelName = '', channelCount = ''] = /^\s*(.+): (\d+) complaints?$/.exec((await volumeTooltip.locator('div').first().textContent()) ?? '') ?? [];
  expect(Number(channelCount)).toBeGreaterThan(0);
  await segment.click();
  await expect(resultCount(page)).toHaveText(complaintsText(Number(channelCount)));
  const day = `${month.anchor.slice(0, 4)}-${dayLabel}`;
  await expect(page.getByTestId('kpi-filter')).toContainText(`${channelName} · received ${day} to ${day}`);
  await page.goBack();
  await expect(page.getByTestId('period-range')).toHaveText(new RegExp(`^${month.anchor}`));

  // The first part of an owner's bar in the corrective-actions chart (the tooltip's first series with actions)
  // opens the complaints holding that owner's actions of that kind.
  const actionsChart = page.locator('figure.chart-card').filter({ has: page.getByRole('heading', { name: 'Open corrective actions, by owner' }) });
  const part = actionsChart.locator('.stacked-bar').first().locator('.stack-part').first();
  const actionsTooltip = actionsChart.locator('.chart-tooltip');
  await actionsChart.locator('.chart-body').hover({ position: { x: 4, y: 4 } });
  await part.hover();
  const owner = ((await actionsTooltip.locator('strong').textContent()) ?? '').trim();
  const lines = (await actionsTooltip.locator('div').allTextContents()).map((line) => /^\s*(.+): (\d+) actions?$/.exec(line) ?? []);
  const series = lines.find(([, , count]) => Number(count) > 0)?.[1];
  expect(['Overdue', 'Not yet due']).toContain(series);
  await part.click();
  await expect(page.getByTestId('kpi-filter')).toContainText(`${series === 'Overdue' ? 'With an overdue corrective action' : 'With an open corrective action'} · owner ${owner}`);
  await expect(resultCount(page)).toHaveText(/^[1-9]\d* complaints?$/);
  await page.goBack();
  await expect(page.getByTestId('period-range')).toHaveText(new RegExp(`^${month.anchor}`));

  // A bar of the grade chart: its label is its count, and the register shows that many.
  const gradeChart = page.locator('figure.chart-card').filter({ has: page.getByRole('heading', { name: 'By grade' }) });
  const labels = await gradeChart.locator('.recharts-label-list text').allTextContents();
  const grade3 = Number(labels[2]);
  expect(grade3).toBeGreaterThan(0);
  // Its tooltip (drawn once the pointer has come onto the chart) says the same, in words.
  const bar = gradeChart.locator('.recharts-bar-rectangle').nth(2);
  await expect(gradeChart.locator('.chart-tooltip')).toHaveCount(0);
  await gradeChart.locator('.chart-body').hover({ position: { x: 4, y: 4 } });
  await bar.hover();
  await expect(gradeChart.locator('.chart-tooltip')).toHaveText(`Grade 3 Complaints: ${complaintsText(grade3)}`);
  await bar.click();
  await expect(resultCount(page)).toHaveText(complaintsText(grade3));
  await expect(page.getByTestId('kpi-filter')).toContainText('Grade 3');
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  // Removing the dashboard filter gives the whole register back.
  await page.getByRole('button', { name: 'Remove the dashboard filter' }).click();
  await expect(page.getByTestId('kpi-filter')).toHaveCount(0);
  await expect(resultCount(page)).toHaveText(complaintsText(SEED_COMPLAINTS + 1));
});

test('a corrective action is closed from the list with the complaint page’s command, and is then done', async ({ page, seeded }) => {
  await openApp(page, seeded);
  await page.getByRole('navigation').getByRole('link', { name: /Corrective actions/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corrective actions' })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Overdue' });
  const overdue = page.locator('.actions-table tbody tr');
  await expect(overdue.first()).toBeVisible();
  const before = await overdue.count();
  const first = overdue.first();
  const number = ((await first.getByRole('link').textContent()) ?? '').trim();
  await first.getByRole('button', { name: 'Mark done' }).click();

  const dialog = page.getByRole('dialog', { name: `Corrective action done: ${number}` });
  await expect(dialog).toBeVisible();
  // Nothing written: the outcome is required.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Outcome').fill('已建立每日巡检表，店长签字确认');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(overdue).toHaveCount(before - 1);

  await page.getByLabel('Status').selectOption({ label: 'Done' });
  const done = page.locator('.actions-table tbody tr').filter({ hasText: number }).filter({ hasText: '已建立每日巡检表' });
  await expect(done).toHaveCount(1);
  // The complaint page shows the same action closed: it was the complaint's own step.
  await done.getByRole('link', { name: number }).click();
  await expect(page.getByText('已建立每日巡检表，店长签字确认').first()).toBeVisible();
});
