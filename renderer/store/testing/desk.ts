/** A desk wired for tests: real Dexie over fake-indexeddb, the in-memory main, a clock the test moves. */
import { afterEach } from 'vitest';
import type { PublicUser } from '../../../shared/api/schemas';
import { BranchCodeSchema, UserIdSchema } from '../../../shared/brand';
import { AROUND_THE_CLOCK } from '../../../shared/calendar/calendar';
import type { Role } from '../../../shared/domain/vocabulary';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import type { DeskDb } from '../db';
import type { JournalOptions } from '../journal';
import { openDeskDb } from '../open';
import { createDeskStore, type DeskStore, type RegisterInput } from '../store';
import { createFakeMain, type FakeMain } from './fake-api';

export const BRANCH = BranchCodeSchema.parse('SH01');
export const STAFF = UserIdSchema.parse('u-staff');
export const SUPERVISOR = UserIdSchema.parse('u-super');

export const TEST_USERS: PublicUser[] = [
  { id: STAFF, username: 'lihua', displayName: '李华', role: 'staff', active: true, createdAt: '2026-11-01T01:00:00.000Z' },
  { id: SUPERVISOR, username: 'wangfang', displayName: '王芳', role: 'supervisor', active: true, createdAt: '2026-11-01T01:05:00.000Z' },
];

export interface TestDesk {
  db: DeskDb;
  store: DeskStore;
  main: FakeMain;
  setNow(iso: string): void;
  now(): string;
}

let databases = 0;
/** A database name no other test uses (fake-indexeddb is one global per worker). */
export const freshName = (label = 'desk'): string => `${label}-${++databases}-${Math.random().toString(36).slice(2)}`;

export function openTestDesk(
  options: { name?: string; main?: FakeMain; now?: string; role?: Role; idPrefix?: string; journal?: JournalOptions } = {},
): TestDesk {
  let now = options.now ?? '2026-11-23T02:00:00.000Z';
  let ids = 0;
  const idPrefix = options.idPrefix ?? freshName('id');
  const main = options.main ?? createFakeMain({ users: TEST_USERS });
  const db = openDeskDb(options.name ?? freshName(), { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
  const role = options.role ?? 'staff';
  const store = createDeskStore({
    db,
    api: main,
    clock: () => now,
    newId: () => `${idPrefix}-${++ids}`,
    session: { userId: role === 'staff' ? STAFF : SUPERVISOR, role },
    branch: { code: BRANCH, timeZone: 'Asia/Shanghai' },
    policy: DEFAULT_POLICY,
    calendar: AROUND_THE_CLOCK,
    journal: { retryDelayMs: undefined, ...options.journal },
  });
  return {
    db,
    store,
    main,
    setNow(iso) {
      now = iso;
    },
    now: () => now,
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
 * A `desk(options)` opener for a test file: every desk it opens is disposed and closed after each test.
 * `defaults` apply to every desk (per-desk options win).
 */
export function testDesks(defaults: Parameters<typeof openTestDesk>[0] = {}): (options?: Parameters<typeof openTestDesk>[0]) => TestDesk {
  const desks: TestDesk[] = [];
  afterEach(() => {
    for (const opened of desks.splice(0)) {
      opened.store.dispose();
      opened.db.close();
    }
  });
  return (options = {}) => {
    const opened = openTestDesk({ ...defaults, ...options });
    desks.push(opened);
    return opened;
  };
}
