/**
 * The renderer's working database (DESIGN "Where data lives"). Every schema version stays declared here,
 * oldest first, so a desk that skipped releases upgrades step by step; each upgrade is tested from a fixture
 * database of the older version (db.test.ts).
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { DomainEvent } from '../../shared/domain/events';
import { COMPLAINT_TOTAL_KEY, JOURNALED_THROUGH_KEY } from './counters';
import { blocksInOrder, EVENTS_PER_BLOCK, type JournalBlock } from './journal-blocks';
import type { Projection } from './projection';
import { kpiHoursOf, type KpiHourTable } from './kpi-hours';
import { linkAllRepeats } from './repeat-links';
import { searchHoursOf } from './search-hours';
import { toDomainEvent, type ComplaintRecord, type CounterRecord, type KpiHour, type SearchHour, type SettingRecord, type StoredEvent, type UserRecord } from './records';

/** Turns a complaint's events (in seq order), held in `eventBlocks`, into its register row, search text and KPI facts. */
export type Projector = (events: readonly DomainEvent[], eventBlocks: readonly number[]) => Projection;

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

const { events: _eventRows, ...SCHEMA_V6_WITHOUT_EVENTS } = SCHEMA_V6;

/**
 * v7: the copy of the journal is kept in blocks of consecutive events (journal-blocks.ts) instead of a row per
 * event — IndexedDB's cost is per row, and a million rows made a restore take minutes — and each complaint row
 * lists the blocks holding its events. The upgrade moves the events into blocks (the table per event goes once
 * it has run) and rebuilds every row to list them.
 */
export const SCHEMA_V7 = { ...SCHEMA_V6_WITHOUT_EVENTS, journalBlocks: 'block' } as const;

/**
 * v8, on the KPI facts: `*customerKeys`, with which head office links a complaint to the earlier ones of the same
 * customer (repeat-links.ts), and `hasActions`, which marks the complaints holding corrective actions (records.ts)
 * so the actions page reads those rows only. Rows hold fewer search tokens (search-text.ts). Filled by rebuilding
 * every row from the log.
 */
export const SCHEMA_V8 = { ...SCHEMA_V7, kpiFacts: 'id, receivedAt, *customerKeys, hasActions' } as const;

const { searchDocs: _searchDocRows, kpiFacts: _kpiFactRows, ...SCHEMA_V8_WITHOUT_DOCS_AND_FACTS } = SCHEMA_V8;

/**
 * v9, for a restore's speed (issue 8): IndexedDB's cost is per row and per index entry, and at 100 000
 * complaints a restore wrote three rows and some twenty index entries per complaint. The search docs and the
 * KPI facts, always read many at a time, are kept an hour to a row (`searchHours`, `kpiHours`; hour-buckets.ts); the
 * search tokens move from the row's `*searchText` index into the search docs, which every search reads anyway;
 * `updatedAt` and plain `tier`, which nothing reads by, lose their indexes. Filled by rebuilding every row.
 */
export const SCHEMA_V9 = {
  ...SCHEMA_V8_WITHOUT_DOCS_AND_FACTS,
  complaints:
    'id, &number, receivedAt, nextDeadlineAt, dueSoonAt, escalationDueAt, [terminal+tier], ' +
    '[status+receivedAt], [grade+receivedAt], [category+receivedAt], [channel+receivedAt], [assignee+receivedAt]',
  searchHours: 'hour',
  kpiHours: 'hour, *customerKeys, hasActions',
} as const;

/**
 * v10, for a restore's speed (issue 8): the complaints keep the indexes the register reads in order (date,
 * number, deadlines) and the board's, and lose those of the register's filters (status, grade, category, channel,
 * assignee, each `[field+receivedAt]`): the search docs, which every search reads anyway, now carry those
 * columns, and the register filters them in memory (search-docs-cache.ts). At 100 000 complaints the five cost a
 * restore about 12 s. The number index is no longer unique: main is the authority over numbers (it assigns each
 * one and journals it once), so the copy has nothing to enforce, and a unique index made IndexedDB look every
 * number up before writing its row. Filled by rebuilding every row and doc.
 */
export const SCHEMA_V10 = {
  ...SCHEMA_V9,
  complaints: 'id, number, receivedAt, nextDeadlineAt, dueSoonAt, escalationDueAt, [terminal+tier]',
} as const;

export const CURRENT_SCHEMA_VERSION = 10;

export class DeskDb extends Dexie {
  journalBlocks!: Table<JournalBlock, number>;
  complaints!: EntityTable<ComplaintRecord, 'id'>;
  searchHours!: Table<SearchHour, string>;
  counters!: EntityTable<CounterRecord, 'key'>;
  users!: EntityTable<UserRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  kpiHours!: Table<KpiHour, string>;

