/**
 * The page-side entry of the browser benchmarks (../bundle.ts bundles it with esbuild, ../page.ts adds it to a
 * page on the app's origin). It opens real Dexie databases in the browser's IndexedDB, uses the app's
 * own store code and the real HTTP bridge to main (as one window of its own, signed in like any other), and
 * times the app's screens from inside the page. The data set is not made here: it is main's journal
 * (tests/bench/dataset.ts), and the page restores it like the app does.
 *
 *   deskBench.signIn(token, 'admin', '…')                 // this page's window signs in
 *   deskBench.readJournal(token)                           // every journal page over the bridge, nothing written, timed
 *   deskBench.restore(token, 'complaint-desk-SH01')        // store.restoreIfEmpty into empty IndexedDB, timed
 *   deskBench.bareBulkWriteAcross('complaint-desk-SH01', 5000) // the same rows, bare bulkAdds by another origin's frame, timed
 *   deskBench.registerThroughBridge(token, name, 1000)     // ms of each store.register (main's fsync included)
 */
// As in the app (renderer/main.tsx): its CSP forbids eval, so zod parses without compiled parsers (the bench page
// bypasses the CSP only to inject this script).
import '../../../../renderer/platform/zod-jitless';
import { DEFAULT_POLICY_BOOK } from '../../../../shared/policy/book';
import type { ComplaintId } from '../../../../shared/brand';
import { CN_2026_CALENDAR } from '../../../../shared/calendar/defaults';
import { DEFAULT_POLICY } from '../../../../shared/policy/policy';
import type { Result } from '../../../../shared/result';
import { registerInput } from '../../dataset';
import { createApi, httpTransport } from '../../../../renderer/platform/transport';
import { answerWorker } from '../../../../renderer/platform/answer-worker';
import { z } from 'zod';
import { armedTimer, BARE_TABLES, firstRowShown, timeBareAdds, timeBareBulkWrite, timeBareTransactions, timedBulkAdd, timeStorageFloors, whenShown } from './measures';
import { escalationCandidates } from '../../../../renderer/store/escalation-sweep';
import { hourOf } from '../../../../renderer/store/hour-buckets';
import { heldEventCount } from '../../../../renderer/store/journal-blocks';
import { openDeskDb } from '../../../../renderer/store/open';
import { pageLimit } from '../../../../renderer/store/restore';
import { loadTimeline } from '../../../../renderer/store/queries';
import { allSearchDocs } from '../../../../renderer/store/search-hours';
import { createDeskStore } from '../../../../renderer/store/store';
import { dashboardFigures } from '../../../../shared/kpi/dashboard';
import { bucketsOf, defaultChoice, localDayOf, resolvePeriod } from '../../../../shared/kpi/period';
import { loadKpiFactsOfMonth, monthsCovering } from '../../../../renderer/store/kpi-fact-months';

/** The app's policy and calendar (renderer/ui/policy.ts): the rows are projected as the app projects them. */
const open = (name: string) => openDeskDb(name, { policies: DEFAULT_POLICY_BOOK, calendar: CN_2026_CALENDAR });

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** What the bare-write frame is asked (bareWriteTarget) and answers: the page and the frame are two programs. */
const BareRequest = z.union([z.object({ table: z.enum(BARE_TABLES), rows: z.array(z.unknown()) }), z.object({ done: z.literal(true) })]);
const BareWritten = z.object({ ms: z.number().nonnegative() });
const BareReply = z.union([BareWritten, z.object({ error: z.string() }), z.object({})]);

/** This page's window id: main keeps a session per window, so the page signs in once with it. */
const WINDOW = `bench-${crypto.randomUUID()}`;

/** The app's answer worker (renderer/platform/answer-worker-entry.ts), its script bundled beside this one (../bundle.ts). */
declare const ANSWER_WORKER_SCRIPT: string;
const startWorker = () => new Worker(URL.createObjectURL(new Blob([ANSWER_WORKER_SCRIPT], { type: 'text/javascript' })));

/** The real HTTP bridge to main, as the app uses it in browser mode, its journal pages called for and read in the app's worker. */
function bridge(token: string) {
  const http = { baseUrl: window.location.origin, token, window: WINDOW };
  return createApi(httpTransport(http), { offThread: answerWorker(startWorker, http) });
}

const openStore = (token: string, name: string) => {
  const db = open(name);
  const store = createDeskStore({ db, api: bridge(token), clock: () => new Date().toISOString(), newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: CN_2026_CALENDAR });
  return { db, store };
};

let armed: { collect: () => Promise<number> } | undefined;

