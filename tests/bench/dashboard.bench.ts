/**
 * Dashboard benchmark (npm run bench -- dashboard [--complaints N]): Debian's Chromium driving the built
 * renderer against the real services in browser mode, over N shared/seed complaints received over a year
 * (default 100 000), written as main's journal and restored by the app as it starts.
 *   1. the work without the screen: the KPI facts of the months this month and the previous one span, read from
 *      IndexedDB as the screen reads them, a plain loop over the same rows (the floor), and the month's figures
 *      (tiles, series, ranking) — with the ratio to the loop;
 *   2. the screen: nav "Dashboard" → tiles and all eight charts shown (target < 1 s), and "previous month" →
 *      the other month's tiles and charts shown (target < 300 ms) — with the ratio to the read and the loop.
 * Figures are printed with their targets, never asserted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { readLaunchFragment } from '../../shared/api/launch';
import { deskDbName } from '../../renderer/store/dbName';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { ADMIN, newDataDir } from '../e2e/fixtures';
import { openSignedIn } from './browser.bench';
import { below, duration, figureRow, median, ms, spread } from './browser/figures';
import { addBench, callBench, RestoreAnswer, Timings } from './browser/page';
import { seedDataFolder } from './browser/seed-folder';
import { startBenchServer } from './browser/server';
import { reportMachine } from './machine-report';
import type { BenchOptions } from './run';

const RUNS = 7;
const FloorsAnswer = z.object({ readMs: Timings, loopMs: Timings, figuresMs: Timings, rows: z.number().int(), checksum: z.number() });
const repoRoot = join(import.meta.dirname, '..', '..');

export async function run(options: BenchOptions): Promise<void> {
  const complaints = options.complaints ?? 100_000;
  const machine = reportMachine();
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.error('  the renderer is not built: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  const dataDir = newDataDir();
  const seeded = await seedDataFolder(dataDir, { complaints, backlog: 0, longEvents: 2, page: 5000 });
  console.log(figureRow(`${seeded.complaints.toLocaleString('en-US')} complaints, ${seeded.events.toLocaleString('en-US')} events written as main's journal`, duration(seeded.ms)));
  const database = deskDbName(ADMIN.branchCode, seeded.adminId);
  const desk = await startBenchServer(dataDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'complaint-desk-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), bypassCSP: true, viewport: { width: 1366, height: 768 } });
  try {
    const origin = new URL(desk.url).origin;
    const token = readLaunchFragment(new URL(desk.url).hash).token ?? '';
    // The app's copy restored from main's journal by the store's own path, in a page on the app's origin (as the
    // browser benchmark does), before the app opens on it.
    const scratch = await context.newPage();
    await scratch.goto(`${origin}/bench-scratch.txt`);
    await addBench(scratch);
    await callBench(scratch, 'signIn', [token, ADMIN.username, ADMIN.password], z.undefined());
    const restored = await callBench(scratch, 'restore', [token, database], RestoreAnswer);
    await scratch.close();
    console.log(figureRow("store.restoreIfEmpty of main's journal", duration(restored.ms), undefined, `${restored.complaints.toLocaleString('en-US')} complaints`));
    const page = await context.newPage();
    await openSignedIn(page, `${origin}/${new URL(desk.url).hash}`);
    await addBench(page);

    console.log(`\n  1. The figures without the screen (median of ${RUNS})`);
    const floors = await callBench(page, 'dashboardFloors', [database, RUNS], FloorsAnswer);
    const loop = median(floors.loopMs);
    const figures = median(floors.figuresMs);
    console.log(figureRow(`the KPI facts of the months this month and the previous span (${floors.rows.toLocaleString('en-US')} rows) read from IndexedDB`, ms(median(floors.readMs)), undefined, spread(floors.readMs)));
    console.log(figureRow('plain loop over the same rows (floor)', ms(loop), undefined, spread(floors.loopMs)));
    console.log(figureRow("the month's figures: tiles, series, ranking", ms(figures), undefined, `${(figures / loop).toFixed(1)}× the plain loop; ${spread(floors.figuresMs)}`));

    // The least any screen of these figures must do: read the rows and look at each once.
    const floor = median(floors.readMs) + loop;
    console.log(`\n  2. The screen (median of ${RUNS}; × floor = against reading the same rows and the plain loop, ${ms(floor)})`);
    await measureScreen(page, origin, floor);
  } finally {
    await context.close();
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
  machine.end();
}

async function measureScreen(page: Page, origin: string, floor: number): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const range = page.getByTestId('period-range');
  const opens: number[] = [];
  const changes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${origin}/#/complaints`);
    await nav.waitFor();
    await addBench(page);
    await callBench(page, 'armDashboardShown', [''], z.undefined());
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    opens.push(await callBench(page, 'collect', [], z.number()));
    const before = (await range.textContent()) ?? '';
    await callBench(page, 'armDashboardShown', [before], z.undefined());
    await page.getByRole('button', { name: 'Previous month' }).click();
    changes.push(await callBench(page, 'collect', [], z.number()));
  }
  const open = median(opens);
  const change = median(changes);
  const ratio = (value: number) => `${(value / floor).toFixed(1)}× floor`;
  console.log(figureRow('(a) nav "Dashboard" → tiles and 8 charts shown', ms(open), below(1000)(open), `${ratio(open)}; ${spread(opens)}; first ${ms(opens[0] ?? 0)}`));
  console.log(figureRow('(b) "previous month" → its tiles and charts shown', ms(change), below(300)(change), `${ratio(change)}; ${spread(changes)}; first ${ms(changes[0] ?? 0)}`));
}
