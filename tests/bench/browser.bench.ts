/**
 * Browser benchmarks (npm run bench -- browser [--complaints N]): Debian's Chromium driving the built renderer
 * against the real services in browser mode, on a fresh data folder.
 *   1. registration through the storage layer vs a bare Dexie add (target ≤ 3×), and single-event
 *      journal appends through the HTTP bridge (main's fsync included);
 *   2. the register with N complaints (default 100 000): nav click, full page load, search (target < 1 s);
 *   3. opening a complaint with 200 events until its timeline shows the last note (target < 200 ms).
 * Figures are printed with their targets, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { readLaunchFragment } from '../../shared/api/launch';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { ADMIN, createBranch, newDataDir, signIn, startDesk } from '../e2e/fixtures';
import { below, duration, figureRow, median, ms, spread } from './browser/figures';
import { fsyncTimings } from './browser/disk';
import { AppendRestAnswer, FloorsAnswer, FIRST_ROW_WATCH, RegisterAnswer, SeedAnswer, Timings, addBench, callBench, firstRowSinceNavigation } from './browser/page';
import type { BenchOptions } from './run';

const REGISTRATIONS = 1000;
const LONG_COMPLAINT_EVENTS = 200;
const JOURNAL_BATCH = 5000;
const RUNS = 5;
const SEARCH_NAMES = ['王芳', '李娜', '刘洋', '陈静', '杨磊'];

/** The app's working database (renderer/app/DeskStoreProvider.tsx). */
const APP_DATABASE = `complaint-desk-${ADMIN.branchCode}`;

type Floors = z.infer<typeof FloorsAnswer>;

const times = (value: number, floor: number): string => `${(value / floor).toFixed(1)}× floor`;

const repoRoot = join(import.meta.dirname, '..', '..');

export async function run(options: BenchOptions): Promise<void> {
  const complaints = options.complaints ?? 100_000;
  console.log(`  ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.log('  out/renderer is missing: run "npm run build" first. Nothing measured.');
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const dataDir = newDataDir();
  const desk = await startDesk(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const token = readLaunchFragment(new URL(desk.url).hash).token ?? '';
    const origin = new URL(desk.url).origin;
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 800 } });

    const app = await context.newPage();
    await app.goto(desk.url);
    await createBranch(app);
    await app.close();

    // A page on the app's origin that does not run the app: same IndexedDB, nothing else reacting to writes.
    const scratch = await context.newPage();
    await scratch.goto(`${origin}/bench-scratch.txt`);
    await addBench(scratch);
    await measureRegistration(scratch, token);
    const { long } = await seedAndJournal(scratch, token, complaints, dataDir);
    await scratch.close();
    // A fresh page, so the floors do not pay for the generated events the seeding page still holds.
    const floorPage = await context.newPage();
    await floorPage.goto(`${origin}/bench-scratch.txt`);
    await addBench(floorPage);
    const floors = await callBench(floorPage, 'storageFloors', [APP_DATABASE, SEARCH_NAMES, long.id, RUNS], FloorsAnswer);
    await floorPage.close();

    const page = await context.newPage();
    await openSignedIn(page, `${origin}/${new URL(desk.url).hash}`);
    await measureBacklogSweep(page);
    await measureRegister(page, origin, floors);
    await measureComplaintPage(page, long, floors);
    await context.close();
  } finally {
    await browser.close();
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n  total ${duration(performance.now() - started)}; ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
}

async function measureRegistration(page: Page, token: string): Promise<void> {
  console.log(`\n  1. Registration (${REGISTRATIONS} each, median ms per call)`);
  const { storeMs, bareMs, transactionMs } = await callBench(page, 'registerMany', ['bench-register', REGISTRATIONS], RegisterAnswer);
  await callBench(page, 'deleteDatabase', ['bench-register'], z.undefined());
  // Into the app's own database: these are the first complaints of the data set the later steps use.
  const bridgeMs = await callBench(page, 'registerThroughBridge', [token, APP_DATABASE, REGISTRATIONS], Timings);
  const bare = median(bareMs);
  const store = median(storeMs);
  const bridged = median(bridgeMs);
  const transaction = median(transactionMs);
  console.log(figureRow('bare Dexie add of the projection record', ms(bare), undefined, spread(bareMs)));
  console.log(figureRow('bare transaction: same events + row + search doc + counters', ms(transaction), undefined, spread(transactionMs)));
  console.log(figureRow('store.register (events + projection + counters, journal ok)', ms(store), { text: '≤ 3× bare', met: store <= 3 * bare }, spread(storeMs)));
  console.log(figureRow('  ratio store / bare add, store / bare transaction', `${(store / bare).toFixed(1)}×, ${(store / transaction).toFixed(1)}×`));
  console.log(figureRow('store.register through the bridge (journal fsync incl.)', ms(bridged), undefined, spread(bridgeMs)));
  console.log(figureRow('  ratio bridge / bare, bridge / store', `${(bridged / bare).toFixed(1)}×, ${(bridged / store).toFixed(1)}×`));
}

async function seedAndJournal(page: Page, token: string, complaints: number, dataDir: string) {
  console.log(`\n  2. Register with ${complaints.toLocaleString('en-US')} complaints (+ the ${REGISTRATIONS} above + 1 long one). Setup:`);
  const seeded = await callBench(page, 'seed', [APP_DATABASE, complaints, LONG_COMPLAINT_EVENTS], SeedAnswer);
  console.log(figureRow(`generate ${seeded.events.toLocaleString('en-US')} events in the page`, duration(seeded.generateMs)));
  console.log(figureRow("load them into the app's IndexedDB (5000 per transaction)", duration(seeded.loadMs)));
  const single = await callBench(page, 'appendOneByOne', [token, Math.min(REGISTRATIONS, seeded.events)], Timings);
  console.log(figureRow('journal.append of 1 event over the bridge (fsync incl.)', ms(median(single)), undefined, spread(single)));
  console.log(figureRow('  of which the disk: fsync of a 1-line append, same folder', ms(median(await fsyncTimings(dataDir, REGISTRATIONS)))));
  const rest = await callBench(page, 'appendRest', [token, JOURNAL_BATCH], AppendRestAnswer);
  console.log(figureRow(`journal.append of the rest, ${rest.batches} batches of ≤ ${JOURNAL_BATCH}`, duration(rest.ms)));
  return seeded;
}

/**
 * The data set is a year of complaints nobody handled: the app's first sweep escalates nearly all of them (to
 * final review, a month unresolved). Timed from sign-in until nothing is due; the screens are measured after.
 */
async function measureBacklogSweep(page: Page): Promise<void> {
  const started = performance.now();
  await addBench(page);
  const first = await callBench(page, 'escalationBacklog', [APP_DATABASE], z.number());
  let left = first;
  while (left > 0 && performance.now() - started < 15 * 60_000) {
    await page.waitForTimeout(1000);
    left = await callBench(page, 'escalationBacklog', [APP_DATABASE], z.number());
  }
  const note = left === 0 ? 'nothing left due' : `${left.toLocaleString('en-US')} still due after 15 min`;
  console.log(figureRow(`the app's first escalation sweep (${first.toLocaleString('en-US')} due at sign-in)`, duration(performance.now() - started), undefined, note));
}

/** Opens the app; signs in if main's session did not survive (it normally does: it lives in main). */
async function openSignedIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  const signInButton = page.getByRole('button', { name: 'Sign in' });
  await navigation.or(signInButton).waitFor({ timeout: 120_000 });
  if (await signInButton.isVisible()) await signIn(page);
  await navigation.waitFor({ timeout: 120_000 });
}

