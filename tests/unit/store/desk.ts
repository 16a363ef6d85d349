/**
 * A desk wired for the store's tests: the real Dexie store (over fake-indexeddb) against the REAL main-process
 * services (openDesk on a temporary data folder, called through the renderer's own `createApi`), one window per
 * desk, and a clock the test moves for both sides. No stand-in for main: what main refuses here, it refuses in
 * the app.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { DEFAULT_POLICY_BOOK } from '../../../shared/policy/book';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { BranchCodeSchema, UserIdSchema } from '../../../shared/brand';
import { AROUND_THE_CLOCK } from '../../../shared/calendar/calendar';
import { JOURNAL_PAGE_MAX } from '../../../shared/api/contract';
import type { DomainEvent } from '../../../shared/domain/events';
import type { Role } from '../../../shared/domain/vocabulary';
import { openDesk, type Desk } from '../../../electron/services/desk';
import { answerForIpc } from '../../../shared/api/json-text';
import { createApi, type Api } from '../../../renderer/platform/transport';
import type { DeskDb } from '../../../renderer/store/db';
import { openDeskDb } from '../../../renderer/store/open';
import type { StoredEvent } from '../../../renderer/store/records';
import { createDeskStore, type DeskStore, type RegisterInput } from '../../../renderer/store/store';
import { memoryLogger } from '../platform/fixtures';

export const BRANCH = BranchCodeSchema.parse('SH01');
export const STAFF = UserIdSchema.parse('u-staff');
export const SUPERVISOR = UserIdSchema.parse('u-super');
const PEOPLE = {
  staff: { username: 'lihua', displayName: '李华', password: 'staff-pass-1' },
  supervisor: { username: 'wangfang', displayName: '王芳', password: 'super-pass-1' },
} as const;

/** One data folder with its services: the branch set up, a clerk (u-staff) and a supervisor (u-super). */
export interface TestMain {
  readonly desk: Desk;
  readonly dir: string;
  now: string;
  /** Every event of main's journal, read through the contract. */
  journal(): Promise<DomainEvent[]>;
  /** A window signed in as the clerk or the supervisor. */
  window(role: Role, id?: string): Promise<Api>;
  close(): Promise<void>;
}

/**
 * The branch and its three accounts, set up once per test worker through the real services and copied for each
 * test: scrypt makes every account cost a tenth of a second.
 */
let template: Promise<string> | undefined;

async function setUpTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-template-'));
  const ids = ['u-admin', STAFF, SUPERVISOR];
  const desk = await openDesk({ dataDir: dir, mode: 'browser', version: 'test', validateOutput: true, log: memoryLogger(), newId: () => ids.shift() ?? 'u-extra' });
  const admin = createApi((method, input) => desk.dispatch(method, input, { window: 'setup' }));
  const setUp = await admin.call('setup.createBranch', { branchCode: BRANCH, branchName: '上海徐汇店', timeZone: 'Asia/Shanghai', adminUsername: 'admin', password: 'admin-pass-1' });
  if (!setUp.ok) throw new Error(`set-up: ${setUp.error.code}`);
  for (const role of ['staff', 'supervisor'] as const) {
    const created = await admin.call('users.create', { ...PEOPLE[role], role });
    if (!created.ok) throw new Error(`user: ${created.error.code}`);
  }
  await desk.close();
  return dir;
}

export async function openTestMain(now = '2026-11-23T02:00:00.000Z'): Promise<TestMain> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-store-'));
  await cp(await (template ??= setUpTemplate()), dir, { recursive: true });
  let count = 0;
  const clock = { now };
  const desk = await openDesk({
    dataDir: dir,
    mode: 'browser',
    version: 'test',
    validateOutput: true,
    log: memoryLogger(),
    now: () => new Date(clock.now),
    // The tests move the clock by days: a window must not be signed out for it.
    sessionIdleMinutes: 365 * 24 * 60,
  });
  const main: TestMain = {
    desk,
    dir,
    get now() {
      return clock.now;
    },
    set now(iso) {
      clock.now = iso;
    },
    async journal() {
      const admin = await main.window('supervisor', 'journal-reader');
      const events: DomainEvent[] = [];
      for (;;) {
        const page = await admin.call('journal.read', { afterSeq: events.length, limit: JOURNAL_PAGE_MAX });
        if (!page.ok) throw new Error(page.error.message);
        events.push(...page.value.events);
        if (events.length >= page.value.lastSeq) return events;
      }
    },
    async window(role, id = `window-${role}-${++count}`) {
      // As Electron's IPC answers (electron/main/ipc.ts).
      const api = createApi(async (method, input) => answerForIpc(await main.desk.dispatch(method, input, { window: id })));
      const person = PEOPLE[role === 'staff' ? 'staff' : 'supervisor'];
      const signedIn = await api.call('auth.signIn', { username: person.username, password: person.password });
      if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.error.code}`);
      return api;
    },
    async close() {
      await main.desk.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return main;
}

export interface TestDesk {
  db: DeskDb;
  store: DeskStore;
  main: TestMain;
  api: Api;
  setNow(iso: string): void;
  now(): string;
}

/** Every event the copy holds, in journal order, as stored (the tests' view of the journal blocks). */
export async function storedEvents(db: DeskDb): Promise<StoredEvent[]> {
  return (await db.journalBlocks.orderBy('block').toArray()).flatMap((block) => block.events);
}

/** One complaint's stored events, in journal order. */
export async function storedEventsOf(db: DeskDb, complaintId: string): Promise<StoredEvent[]> {
  return (await storedEvents(db)).filter((event) => event.complaintId === complaintId);
}

let databases = 0;
/** A database name no other test uses (fake-indexeddb is one global per worker). */
export const freshName = (label = 'desk'): string => `${label}-${++databases}-${Math.random().toString(36).slice(2)}`;

export interface TestDeskOptions {
  /** The Dexie database (a second window of the same browser profile opens the same one). */
  name?: string;
  /** Another desk's main: a second window (or browser profile) on the same data folder. */
  main?: TestMain;
  now?: string;
  role?: Role;
}

export async function openTestDesk(options: TestDeskOptions = {}): Promise<TestDesk> {
  const main = options.main ?? (await openTestMain(options.now));
  if (options.now) main.now = options.now;
  const api = await main.window(options.role ?? 'staff');
  const db = openDeskDb(options.name ?? freshName(), { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
  const store = createDeskStore({ db, api, clock: () => main.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
  return {
    db,
    store,
    main,
    api,
    setNow(iso) {
      main.now = iso;
    },
    now: () => main.now,
  };
}

/** A complete walk-in registration; override any field. */
export function walkIn(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    receivedAt: '2026-11-23T01:30:00.000Z',
    channel: 'walk_in',
    complainant: { name: '张三', phone: '138 1234 5678' },
    category: 'product_quality',
    nature: 'quality',
    description: '购买的牛奶已过期，要求退款并道歉',
    requests: ['refund', 'apology'],
    ...overrides,
  };
}

/**
 * A `desk(options)` opener for a test file: every desk it opens, and every data folder, is closed after each
 * test. `defaults` apply to every desk (per-desk options win).
 */
export function testDesks(defaults: TestDeskOptions = {}): (options?: TestDeskOptions) => Promise<TestDesk> {
  const desks: TestDesk[] = [];
  afterEach(async () => {
    const mains = new Set<TestMain>();
    for (const opened of desks.splice(0)) {
      opened.db.close();
      mains.add(opened.main);
    }
    for (const main of mains) await main.close();
  });
  return async (options = {}) => {
    const opened = await openTestDesk({ ...defaults, ...options });
    desks.push(opened);
    return opened;
  };
}
