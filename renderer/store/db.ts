/**
 * The renderer's working database (DESIGN "Where data lives"). Every schema version stays declared here,
 * oldest first, so a desk that skipped releases upgrades step by step; each upgrade is tested from a fixture
 * database of the older version (db.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { DomainEvent } from '../../shared/domain/events';
import { COMPLAINT_TOTAL_KEY, JOURNALED_THROUGH_KEY } from './counters';
import type { Projection } from './projection';
import { toDomainEvent, type ComplaintRecord, type CounterRecord, type KpiFactsRow, type SearchDoc, type SettingRecord, type StoredEvent, type UserRecord } from './records';

/** Turns a complaint's events (in seq order) into its register row, search text and KPI facts. */
export type Projector = (events: readonly DomainEvent[]) => Projection;

/** v1 (first release): no search, no deadline columns; the register filtered by scanning. */
export const SCHEMA_V1 = {
  events: 'id, &[branch+seq], complaintId, journaled',
  complaints: 'id, &number, receivedAt, status, grade, channel, category, assignee, updatedAt',
  counters: 'key',
  users: 'id',
  settings: 'key',
} as const;

/**
 * v2: compound [field+receivedAt] indexes give every register filter its rows already in date order (and the
 * plain field through Dexie's virtual index); `*searchText` answers prefix search; `searchDocs` holds the
 * free text for substring search outside the row; events are read per complaint and per journal state in seq order.
 */
export const SCHEMA_V2 = {
  events: 'id, &[branch+seq], [complaintId+seq], [journaled+seq]',
  complaints:
    'id, &number, receivedAt, updatedAt, nextDeadlineAt, dueSoonAt, tier, *searchText, ' +
    '[status+receivedAt], [grade+receivedAt], [category+receivedAt], [channel+receivedAt], [assignee+receivedAt]',
  searchDocs: 'id',
  counters: 'key',
  users: 'id',
  settings: 'key',
} as const;

/**
 * v3: what main has journaled is one watermark in `counters` (journal.ts) instead of a flag rewritten on every
 * event, so the flag's index goes; the watermark starts at the highest event flagged journaled.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, events: 'id, &[branch+seq], [complaintId+seq]' } as const;

/**
 * v4: `escalationDueAt` lets the escalation sweep find due complaints by one key range instead of reading every
 * overdue row; rows are rebuilt from the log to fill it.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, complaints: `${SCHEMA_V3.complaints}, escalationDueAt` } as const;

/**
 * v5: the escalation board reads the open complaints by `[terminal+tier]`, already per tier, without touching
 * closed rows; rows are rebuilt from the log to fill `routes` (its legal / PR lanes) and `tierSince`.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, complaints: `${SCHEMA_V4.complaints}, [terminal+tier]` } as const;

/**
 * v6: `kpiFacts`, what the dashboard needs of each complaint (shared/kpi/facts.ts), by date received, so a
 * period is one key range of small rows; filled by rebuilding every row from the log.
 */
export const SCHEMA_V6 = { ...SCHEMA_V5, kpiFacts: 'id, receivedAt' } as const;

/**
 * v7: `hasActions` marks the facts of complaints holding corrective actions (records.ts), so the actions page
 * reads those rows only; the facts already stored are marked from their own actions, nothing is rebuilt.
 */
export const SCHEMA_V7 = { ...SCHEMA_V6, kpiFacts: `${SCHEMA_V6.kpiFacts}, hasActions` } as const;

export const CURRENT_SCHEMA_VERSION = 7;