const firstRow = (page: Page) => page.getByRole('grid').getByRole('row').filter({ has: page.getByRole('gridcell') }).first();

async function measureRegister(page: Page, origin: string, floors: Floors): Promise<void> {
  console.log(`  Screens (median of ${RUNS}; × floor = against the same data read straight from Dexie in a page without the app):`);
  const target = below(1000);
  const navClicks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${origin}/#/new`);
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await addBench(page);
    await callBench(page, 'armFirstRowAfterClick', [], z.undefined());
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Complaint register' }).click();
    navClicks.push(await callBench(page, 'collect', [], z.number()));
  }
  const navMedian = median(navClicks);
  const plainFloor = median(floors.plainMs);
  console.log(figureRow('floor: count + first page off the index', ms(plainFloor), undefined, spread(floors.plainMs)));
  console.log(figureRow('(a) nav "Complaint register" → first row shown', ms(navMedian), target(navMedian), `${times(navMedian, plainFloor)}; first run ${ms(navClicks[0] ?? 0)}`));

  await page.context().addInitScript(FIRST_ROW_WATCH);
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${origin}/#/complaints`);
    await page.reload({ waitUntil: 'commit' });
    loads.push(await firstRowSinceNavigation(page));
  }
  const loadMedian = median(loads);
  console.log(figureRow('(b) reload at #/complaints → first row shown', ms(loadMedian), target(loadMedian), `${times(loadMedian, plainFloor)}; from navigation start`));

  await firstRow(page).waitFor();
  await addBench(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  const count = page.locator('.result-count');
  const searches: number[] = [];
  let shown = '';
  for (const name of SEARCH_NAMES) {
    const before = (await count.textContent()) ?? '';
    await callBench(page, 'armCountAfterInput', [before], z.undefined());
    await search.fill(name);
    searches.push(await callBench(page, 'collect', [], z.number()));
    shown = `${name}: ${(await count.textContent()) ?? ''}`;
    await search.fill('');
    await count.filter({ hasText: before }).waitFor();
  }
  const searchMedian = median(searches);
  const searchFloor = median(floors.searchMs);
  console.log(figureRow('floor: search id list + first page', ms(searchFloor), undefined, spread(floors.searchMs)));
  console.log(figureRow('(c) search a name → result count shown', ms(searchMedian), target(searchMedian), `${times(searchMedian, searchFloor)}; runs ${searches.map(ms).join(', ')}; "${shown}"`));
}

async function measureComplaintPage(page: Page, long: { id: string; lastNote: string }, floors: Floors): Promise<void> {
  console.log(`\n  3. Complaint with ${LONG_COMPLAINT_EVENTS} events`);
  const opens: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(page.url().replace(/#.*$/, '#/complaints'));
    await firstRow(page).waitFor();
    await addBench(page);
    opens.push(await callBench(page, 'timeRoute', [`#/complaints/${encodeURIComponent(long.id)}`, long.lastNote], z.number()));
  }
  const openMedian = median(opens);
  const timelineFloor = median(floors.timelineMs);
  console.log(figureRow("floor: the complaint's events from Dexie", ms(timelineFloor), undefined, spread(floors.timelineMs)));
  console.log(figureRow('hash → complaint route until the last note shows', ms(openMedian), below(200)(openMedian), `${times(openMedian, timelineFloor)}; runs ${opens.map(ms).join(', ')}`));
}
