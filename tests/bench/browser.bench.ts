/**
 * Browser benchmarks (npm run bench -- browser [--complaints N]): Debian's Chromium driving the built renderer
 * against the real services in browser mode (main is the authority), on a fresh data folder whose journal
 * holds N generated complaints (default 100 000) before the server starts.
 *   1. restoring the whole journal into empty IndexedDB through the app's own path (store.restoreIfEmpty), against
 *      a bare bulk write of the same rows in the same browser (targets < 60 s and ≤ 2× the bare write; also
 *      alone: npm run bench -- restore);
 *   2. registration: store.register through the bridge (main decides and fsyncs, then the store imports) vs a
 *      bare Dexie add, and main's complaints.decide round trip alone;
 *   3. the register: nav click, full page load, search (target < 1 s), the first escalation sweep of the backlog;
 *   4. opening a complaint with 200 events until its timeline shows the last note (target < 200 ms).
 * Figures are printed with their targets, never asserted.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { signIn } from '../e2e/fixtures';
import { withBenchDesk, type BenchDesk } from './browser/bench-desk';
import { below, duration, figureRow, median, ms, spread } from './browser/figures';
import { fsyncTimings } from './browser/disk';
import { BareRegistrationsAnswer, FloorsAnswer, FIRST_ROW_WATCH, RegisterAnswer, Timings, addBench, callBench, firstRowSinceNavigation } from './browser/page';
import { BARE_DATABASE, measureRestore } from './browser/restore';
import type { BenchOptions } from './run';

const REGISTRATIONS = 1000;
const LONG_COMPLAINT_EVENTS = 200;
/** One complaint nobody handled per this many seed complaints: the first escalation sweep's backlog. */
const BACKLOG_SHARE = 10;
const RUNS = 5;
/** The sweep is over once the backlog has not fallen for this long. */
const SWEEP_SETTLED_MS = 20_000;
const SEARCH_NAMES = ['王芳', '李娜', '刘洋', '陈静', '杨磊'];

type Floors = z.infer<typeof FloorsAnswer>;

const times = (value: number, floor: number): string => `${(value / floor).toFixed(1)}× floor`;

export async function run(options: BenchOptions): Promise<void> {
  const complaints = options.complaints ?? 100_000;
  await withBenchDesk({ complaints, backlog: Math.round(complaints / BACKLOG_SHARE), longEvents: LONG_COMPLAINT_EVENTS }, async (desk) => {
    const { seeded, appDatabase, origin } = desk;
    const scratch = await desk.scratchPage();
    await measureRestore(scratch, desk);
    await measureRegistration(scratch, desk);
    await callBench(scratch, 'deleteDatabase', [BARE_DATABASE], z.undefined());
    await scratch.close();
    // A fresh page, so the floors do not pay for what the restoring page still holds.
    const floorPage = await desk.scratchPage();
    const floors = await callBench(floorPage, 'storageFloors', [appDatabase, SEARCH_NAMES, seeded.long.id, RUNS], FloorsAnswer);

    console.log(`\n  3. Register with ${seeded.complaints.toLocaleString('en-US')} complaints (+ the ${2 * REGISTRATIONS} registered above)`);
    // The backlog as the restored copy has it, before the app (whose first sweep starts once it is signed in) opens.
    const due = await callBench(floorPage, 'escalationBacklog', [appDatabase], z.number());
    await floorPage.close();
    const page = await desk.context.newPage();
    const opened = performance.now();
    await openSignedIn(page, `${origin}/${new URL(desk.url).hash}`);
    await measureBacklogSweep(page, appDatabase, due, opened);
    await measureRegister(page, origin, floors);
    await measureComplaintPage(page, seeded.long, floors);
  });
}

async function measureRegistration(page: Page, { token, appDatabase, dataDir }: BenchDesk): Promise<void> {
  console.log(`\n  2. Registration (${REGISTRATIONS} each, median ms per call)`);
  // Into the app's own database, restored above: the register the screens show holds them too.
  const registered = await callBench(page, 'registerThroughBridge', [token, appDatabase, REGISTRATIONS], RegisterAnswer);
  const { bareMs, transactionMs } = await callBench(page, 'bareRegistrations', [appDatabase, registered.first, BARE_DATABASE, REGISTRATIONS], BareRegistrationsAnswer);
  const decideMs = await callBench(page, 'decideRoundTrips', [token, REGISTRATIONS], Timings);
  const diskMs = await fsyncTimings(dataDir, REGISTRATIONS);
  const bare = median(bareMs);
  const transaction = median(transactionMs);
  const store = median(registered.timings);
  const decide = median(decideMs);
  console.log(figureRow('bare Dexie add of the projection row', ms(bare), undefined, spread(bareMs)));
  console.log(figureRow("bare transaction: same events + row + its hour's search docs and KPI facts + counters", ms(transaction), undefined, spread(transactionMs)));
  console.log(figureRow('store.register through the bridge (main decides + fsync, import)', ms(store), undefined, spread(registered.timings)));
  console.log(figureRow('  ratio store.register / bare add, / bare transaction', `${(store / bare).toFixed(1)}×, ${(store / transaction).toFixed(1)}×`));
  console.log(figureRow("main's complaints.decide round trip alone (register)", ms(decide), undefined, spread(decideMs)));
  console.log(figureRow('  of which the disk: fsync of a 1-line append, same folder', ms(median(diskMs)), undefined, spread(diskMs)));
  console.log(figureRow('  store.register minus the round trip (the import here)', ms(store - decide)));
}

/**
 * The data set's backlog is complaints nobody handled for up to a year: the app's first sweep has main escalate
 * them (to final review, a month unresolved). Timed from opening the app (sign-in included) until nothing is due;
 * the screens are measured after.
 */
async function measureBacklogSweep(page: Page, appDatabase: string, first: number, started: number): Promise<void> {
  await addBench(page);
  let left = await callBench(page, 'escalationBacklog', [appDatabase], z.number());
  let changedAt = performance.now();
  // Main decides what is due: a candidate it escalates nothing on stays named, so a backlog that stops falling is done.
  while (left > 0 && performance.now() - changedAt < SWEEP_SETTLED_MS && performance.now() - started < 15 * 60_000) {
    await page.waitForTimeout(1000);
    const now = await callBench(page, 'escalationBacklog', [appDatabase], z.number());
    if (now !== left) changedAt = performance.now();
    left = now;
  }
  const ended = left === 0 ? performance.now() : changedAt;
  const note = left === 0 ? 'nothing left due' : `${left.toLocaleString('en-US')} still named, unchanged for ${SWEEP_SETTLED_MS / 1000} s`;
  console.log(figureRow(`the app's first escalation sweep (${first.toLocaleString('en-US')} due when the app opens)`, duration(ended - started), undefined, note));
}

/** Opens the app in its own window (tab), which signs in: sessions are per window. */
export async function openSignedIn(page: Page, url: string): Promise<void> {
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
  console.log(`\n  4. Complaint with ${LONG_COMPLAINT_EVENTS} events`);
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
