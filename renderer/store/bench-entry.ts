/**
 * The page-side entry of the browser benchmarks (tests/bench/browser.bench.ts bundles it with esbuild and adds
 * it to a page on the app's origin). It opens real Dexie databases in the browser's IndexedDB, uses the app's
 * own store code and the real HTTP bridge to main, and times the app's screens from inside the page.
 *
 *   deskBench.seed('complaint-desk-SH01', 100_000, 200)   // generate + load; keeps the events for the journal
 *   deskBench.appendOneByOne(token, 1000)                 // ms of each single-event journal.append
 *   deskBench.appendRest(token, 5000)                     // the remaining events, in batches
 *   deskBench.registerMany('bench-register', 1000)       // ms of each store.register and each bare write
 */
import { BranchCodeSchema, UserIdSchema, type ComplaintId } from '../../shared/brand';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { COMMANDS, type CommandContext } from '../../shared/domain/commands';
import { stampEvents, type DomainEvent } from '../../shared/domain/events';
import { formatComplaintNumber, localDateKey } from '../../shared/domain/numbering';
import { foldComplaint } from '../../shared/domain/reducer';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { createApi, httpTransport } from '../platform/transport';
import { armedTimer, bulkLoadEvents, confirmingApi, firstRowShown, timeBareAdds, timeBareTransactions, timeStorageFloors, whenShown } from './bench';
import { deadlineSummarizer } from './deadline-columns';
import { escalationCandidates } from './escalation-sweep';
import { openDeskDb } from './open';
import type { StoreApi } from './ports';
import { createDeskStore, type RegisterInput } from './store';

const BRANCH = BranchCodeSchema.parse('SH01');
const ACTOR = { id: UserIdSchema.parse('bench-staff'), role: 'supervisor' as const };
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞'];
const TEXTS = ['购买的牛奶已过期，要求退款', '收银员态度恶劣', '预约上门安装，师傅迟到三小时', '发票金额与小票不符', '店内地面湿滑没有提示'];
const CATEGORIES = ['product_quality', 'service_attitude', 'delivery_delay', 'price_billing', 'environment_facilities'];
const CHANNELS = ['walk_in', 'phone', 'online', 'email', 'social_media'] as const;
const TIME_ZONE = 'Asia/Shanghai';
/** The generated complaints end here; registrations timed through the bridge happen a day later (own numbers). */
/**
 * The data set ends when the bench runs: its year of complaints is overdue as of today, and the long
 * complaint, registered at the end, stays within its tier's limit (no automatic escalation joins its timeline).
 */
const DATASET_END = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();