const bench = {
  async signIn(token: string, username: string, password: string): Promise<void> {
    unwrap(await bridge(token).call('auth.signIn', { username, password }));
  },
  /**
   * The app's start on an empty database (store.restoreIfEmpty: checked against main's journal, every event
   * read page by page over the bridge and imported, users mirrored). ms of the whole, and what it holds after.
   */
  async restore(token: string, name: string) {
    const { db, store } = openStore(token, name);
    const started = performance.now();
    let lastPageAt = started;
    const restored = unwrap(await store.restoreIfEmpty((progress) => void (progress.rows ? undefined : (lastPageAt = performance.now()))));
    const ms = performance.now() - started;
    const [events, complaints, searchDocs] = await Promise.all([heldEventCount(db), db.complaints.count(), allSearchDocs(db.searchHours).then((docs) => docs.length)]);
    db.close();
    // From the last page imported to the end: the pages' blocks still queued, and the rows held to the end.
    const afterPagesMs = started + ms - lastPageAt;
    return { ms, afterPagesMs, restoredEvents: restored.restoredEvents, discarded: restored.discarded, events, complaints, searchDocs };
  },
  /** The floor under the restore: every page of main's journal read over the bridge and parsed, nothing written. */
  async readJournal(token: string) {
    const api = bridge(token);
    const started = performance.now();
    let events = 0;
    for (let afterSeq = 0; ; ) {
      const page = unwrap(await api.call('journal.read', { afterSeq, limit: pageLimit(afterSeq) }));
      const last = page.events[page.events.length - 1];
      events += page.events.length;
      if (!last || last.seq >= page.lastSeq) break;
      afterSeq = last.seq;
    }
    return { ms: performance.now() - started, events };
  },
  /**
   * The limit of the restore, into empty storage: the rows it wrote into `from` (events, complaints, search docs,
   * KPI facts), bulk-written bare by the page of another origin in the bench's iframe (bareWriteTarget), whose
   * IndexedDB is a store of its own. Only that page's writes are timed.
   */
  async bareBulkWriteAcross(from: string, chunkSize: number) {
    const frame = document.querySelector('iframe')?.contentWindow;
    if (!frame) throw new Error('no bare-write frame in the page');
    const channel = new MessageChannel();
    const ask = (message: unknown): Promise<unknown> =>
      new Promise((resolve, reject) => {
        channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
          const answer = BareReply.parse(data);
          if ('error' in answer) reject(new Error(`bare write: ${answer.error}`));
          else resolve(answer);
        };
        channel.port1.postMessage(message);
      });
    frame.postMessage('bare-write', '*', [channel.port2]);
    const source = open(from);
    try {
      return await timeBareBulkWrite(source, async (table, rows) => BareWritten.parse(await ask({ table, rows })).ms, chunkSize);
    } finally {
      source.close();
      await ask({ done: true });
      channel.port1.close();
    }
  },
  /** In the iframe of another origin: an empty `name` (deleted first), written as bareBulkWriteAcross sends its rows. */
  async bareWriteTarget(name: string): Promise<void> {
    const target = open(name);
    await target.delete();
    await target.open();
    window.addEventListener('message', ({ data, ports: [port] }) => {
      if (data !== 'bare-write' || !port) return;
      port.onmessage = async ({ data: request }: MessageEvent<unknown>) => {
        try {
          const asked = BareRequest.parse(request);
          if ('done' in asked) {
            target.close();
            port.postMessage({});
          } else port.postMessage({ ms: await timedBulkAdd(target, asked.table, asked.rows) });
        } catch (error) {
          port.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        }
      };
    });
  },
  /**
   * `count` registrations as the app makes them: real store, real bridge, each answered only once main's
   * journal has it on disk, then written here. ms of each, and the first one's id.
   */
  async registerThroughBridge(token: string, name: string, count: number) {
    const { db, store } = openStore(token, name);
    const timings: number[] = [];
    let first: ComplaintId | undefined;
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const registered = unwrap(await store.register(registerInput(i, new Date().toISOString())));
      timings.push(performance.now() - started);
      first ??= registered.id;
    }
    db.close();
    if (!first) throw new Error('nothing registered');
    return { timings, first };
  },
  /** Main's side alone: `complaints.decide` (register) over the bridge, answered after fsync; nothing written here. */
  async decideRoundTrips(token: string, count: number): Promise<number[]> {
    const api = bridge(token);
    const timings: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      unwrap(await api.call('complaints.decide', { requestId: crypto.randomUUID(), action: 'register', input: registerInput(i, new Date().toISOString()) }));
      timings.push(performance.now() - started);
    }
    return timings;
  },
  /** Baselines for a registration, in database `into`: a bare add of `templateId`'s row (from `from`), and a bare transaction of its rows. */
  async bareRegistrations(from: string, templateId: ComplaintId, into: string, count: number) {
    const source = open(from);
    const [record, events] = await Promise.all([source.complaints.get(templateId), loadTimeline(source, templateId)]);
    if (!record) throw new Error(`no complaint ${templateId}`);
    const [searchHour, kpiHour] = await Promise.all([source.searchHours.get(hourOf(record.receivedAt)), source.kpiHours.get(hourOf(record.receivedAt))]);
    source.close();
    if (!searchHour || !kpiHour) throw new Error(`no search or KPI hour of ${templateId}`);
    const db = open(into);
    const bareMs = await timeBareAdds(db, record, count);
    const transactionMs = await timeBareTransactions(db, { record, searchHour, kpiHour, events }, count);
    db.close();
    return { bareMs, transactionMs };
  },
  async storageFloors(name: string, searches: readonly string[], complaintId: ComplaintId, runs: number) {
    const db = open(name);
    await db.open();
    const floors = await timeStorageFloors(db, { searches, complaintId, at: new Date().toISOString(), runs });
    db.close();
    return floors;
  },
  /** Starts the clock at the next click anywhere; `collect` resolves once the register shows its first row. */
  armFirstRowAfterClick(): void {
    armed = armedTimer('click', firstRowShown);
  },
  /** Starts the clock at the next input event; stops once the result count shows something other than `before`. */
  armCountAfterInput(before: string): void {
    armed = armedTimer('input', () => {
      const shown = document.querySelector('.result-count')?.textContent ?? '';
      return /\d/.test(shown) && shown !== before;
    });
  },
  async collect(): Promise<number> {
    if (!armed) throw new Error('nothing armed');
    const ms = await armed.collect();
    armed = undefined;
    return ms;
  },
  /** ms from setting the hash to `route` until the last timeline entry contains `text`. */
  async timeRoute(route: string, text: string): Promise<number> {
    const started = performance.now();
    window.location.hash = route;
    const shown = await whenShown(() => document.querySelector('.timeline li:last-child')?.textContent?.includes(text) ?? false);
    return shown - started;
  },
  /** How many complaints the escalation sweep would name now: the app's backlog, falling as it sweeps. */
  async escalationBacklog(name: string): Promise<number> {
    const db = open(name);
    const due = await escalationCandidates(db, new Date().toISOString());
    db.close();
    return due.length;
  },
  /**
   * The dashboard's work without the screen, `runs` times, for this month against the previous one: the facts of
   * the months the two periods span read from IndexedDB as the screen reads them (kpi-fact-months.ts), a plain
   * loop over the same rows (the floor: each row read once, a few fields added up), and the figures
   * (shared/kpi/dashboard.ts). ms of each, and the rows read.
   */
  async dashboardFloors(name: string, runs: number) {
    const db = open(name);
    await db.open();
    const readMs: number[] = [];
    const loopMs: number[] = [];
    const figuresMs: number[] = [];
    const nowIso = new Date().toISOString();
    const today = localDayOf(nowIso, DEFAULT_POLICY.timeZone);
    const period = resolvePeriod(defaultChoice(today), DEFAULT_POLICY.timeZone);
    if (!period.ok) throw new Error(period.problem);
    const months = monthsCovering([period.value.comparison, period.value.current]);
    let checksum = 0;
    let rows = 0;
    for (let i = 0; i < runs; i += 1) {
      let started = performance.now();
      const facts = (await Promise.all(months.map((key) => loadKpiFactsOfMonth(db, key)))).flat();
      readMs.push(performance.now() - started);
      rows = facts.length;
      started = performance.now();
      for (const fact of facts) checksum += fact.receivedMs > 0 ? fact.grade + (fact.satisfaction ?? 0) + (fact.resolved ? 1 : 0) + fact.correctiveActions.length : 0;
      loopMs.push(performance.now() - started);
      started = performance.now();
      const figures = dashboardFigures(facts, {
        current: period.value.current,
        comparison: period.value.comparison,
        buckets: bucketsOf(period.value.current, period.value.unit, DEFAULT_POLICY.timeZone),
        nowMs: Date.parse(nowIso),
        today,
        policy: DEFAULT_POLICY,
      });
      figuresMs.push(performance.now() - started);
      checksum += figures.count;
    }
    db.close();
    return { readMs, loopMs, figuresMs, rows, checksum };
  },
  /** Starts the clock at the next click; `collect` resolves once the dashboard shows its tiles and every chart (or its empty state). */
  armDashboardShown(before: string): void {
    armed = armedTimer('click', () => {
      const range = document.querySelector('[data-testid="period-range"]')?.textContent ?? '';
      const charts = [...document.querySelectorAll('figure.chart-card')].filter((chart) => chart.querySelector('.recharts-wrapper svg .recharts-layer, .chart-empty')).length;
      return range !== '' && range !== before && document.querySelectorAll('.kpi-tile').length === 7 && charts === 8;
    });
  },
  async deleteDatabase(name: string): Promise<void> {
    await open(name).delete();
  },
};

export type DeskBench = typeof bench;

declare global {
  interface Window {
    deskBench?: DeskBench;
  }
}
window.deskBench = bench;