export class DeskDb extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  complaints!: EntityTable<ComplaintRecord, 'id'>;
  searchDocs!: EntityTable<SearchDoc, 'id'>;
  counters!: EntityTable<CounterRecord, 'key'>;
  users!: EntityTable<UserRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  kpiFacts!: EntityTable<KpiFactsRow, 'id'>;

  constructor(
    name: string,
    /** How rows are built from events; kept to rebuild them when the calendar in force changes. */
    readonly project: Projector,
    options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
  ) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => reprojectAll(tx, project, false));
    this.version(3).stores(SCHEMA_V3).upgrade(startJournalMark);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => reprojectAll(tx, project, false));
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((tx) => reprojectAll(tx, project, false));
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade((tx) => reprojectAll(tx, project, true));
    this.version(7).stores(SCHEMA_V7).upgrade(markActionHolders);
  }
}

/**
 * Rebuilds every row from the event log (v1 rows lack search and deadline columns, v3 rows the escalation
 * column, v4 rows routes and tierSince, v5 the KPI facts). Events are read as events (`toDomainEvent`): the log of an old database
 * holds old payload versions, and one that does not parse fails the upgrade (the database stays at its old
 * version) rather than folding wrong.
 */
async function reprojectAll(tx: Transaction, project: Projector, withFacts: boolean): Promise<void> {
  const events = (await tx.table<StoredEvent>('events').toArray()).sort((a, b) => a.seq - b.seq).map(toDomainEvent);
  const byComplaint = new Map<string, DomainEvent[]>();
  for (const event of events) {
    const list = byComplaint.get(event.complaintId);
    if (list) list.push(event);
    else byComplaint.set(event.complaintId, [event]);
  }
  const projected = [...byComplaint.values()].map(project);
  await tx.table('complaints').clear();
  await tx.table('complaints').bulkPut(projected.map((p) => p.record));
  await tx.table('searchDocs').bulkPut(projected.map((p) => p.searchDoc));
  // An upgrade from before v6 runs each version's step in turn: the earlier ones have no facts table yet.
  if (withFacts) await tx.table('kpiFacts').bulkPut(projected.map((p) => p.kpi));
  await tx.table('counters').put({ key: COMPLAINT_TOTAL_KEY, last: projected.length });
}

/** v7's step: the facts already stored get the mark today's projection gives them (kpiFactsRow). */
async function markActionHolders(tx: Transaction): Promise<void> {
  await tx
    .table<KpiFactsRow>('kpiFacts')
    .filter((facts) => facts.correctiveActions.length > 0)
    .modify((facts) => {
      facts.hasActions = 1;
    });
}

/** The fingerprint of the working calendar the rows' deadline columns were computed with (in `settings`). */
export const CALENDAR_FINGERPRINT_KEY = 'calendar:fingerprint';

/**
 * Rebuilds every row from the log when the working calendar in force is not the one the rows were computed with
 * (an admin imported a holiday notice, or a release shipped the next year): a deadline counted over a day that
 * turned into a make-up working day would otherwise stay where it was. Says whether it rebuilt anything.
 */
export async function reprojectForCalendar(db: DeskDb, fingerprint: string): Promise<boolean> {
  return db.transaction('rw', [db.events, db.complaints, db.searchDocs, db.kpiFacts, db.counters, db.settings], async (tx) => {
    if ((await db.settings.get(CALENDAR_FINGERPRINT_KEY))?.value === fingerprint) return false;
    const hasRows = (await db.complaints.limit(1).count()) > 0;
    if (hasRows) await reprojectAll(tx, db.project, true);
    await db.settings.put({ key: CALENDAR_FINGERPRINT_KEY, value: fingerprint });
    return hasRows;
  });
}

/**
 * The watermark from the v2 flags: main's journal is gap-free, so the highest event it confirmed confirms every
 * one before it. Flushes went oldest first, so the unconfirmed events are the newest: the walk back is short.
 */
async function startJournalMark(tx: Transaction): Promise<void> {
  const newestJournaled = await tx
    .table<StoredEvent>('events')
    .orderBy('[branch+seq]')
    .reverse()
    .filter((event) => event.journaled === 1)
    .first();
  if (newestJournaled) await tx.table('counters').put({ key: JOURNALED_THROUGH_KEY, last: newestJournaled.seq });
}