const open = (name: string) => openDeskDb(name, { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
const summarize = deadlineSummarizer(DEFAULT_POLICY, AROUND_THE_CLOCK);

function input(i: number, receivedAt: string): RegisterInput {
  return {
    receivedAt,
    channel: CHANNELS[i % CHANNELS.length] ?? 'walk_in',
    complainant: { name: NAMES[i % NAMES.length] ?? '张伟', phone: `138${String(10_000_000 + ((i * 7919) % 90_000_000)).slice(0, 8)}` },
    category: CATEGORIES[i % CATEGORIES.length] ?? 'other',
    nature: 'other',
    description: `${TEXTS[i % TEXTS.length] ?? ''}（第${i}号）`,
    requests: ['explanation'],
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export interface Dataset {
  readonly events: DomainEvent[];
  /** The one complaint with a long history (registration, acknowledgement, notes). */
  readonly long: { readonly id: ComplaintId; readonly lastNote: string };
}

/**
 * `count` complaints over the year before `endIso`, a third of them acknowledged, then one complaint with
 * `longEvents` events at `endIso`: events in seq order, numbered per local day like the app numbers them.
 */
export function generateDataset(count: number, longEvents: number, { firstSeq = 1, endIso = DATASET_END } = {}): Dataset {
  const events: DomainEvent[] = [];
  const end = Date.parse(endIso);
  const step = Math.floor((365 * 86_400_000) / count);
  let ids = 0;
  const perDay = new Map<string, number>();
  const contextAt = (at: string): CommandContext => ({ now: at, actor: ACTOR, newId: () => `b${++ids}`, policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
  const append = (drafts: Parameters<typeof stampEvents>[0]): DomainEvent[] => {
    const stamped = stampEvents(drafts, { branch: BRANCH, firstSeq: firstSeq + events.length });
    events.push(...stamped);
    return stamped;
  };
  const register = (i: number, at: string): DomainEvent[] => {
    const day = localDateKey(at, TIME_ZONE);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    return append(unwrap(COMMANDS.register(undefined, { ...input(i, at), number: formatComplaintNumber(BRANCH, day, seq) }, contextAt(at))));
  };
  const minutesAfter = (at: string, minutes: number): string => new Date(Date.parse(at) + minutes * 60_000).toISOString();

  for (let i = 0; i < count; i += 1) {
    const at = new Date(end - (count - i) * step).toISOString();
    const stamped = register(i, at);
    if (i % 3 === 0) append(unwrap(COMMANDS.acknowledge(foldComplaint(stamped), {}, contextAt(minutesAfter(at, 10)))));
  }

  const history = [...register(count, endIso)];
  history.push(...append(unwrap(COMMANDS.acknowledge(foldComplaint(history), {}, contextAt(minutesAfter(endIso, 1))))));
  let lastNote = '';
  for (let note = 1; history.length < longEvents; note += 1) {
    lastNote = `跟进记录 ${note}：已电话联系顾客，顾客表示理解`;
    const drafts = COMMANDS.addNote(foldComplaint(history), { text: lastNote }, contextAt(minutesAfter(endIso, 1 + note)));
    history.push(...append(unwrap(drafts)));
  }
  const id = history[0]?.complaintId;
  if (!id) throw new Error('the long complaint has no events');
  return { events, long: { id, lastNote } };
}

/** The real HTTP bridge to main, as the app uses it in browser mode. */
const bridge = (token: string) => createApi(httpTransport({ baseUrl: window.location.origin, token }));

function benchStore(db: ReturnType<typeof open>, api: StoreApi, clock: () => string, newId: () => string) {
  return createDeskStore({
    db,
    api,
    clock,
    newId,
    session: { userId: ACTOR.id, role: ACTOR.role },
    branch: { code: BRANCH, timeZone: TIME_ZONE },
    policy: DEFAULT_POLICY,
    calendar: AROUND_THE_CLOCK,
  });
}

async function timeRegistrations(store: ReturnType<typeof benchStore>, count: number, receivedAt: () => string) {
  const timings: number[] = [];
  let first: ComplaintId | undefined;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const registered = unwrap(await store.register(input(i, receivedAt())));
    timings.push(performance.now() - started);
    first ??= registered.id;
  }
  return { timings, first };
}

let seeded: Dataset | undefined;
/** Seq of the last event written by `registerThroughBridge`: the seeded events continue after it. */
let lastBridgeSeq = 0;
/** How many of the seeded events main's journal has been sent (they must arrive in seq order). */
let sentToJournal = 0;

async function appendToJournal(token: string, events: DomainEvent[]): Promise<void> {
  const journaled = unwrap(await bridge(token).call('journal.append', { events }));
  if (journaled.journaledThroughSeq !== events[events.length - 1]?.seq) throw new Error(`journal is at seq ${journaled.journaledThroughSeq}`);
}

function seededEvents(): DomainEvent[] {
  if (!seeded) throw new Error('seed first');
  return seeded.events;
}

let armed: { collect: () => Promise<number> } | undefined;

const bench = {
  async seed(name: string, count: number, longEvents: number) {
    const generated = performance.now();
    seeded = generateDataset(count, longEvents, { firstSeq: lastBridgeSeq + 1 });
    sentToJournal = 0;
    const generateMs = performance.now() - generated;
    const db = open(name);
    const loadMs = await bulkLoadEvents(db, seeded.events, summarize);
    db.close();
    return { events: seeded.events.length, generateMs, loadMs, long: seeded.long };
  },
  /** Sends the next `count` seeded events to main's journal, one `journal.append` (one fsync) each. */
  async appendOneByOne(token: string, count: number): Promise<number[]> {
    const events = seededEvents().slice(sentToJournal, sentToJournal + count);
    const timings: number[] = [];
    for (const event of events) {
      const started = performance.now();
      await appendToJournal(token, [event]);
      timings.push(performance.now() - started);
      sentToJournal += 1;
    }
    return timings;
  },
  /** Sends the rest of the seeded events in batches; returns the total ms and the number of batches. */
  async appendRest(token: string, batchSize: number) {
    const events = seededEvents();
    const started = performance.now();
    let batches = 0;
    for (; sentToJournal < events.length; sentToJournal += batchSize, batches += 1) await appendToJournal(token, events.slice(sentToJournal, sentToJournal + batchSize));
    sentToJournal = events.length;
    return { ms: performance.now() - started, batches };
  },
  async storageFloors(name: string, searches: readonly string[], complaintId: ComplaintId, runs: number) {
    const db = open(name);
    await db.open();
    const floors = await timeStorageFloors(db, { searches, complaintId, at: new Date().toISOString(), runs });
    db.close();
    return floors;
  },
  /** `count` registrations through the real store (journal confirmed at once), then the bare baselines. */
  async registerMany(name: string, count: number) {
    const db = open(name);
    let ids = 0;
    const store = benchStore(db, confirmingApi(), () => new Date().toISOString(), () => `r${++ids}`);
    const { timings: storeMs, first } = await timeRegistrations(store, count, () => new Date().toISOString());
    if (!first) throw new Error('nothing registered');
    const bareMs = await timeBareAdds(db, first, count);
    const transactionMs = await timeBareTransactions(db, first, count);
    store.dispose();
    db.close();
    return { storeMs, bareMs, transactionMs };
  },
  /**
   * `count` registrations as the app makes them: real store, real bridge, each confirmed only once main's
   * journal has it on disk. Dated the day after the data set so their numbers never meet the seeded ones.
   */
  async registerThroughBridge(token: string, name: string, count: number): Promise<number[]> {
    const db = open(name);
    let tick = Date.parse(DATASET_END) + 86_400_000;
    const clock = () => new Date((tick += 1000)).toISOString();
    const store = benchStore(db, bridge(token), clock, () => crypto.randomUUID());
    const { timings } = await timeRegistrations(store, count, clock);
    lastBridgeSeq = (await db.events.orderBy('[branch+seq]').last())?.seq ?? 0;
    store.dispose();
    db.close();
    return timings;
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
  /** How many complaints the escalation sweep would look at now: the app's backlog, falling as it sweeps. */
  async escalationBacklog(name: string): Promise<number> {
    const db = open(name);
    const due = await escalationCandidates(db, new Date().toISOString());
    db.close();
    return due.length;
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
