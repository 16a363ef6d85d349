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
import { linkAllRepeats } from './repeat-links';
import { toDomainEvent, type ComplaintRecord, type CounterRecord, type KpiFactsRow, type SearchDoc, type SettingRecord, type StoredEvent, type UserRecord } from './records';

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

export const CURRENT_SCHEMA_VERSION = 8;

export class DeskDb extends Dexie {
  journalBlocks!: Table<JournalBlock, number>;
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
    /** Head office's copy: repeat complaints are linked by customer (repeat-links.ts). */
    readonly linksCustomers = false,
  ) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => reprojectAll(tx, project, false, await historiesOfEventRows(tx)));
    this.version(3).stores(SCHEMA_V3).upgrade(startJournalMark);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => reprojectAll(tx, project, false, await historiesOfEventRows(tx)));
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => reprojectAll(tx, project, false, await historiesOfEventRows(tx)));
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => reprojectAll(tx, project, true, await historiesOfEventRows(tx)));
    this.version(7)
      .stores({ ...SCHEMA_V7, events: null })
      .upgrade(async (tx) => reprojectAll(tx, project, true, await moveEventsIntoBlocks(tx)));
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => reprojectAll(tx, project, true, await historiesOfBlocks(tx.table('journalBlocks')), linksCustomers));
  }
}

/** A complaint's events in log order, and the journal blocks holding them (none before v7). */
interface History {
  events: DomainEvent[];
  blocks: number[];
}

function addToHistory(histories: Map<string, History>, event: DomainEvent, block: number | undefined): void {
  const history = histories.get(event.complaintId);
  if (!history) {
    histories.set(event.complaintId, { events: [event], blocks: block === undefined ? [] : [block] });
    return;
  }
  history.events.push(event);
  if (block !== undefined && history.blocks.at(-1) !== block) history.blocks.push(block);
}

/**
 * The histories of a database before v7, from its row per event. Events are read as events (`toDomainEvent`):
 * the log of an old database holds old payload versions, and one that does not parse fails the upgrade (the
 * database stays at its old version) rather than folding wrong.
 */
async function historiesOfEventRows(tx: Transaction): Promise<Map<string, History>> {
  const events = (await tx.table<StoredEvent>('events').toArray()).sort((a, b) => a.seq - b.seq).map(toDomainEvent);
  const histories = new Map<string, History>();
  for (const event of events) addToHistory(histories, event, undefined);
  return histories;
}

/**
 * v7: the rows per event become blocks, in journal order (a branch's copy holds its seqs 1…n: position is seq; a
 * head office copy of several branches, whose arrival order a row per event did not keep, is found not to be a
 * copy of the journal on start and rebuilt from it). The log is moved as stored, old payload versions included
 * (they are upgraded each time they are read), without the per-event flag of v1–v2; an event that does not
 * parse fails the upgrade. Returns the histories with their blocks.
 */
async function moveEventsIntoBlocks(tx: Transaction): Promise<Map<string, History>> {
  const rows = await tx.table<StoredEvent>('events').orderBy('[branch+seq]').toArray();
  const blocks: JournalBlock[] = [];
  const histories = new Map<string, History>();
  for (const [i, row] of rows.entries()) {
    const stored: StoredEvent = { ...row };
    delete stored.journaled;
    const block = Math.floor(i / EVENTS_PER_BLOCK);
    if (block === blocks.length) blocks.push({ block, events: [] });
    blocks[block]?.events.push(stored);
    addToHistory(histories, toDomainEvent(stored), block);
  }
  await tx.table<JournalBlock>('journalBlocks').bulkPut(blocks);
  return histories;
}

/** The histories of a database from v7 on, from its journal blocks. */
async function historiesOfBlocks(table: Table<JournalBlock, number>): Promise<Map<string, History>> {
  const histories = new Map<string, History>();
  for await (const blocks of blocksInOrder(table)) for (const block of blocks) for (const stored of block.events) addToHistory(histories, toDomainEvent(stored), block.block);
  return histories;
}

/**
 * Rebuilds every row from the event log (v1 rows lack search and deadline columns, v3 rows the escalation
 * column, v4 rows routes and tierSince, v5 the KPI facts, v6 the blocks; a calendar change moves deadlines).
 */
async function reprojectAll(tx: Transaction, project: Projector, withFacts: boolean, histories: Map<string, History>, linksCustomers = false): Promise<void> {
  const projected = [...histories.values()].map((history) => project(history.events, history.blocks));
  await tx.table('complaints').clear();
  await tx.table('complaints').bulkPut(projected.map((p) => p.record));
  await tx.table('searchDocs').bulkPut(projected.map((p) => p.searchDoc));
  // An upgrade from before v6 runs each version's step in turn: the earlier ones have no facts table yet.
  if (withFacts) await tx.table('kpiFacts').bulkPut(projected.map((p) => p.kpi));
  if (withFacts && linksCustomers) await linkAllRepeats(tx.table('kpiFacts'));
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
  return db.transaction('rw', [db.journalBlocks, db.complaints, db.searchDocs, db.kpiFacts, db.counters, db.settings], async (tx) => {
    if ((await db.settings.get(CALENDAR_FINGERPRINT_KEY))?.value === fingerprint) return false;
    const hasRows = (await db.complaints.limit(1).count()) > 0;
    if (hasRows) await reprojectAll(tx, db.project, true, await historiesOfBlocks(db.journalBlocks), db.linksCustomers);
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
