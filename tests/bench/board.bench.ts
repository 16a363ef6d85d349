/**
 * The escalation board at scale (npm run bench -- board [--complaints N]; issue 10 item 7): main's journal holds
 * N complaints (default 100 000) of which about 5 % are open — the year's seed plus a backlog nobody handled —
 * written in Node before browser mode starts; Debian's Chromium then opens the real app over the real services,
 * restores its copy and lets the first escalation sweep settle. Measured, median of RUNS:
 *   - the floor: the same open rows read straight from IndexedDB (one getAll on the index the board reads);
 *   - nav "Escalation board" → first card drawn, and a reload at #/board → first card (target < 500 ms);
 *   - a filter change (Overdue only, then a free-text search) → column counts redrawn (target < 150 ms);
 *   - scrolling the fullest column top to bottom, one step per frame: frame intervals and cards drawn at once.
 * Figures are printed with their targets and the ratio to the floor, never asserted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { z } from 'zod';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import { deskDbName } from '../../renderer/store/dbName';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { ADMIN, newDataDir, signIn } from '../e2e/fixtures';
import { below, duration, figureRow, median, ms, percentile, spread } from './browser/figures';
import { seedDataFolder } from './browser/seed-folder';
import { reportMachine } from './machine-report';
import { startBenchServer } from './browser/server';
import type { BenchOptions } from './run';

const RUNS = 5;
/** Complaints nobody handled, per 1 000 of the data set: with the seed's own open ones, about 5 % open. */
const BACKLOG_PER_THOUSAND = 5;
/** The sweep is over once its backlog has not fallen for this long. */
const SWEEP_SETTLED_MS = 20_000;
const SEARCH = '王';

const repoRoot = join(import.meta.dirname, '..', '..');