  constructor(
    name: string,
    /** How rows are built from events; kept to rebuild them when the calendar in force changes. */
    readonly project: Projector,
    options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
    /** Head office's copy: repeat complaints are linked by customer (repeat-links.ts). */
    readonly linksCustomers = false,
  ) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    // Every version from v2 to v9 rebuilt all rows from the log in its upgrade. v10's rebuild ends every upgrade
    // now, whatever version it starts from, so the steps before it only move what that rebuild reads: the journal
    // mark (v3) and the events into blocks (v7).
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3).upgrade(startJournalMark);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6);
    this.version(7)
      .stores({ ...SCHEMA_V7, events: null })
      .upgrade(moveEventsIntoBlocks);
    this.version(8).stores(SCHEMA_V8);
    this.version(9).stores({ ...SCHEMA_V9, searchDocs: null, kpiFacts: null });
    this.version(10)
      .stores(SCHEMA_V10)
      .upgrade(async (tx) => reprojectAll(tx, project, await historiesOfBlocks(tx.table('journalBlocks')), linksCustomers));
  }
}

/** A complaint's events in log order, and the journal blocks holding them. */
interface History {
  events: DomainEvent[];
  blocks: number[];
}

/**
 * v7: the rows per event become blocks, in journal order (a branch's copy holds its seqs 1…n: position is seq; a
 * head office copy of several branches, whose arrival order a row per event did not keep, is found not to be a
 * copy of the journal on start and rebuilt from it). The log is moved as stored, old payload versions included
 * (they are upgraded each time they are read), without the per-event flag of v1–v2.
 */
async function moveEventsIntoBlocks(tx: Transaction): Promise<void> {
  const rows = await tx.table<StoredEvent>('events').orderBy('[branch+seq]').toArray();
  const blocks: JournalBlock[] = [];
  for (const [i, row] of rows.entries()) {
    const stored: StoredEvent = { ...row };
    delete stored.journaled;
    const block = Math.floor(i / EVENTS_PER_BLOCK);
    if (block === blocks.length) blocks.push({ block, events: [] });
    blocks[block]?.events.push(stored);
  }
  await tx.table<JournalBlock>('journalBlocks').bulkPut(blocks);
}

/**
 * Every complaint's history, from the journal blocks. Events are read as events (`toDomainEvent`): an old
 * database's log holds old payload versions, and one that does not parse fails the upgrade (the database stays
 * at its old version) rather than folding wrong.
 */
async function historiesOfBlocks(table: Table<JournalBlock, number>): Promise<Map<string, History>> {
  const histories = new Map<string, History>();
  for await (const blocks of blocksInOrder(table)) {
    for (const block of blocks) {
      for (const stored of block.events) {
        const event = toDomainEvent(stored);
        const history = histories.get(event.complaintId);
        if (!history) histories.set(event.complaintId, { events: [event], blocks: [block.block] });
        else {
          history.events.push(event);
          if (history.blocks.at(-1) !== block.block) history.blocks.push(block.block);
        }
      }
    }
  }
  return histories;
}

/**
 * Rebuilds every row, search doc and KPI fact from the event log: at the end of every schema upgrade (older rows
 * lack columns), and when a calendar change moves deadlines.
 */
async function reprojectAll(tx: Transaction, project: Projector, histories: Map<string, History>, linksCustomers: boolean): Promise<void> {
  const projected = [...histories.values()].map((history) => project(history.events, history.blocks));
  const kpiHours: KpiHourTable = tx.table('kpiHours');
  await Promise.all([tx.table('complaints').clear(), tx.table('searchHours').clear(), kpiHours.clear()]);
  await Promise.all([
    tx.table('complaints').bulkPut(projected.map((p) => p.record)),
    tx.table('searchHours').bulkPut(searchHoursOf(projected.map((p) => p.searchDoc))),
    kpiHours.bulkPut(kpiHoursOf(projected.map((p) => p.kpi))),
  ]);
  if (linksCustomers) await linkAllRepeats(kpiHours);
  await tx.table('counters').put({ key: COMPLAINT_TOTAL_KEY, last: projected.length });
}

/** The fingerprint of the working calendar the rows' deadline columns were computed with (in `settings`). */
export const CALENDAR_FINGERPRINT_KEY = 'calendar:fingerprint';

/**
 * Rebuilds every row from the log when the working calendar in force is not the one the rows were computed with
 * (an admin imported a holiday notice, or a release shipped the next year): a deadline counted over a day that
 * turned into a make-up working day would otherwise stay where it was. Says whether it rebuilt anything.
 */
export async function reprojectForCalendar(db: DeskDb, fingerprint: string): Promise<boolean> {
  return db.transaction('rw', [db.journalBlocks, db.complaints, db.searchHours, db.kpiHours, db.counters, db.settings], async (tx) => {
    if ((await db.settings.get(CALENDAR_FINGERPRINT_KEY))?.value === fingerprint) return false;
    const hasRows = (await db.complaints.limit(1).count()) > 0;
    if (hasRows) await reprojectAll(tx, db.project, await historiesOfBlocks(db.journalBlocks), db.linksCustomers);
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