const FIRST_CARD_WATCH = `(() => {
  const seen = { firstCardMs: undefined };
  window.__boardLoad = seen;
  const observer = new MutationObserver(() => {
    const card = document.querySelector('[data-card]');
    if (!card || card.getBoundingClientRect().height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (seen.firstCardMs = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

let bundle: Promise<string> | undefined;

/** browser/in-page/board.ts as one script (window.boardBench), added to the page once per document. */
async function addBoardBench(page: Page): Promise<void> {
  bundle ??= build({
    entryPoints: [join(import.meta.dirname, 'browser', 'in-page', 'board.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  if (await page.evaluate('typeof window.boardBench === "object"')) return;
  await page.addScriptTag({ content: await bundle });
}

async function callBoardBench<S extends z.ZodType>(page: Page, method: string, args: readonly unknown[], schema: S): Promise<z.infer<S>> {
  await addBoardBench(page);
  return schema.parse(await page.evaluate(`window.boardBench.${method}(...${JSON.stringify(args)})`));
}

/** Times a Playwright action: armed in the page, `act` does it, the page reports when `condition` held. */
async function timeAction(page: Page, eventType: 'click' | 'input', condition: { kind: 'firstCard' } | { kind: 'headingsChange'; before: string }, act: () => Promise<void>): Promise<number> {
  await callBoardBench(page, 'armBoardTimer', [{ eventType, condition }], z.undefined());
  await act();
  await page.waitForFunction('window.__boardTimer && window.__boardTimer.ms !== undefined', undefined, { timeout: 120_000 });
  return z.number().parse(await page.evaluate('window.__boardTimer.ms'));
}

const headings = (page: Page) => callBoardBench(page, 'boardHeadings', [], z.string());

export async function run(options: BenchOptions): Promise<void> {
  const total = options.complaints ?? 100_000;
  const machine = reportMachine();
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.log('  out/renderer is missing: run "npm run build" first. Nothing measured.');
    process.exitCode = 1;
    return;
  }
  const backlog = Math.round((total * BACKLOG_PER_THOUSAND) / 1000);
  const dataDir = newDataDir();
  const seeded = await seedDataFolder(dataDir, { complaints: total - backlog - 1, backlog, longEvents: 2, page: JOURNAL_PAGE_MAX });
  const database = deskDbName(ADMIN.branchCode, seeded.adminId);
  console.log(figureRow(`${seeded.complaints.toLocaleString('en-US')} complaints, ${seeded.events.toLocaleString('en-US')} events as main's journal (Node)`, duration(seeded.ms)));
  const desk = await startBenchServer(dataDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'complaint-desk-bench-board-'));
  const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), bypassCSP: true, viewport: { width: 1366, height: 768 } });
  try {
    const origin = new URL(desk.url).origin;
    const page = await context.newPage();
    const opened = performance.now();
    await page.goto(desk.url);
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 30 * 60_000 });
    console.log(figureRow('sign-in → the copy restored from the journal, app shown', duration(performance.now() - opened)));
    await settleSweep(page, database);

    const floor = await callBoardBench(page, 'plainOpenRowsRead', [{ name: database, runs: RUNS }], z.object({ ms: z.array(z.number()), rows: z.number().int() }));
    const floorMs = median(floor.ms);
    console.log(`\n  Board with ${floor.rows.toLocaleString('en-US')} open of ${seeded.complaints.toLocaleString('en-US')} complaints (median of ${RUNS}; × floor = against the plain read)`);
    console.log(figureRow('floor: the open rows straight from IndexedDB (getAll)', ms(floorMs), undefined, spread(floor.ms)));
    const ratio = (value: number) => `${(value / floorMs).toFixed(1)}× floor`;

    const navClicks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${origin}/#/new`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      navClicks.push(await timeAction(page, 'click', { kind: 'firstCard' }, () => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Escalation board/ }).click()));
    }
    const nav = median(navClicks);
    console.log(figureRow('nav "Escalation board" → first card drawn', ms(nav), below(500)(nav), `${ratio(nav)}; ${spread(navClicks)}`));

    await context.addInitScript(FIRST_CARD_WATCH);
    const loads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload({ waitUntil: 'commit' });
      await page.waitForFunction('window.__boardLoad && window.__boardLoad.firstCardMs !== undefined', undefined, { timeout: 120_000 });
      loads.push(z.number().parse(await page.evaluate('window.__boardLoad.firstCardMs')));
    }
    const load = median(loads);
    console.log(figureRow('reload at #/board → first card (from navigation start)', ms(load), below(500)(load), `${ratio(load)}; ${spread(loads)}`));

    await page.locator('[data-card]').first().waitFor();
    const overdueOnly = page.getByLabel('Overdue only');
    const toggles: number[] = [];
    for (let i = 0; i < 2 * RUNS; i++) {
      const before = await headings(page);
      toggles.push(await timeAction(page, 'click', { kind: 'headingsChange', before }, () => overdueOnly.click()));
    }
    const toggle = median(toggles);
    console.log(figureRow('filter "Overdue only" on / off → column counts redrawn', ms(toggle), below(150)(toggle), `${ratio(toggle)}; ${spread(toggles)}`));
    const search = page.getByLabel('Search');
    const searches: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      searches.push(await timeAction(page, 'input', { kind: 'headingsChange', before: await headings(page) }, () => search.fill(SEARCH)));
      searches.push(await timeAction(page, 'input', { kind: 'headingsChange', before: await headings(page) }, () => search.fill('')));
    }
    const searched = median(searches);
    console.log(figureRow(`free text "${SEARCH}" typed / cleared → column counts redrawn`, ms(searched), below(150)(searched), `${ratio(searched)}; ${spread(searches)}`));

    const scrolled = await callBoardBench(page, 'scrollFullestColumn', [{ stepPx: 120, frames: 180 }], z.object({ cards: z.number(), intervals: z.array(z.number()), mostDrawn: z.number() }));
    const frame = median(scrolled.intervals);
    const p95 = percentile(scrolled.intervals, 95);
    const smooth = { text: 'p95 frame < 50 ms', met: p95 < 50 };
    console.log(figureRow(`scroll the fullest column (${scrolled.cards.toLocaleString('en-US')} cards), 120 px a frame`, ms(frame), smooth, `p95 ${ms(p95)}, max ${ms(Math.max(...scrolled.intervals))}; ≤ ${scrolled.mostDrawn} cards drawn`));
  } finally {
    await context.close();
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
  machine.end();
}

/** Waits until the app's first escalation sweep has nothing left to name, or stops making progress. */
async function settleSweep(page: Page, database: string): Promise<void> {
  const started = performance.now();
  const first = await callBoardBench(page, 'sweepBacklog', [database], z.number());
  let left = first;
  let changedAt = performance.now();
  while (left > 0 && performance.now() - changedAt < SWEEP_SETTLED_MS) {
    await page.waitForTimeout(1000);
    const now = await callBoardBench(page, 'sweepBacklog', [database], z.number());
    if (now !== left) changedAt = performance.now();
    left = now;
  }
  const note = left === 0 ? 'nothing left due' : `${left.toLocaleString('en-US')} still named, unchanged for ${SWEEP_SETTLED_MS / 1000} s`;
  console.log(figureRow(`first escalation sweep settles (${first.toLocaleString('en-US')} due)`, duration(performance.now() - started), undefined, note));
}
