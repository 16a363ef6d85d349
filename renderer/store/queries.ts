/**
 * Reads for the UI. The register never loads 100 000 rows: it asks indexes for primary keys only (already in
 * the order of the sort column) or filters the search docs kept in memory (search-docs-cache.ts: the columns the
 * filters select on), narrows them with the key sets of the other filters, and then reads the few rows a
 * virtualised table shows, by window.
 */
import { Dexie, type Collection } from 'dexie';
import type { ComplaintId, UserId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import type { KpiFacts } from '../../shared/kpi/facts';
import { selectionMatcher, type KpiSelection } from '../../shared/kpi/selection';
import type { DeskDb } from './db';
import { BRANCH_SEQ_PREFIX, COMPLAINT_TOTAL_KEY } from './counters';
import { rowClockState, type RowClockState } from './projection';
import { byReceipt } from './hour-buckets';
import { complaintEvents } from './journal-blocks';
import { actionHolders, kpiFactsBetween } from './kpi-hours';
import type { ComplaintRecord, SearchDoc, UserRecord } from './records';
import { cachedSearchDocs } from './search-docs-cache';
import { normalizeQuery } from './search-text';

export type RegisterSortColumn = 'receivedAt' | 'number' | 'nextDeadlineAt' | 'grade';

/** What the register shows; every list filter means "any of these", filters combine with "and". */
export interface RegisterQuery {
  search?: string;
  status?: readonly string[];
  grade?: readonly (1 | 2 | 3 | 4)[];
  category?: readonly string[];
  channel?: readonly string[];
  assignee?: readonly UserId[];
  /** Only complaints whose nearest deadline has passed at the `now` given to the query. */
  overdue?: boolean;
  /** Only complaints whose nearest deadline is due soon or already passed at `now` (what the bell counts). */
  dueSoon?: boolean;
  /** Any of these tiers (T1–T4). */
  tier?: readonly string[];
  /** Major complaints only: `true` for any major flag, or any of the flags listed. */
  major?: true | readonly string[];
  /** Received at or after this instant (ISO). */
  receivedFrom?: string;
  /** Received before this instant (ISO). */
  receivedTo?: string;
  /** Exactly the complaints behind a figure of the dashboard (shared/kpi/selection.ts). */
  kpi?: KpiSelection;
  /** Any of these branches (head office holds every branch's complaints). */
  branch?: readonly string[];
  /** Default: newest received first. */
  sort?: { by: RegisterSortColumn; direction: 'asc' | 'desc' };
}

/** One line of the register, as the table renders it: the stored record's columns plus what is resolved at render. */
export type ComplaintRow = Pick<
  ComplaintRecord,
  'id' | 'number' | 'receivedAt' | 'channel' | 'category' | 'subCategory' | 'grade' | 'status' | 'tier' | 'assignee' | 'customerName' | 'phoneMasked' | 'nextDeadlineAt' | 'nextDeadlineKind' | 'nextDeadlineBeyondCalendar'
> & {
  flags: readonly string[];
  assigneeName: string;
  clockState: RowClockState;
};

type FilterField = 'status' | 'grade' | 'category' | 'channel' | 'assignee';
const FILTER_FIELDS: readonly FilterField[] = ['status', 'grade', 'category', 'channel', 'assignee'];

const fromKey = (query: RegisterQuery): string | typeof Dexie.minKey => query.receivedFrom ?? Dexie.minKey;
const toKey = (query: RegisterQuery): string | typeof Dexie.maxKey => query.receivedTo ?? Dexie.maxKey;

async function keysOf(collection: Collection<ComplaintRecord, ComplaintId, unknown>): Promise<ComplaintId[]> {
  return collection.primaryKeys();
}

/** Ids in sort order, restricted to the date range when the sort column allows it cheaply. */
async function orderedIds(db: DeskDb, query: RegisterQuery): Promise<{ ids: ComplaintId[]; dateRangeApplied: boolean }> {
  const { by, direction } = query.sort ?? DEFAULT_SORT;
  let ids: ComplaintId[];
  let dateRangeApplied = false;
  if (by === 'receivedAt') {
    // Forward key reads are one getAllKeys call; reversing the array in JS is cheaper than a reverse cursor.
    ids = await keysOf(db.complaints.where('receivedAt').between(fromKey(query), toKey(query), true, false));
    dateRangeApplied = true;
  } else if (by === 'grade') {
    const docs = (await cachedSearchDocs(db)).filter(inDateRange(query));
    ids = docs.sort(byGrade).map((doc) => doc.id);
    dateRangeApplied = true;
  } else if (by === 'nextDeadlineAt') {
    const withDeadline = await keysOf(db.complaints.orderBy('nextDeadlineAt'));
    const seen = new Set(withDeadline);
    // Rows with no running clock sort after every deadline, newest first among themselves.
    const rest = (await keysOf(db.complaints.orderBy('receivedAt'))).reverse().filter((id) => !seen.has(id));
    ids = [...withDeadline, ...rest];
  } else {
    ids = await keysOf(db.complaints.orderBy(by));
  }
  return { ids: direction === 'desc' ? ids.reverse() : ids, dateRangeApplied };
}

const inDateRange =
  (query: RegisterQuery) =>
  (doc: SearchDoc): boolean =>
    (!query.receivedFrom || doc.receivedAt >= query.receivedFrom) && (!query.receivedTo || doc.receivedAt < query.receivedTo);

/** The grade sort's order (grade, then date received, then id), as the `[grade+receivedAt]` index of v9 had it. */
const byGrade = (a: SearchDoc, b: SearchDoc): number => a.grade - b.grade || byReceipt(a, b);

/** Whether a doc has one of the values each list filter of the query asks for (no filter: every doc). */
function matchesFilters(query: RegisterQuery): (doc: SearchDoc) => boolean {
  const wanted = FILTER_FIELDS.flatMap((field) => {
    const values = query[field];
    return values && values.length > 0 ? [{ field, values: new Set<string | number>(values) }] : [];
  });
  return (doc) => wanted.every(({ field, values }) => values.has(doc[field]));
}

/** Complaints at any of `tiers`, ended or not, by the board's `[terminal+tier]` index (no date range). */
async function tierSet(db: DeskDb, tiers: readonly string[]): Promise<Set<ComplaintId>> {
  const keys = tiers.flatMap((tier) => [[0, tier], [1, tier]] as [number, string][]);
  return new Set(await keysOf(db.complaints.where('[terminal+tier]').anyOf(keys)));
}

/** Whether a doc is a major complaint (any flag, or any of `flags`). */
function matchesMajor(major: true | readonly string[]): (doc: SearchDoc) => boolean {
  const wanted = major === true ? undefined : new Set(major);
  return (doc) => (wanted ? doc.flags.some((flag) => wanted.has(flag)) : doc.flags.length > 0);
}

/** A branch's complaints: its code begins each of their numbers (`SH01-20261101-0001`), read off the number index. */
async function branchSet(db: DeskDb, branches: readonly string[]): Promise<Set<ComplaintId>> {
  const each = await Promise.all(branches.map((branch) => keysOf(db.complaints.where('number').startsWith(`${branch}-`))));
  return new Set(each.flat());
}

/** The branches this copy holds events of, by code (one at a branch's desk; every branch's at head office). */
export async function branchesHeld(db: DeskDb): Promise<string[]> {
  const keys = await db.counters.where('key').startsWith(BRANCH_SEQ_PREFIX).primaryKeys();
  return keys.map((key) => String(key).slice(BRANCH_SEQ_PREFIX.length)).sort();
}

const wantsMajor = (query: RegisterQuery): boolean => query.major === true || (typeof query.major === 'object' && query.major.length > 0);

/** Whether a doc matches the search text: token prefix (number, name, phone, customer number) or substring of the free text. */
function matchesSearch(raw: string): (doc: SearchDoc) => boolean {
  const { text, digits } = normalizeQuery(raw);
  const tokenMatches = (token: string): boolean => token.startsWith(text) || (digits !== undefined && token.startsWith(digits));
  return (doc) => doc.tokens.some(tokenMatches) || doc.text.includes(text);
}

/**
 * The docs the query's search, list filters, major flags and date range keep: all docs and a JS loop, in
 * Chromium several times faster than a filtering cursor over 100 000 docs.
 */
async function matchingDocs(db: DeskDb, query: RegisterQuery, search: string | undefined): Promise<SearchDoc[]> {
  const tests = [matchesFilters(query), inDateRange(query)];
  if (search) tests.push(matchesSearch(search));
  if (query.major !== undefined && wantsMajor(query)) tests.push(matchesMajor(query.major));
  return (await cachedSearchDocs(db)).filter((doc) => tests.every((test) => test(doc)));
}

const DEFAULT_SORT = { by: 'receivedAt', direction: 'desc' } as const;
/** Up to this many matches are sorted by reading their rows instead of every key of the sort index. */
const SORT_IN_MEMORY_MAX = 5000;

/** The sort of the indexes, for rows in memory: equal keys fall back to the id, as IndexedDB orders them. */
function compareRows(by: RegisterSortColumn): (a: ComplaintRecord, b: ComplaintRecord) => number {
  const text = (x: string | undefined, y: string | undefined): number => (x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1);
  const byId = (a: ComplaintRecord, b: ComplaintRecord): number => text(a.id, b.id);
  switch (by) {
    case 'grade':
      return (a, b) => a.grade - b.grade || text(a.receivedAt, b.receivedAt) || byId(a, b);
    case 'nextDeadlineAt':
      // Rows with no running clock go last, newest received first among themselves (as `orderedIds`).
      return (a, b) =>
        text(a.nextDeadlineAt, b.nextDeadlineAt) ||
        (a.nextDeadlineAt === undefined ? text(b.receivedAt, a.receivedAt) || byId(b, a) : byId(a, b));
    default:
      return (a, b) => text(a[by], b[by]) || byId(a, b);
  }
}

async function sortInMemory(db: DeskDb, ids: ReadonlySet<ComplaintId>, query: RegisterQuery, others: readonly Set<ComplaintId>[]): Promise<ComplaintId[]> {
  const { by, direction } = query.sort ?? DEFAULT_SORT;
  const rows = (await db.complaints.bulkGet([...ids])).filter(
    (row): row is ComplaintRecord =>
      row !== undefined &&
      others.every((set) => set.has(row.id)) &&
      (!query.receivedFrom || row.receivedAt >= query.receivedFrom) &&
      (!query.receivedTo || row.receivedAt < query.receivedTo),
  );
  const sorted = rows.sort(compareRows(by)).map((row) => row.id);
  return direction === 'desc' ? sorted.reverse() : sorted;
}

/** Docs (already in the date range) kept by every set, sorted by date received as the query asks. */
function sortedByDate(docs: readonly SearchDoc[], query: RegisterQuery, sets: readonly Set<ComplaintId>[]): ComplaintId[] {
  const kept = docs.filter((doc) => sets.every((set) => set.has(doc.id)));
  kept.sort(byReceipt);
  const ids = kept.map((doc) => doc.id);
  return (query.sort ?? DEFAULT_SORT).direction === 'desc' ? ids.reverse() : ids;
}

/** Whether the query selects on what the search docs hold: the search text, a list filter or the major flags. */
const selectsOnDocs = (query: RegisterQuery, search: string | undefined): boolean =>
  Boolean(search) || FILTER_FIELDS.some((field) => (query[field]?.length ?? 0) > 0) || (query.major !== undefined && wantsMajor(query));

/** The register's ids, filtered and sorted. `now` (ISO) decides what is overdue. */
export async function queryRegisterIds(
  db: DeskDb,
  query: RegisterQuery,
  now: string,
  tuning: { sortInMemoryMax: number } = { sortInMemoryMax: SORT_IN_MEMORY_MAX },
): Promise<ComplaintId[]> {
  const sort = query.sort ?? DEFAULT_SORT;
  const pending: Promise<Set<ComplaintId>>[] = [];
  if (query.overdue) pending.push(keysOf(db.complaints.where('nextDeadlineAt').below(now)).then((ids) => new Set(ids)));
  if (query.dueSoon) pending.push(keysOf(db.complaints.where('dueSoonAt').belowOrEqual(now)).then((ids) => new Set(ids)));
  if (query.tier && query.tier.length > 0) pending.push(tierSet(db, query.tier));
  if (query.kpi) pending.push(selectionSet(db, query.kpi));
  if (query.branch && query.branch.length > 0) pending.push(branchSet(db, query.branch));
  const search = query.search?.trim();
  const matches = selectsOnDocs(query, search) ? matchingDocs(db, query, search) : undefined;
  if (matches && sort.by === 'receivedAt') {
    // The matches carry their date: sort them here rather than reading every key of the date index.
    const [found, sets] = await Promise.all([matches, Promise.all(pending)]);
    return sortedByDate(found, query, sets);
  }
  if (matches) pending.push(matches.then((found) => new Set(found.map((doc) => doc.id))));

  const sets = await Promise.all(pending);
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...others] = sets;
  if (smallest && smallest.size <= tuning.sortInMemoryMax) return sortInMemory(db, smallest, query, others);

  const { ids, dateRangeApplied } = await orderedIds(db, query);
  if (!dateRangeApplied && (query.receivedFrom || query.receivedTo)) {
    sets.push(new Set(await keysOf(db.complaints.where('receivedAt').between(fromKey(query), toKey(query), true, false))));
  }
  return sets.length === 0 ? ids : ids.filter((id) => sets.every((set) => set.has(id)));
}

/** True when the register shows every complaint in the order of one plain index (the opening view). */
export function isPlainOrder(query: RegisterQuery): boolean {
  const by = query.sort?.by ?? 'receivedAt';
  const filtered = FILTER_FIELDS.some((field) => (query[field]?.length ?? 0) > 0);
  const narrowed = (query.tier?.length ?? 0) > 0 || wantsMajor(query) || query.kpi !== undefined || (query.branch?.length ?? 0) > 0;
  return !filtered && !narrowed && !query.overdue && !query.dueSoon && !query.search?.trim() && !query.receivedFrom && !query.receivedTo && (by === 'receivedAt' || by === 'number');
}

/** Every complaint (the total of a plain-order view), from the counter kept with the rows. */
export const countAll = async (db: DeskDb): Promise<number> => (await db.counters.get(COMPLAINT_TOTAL_KEY))?.last ?? 0;

/**
 * Rows `start…start+count` of a plain-order view, read straight off the index: the opening screen needs no id
 * list, so it shows in milliseconds whatever the size; deep positions cost a cursor skip, which is why the hook
 * switches to the id list once it has it.
 */
export async function loadPlainWindow(db: DeskDb, query: RegisterQuery, start: number, count: number): Promise<ComplaintRecord[]> {
  const { by, direction } = query.sort ?? DEFAULT_SORT;
  const ordered = db.complaints.orderBy(by);
  return (direction === 'desc' ? ordered.reverse() : ordered).offset(start).limit(count).toArray();
}

export function toComplaintRow(record: ComplaintRecord, userNames: ReadonlyMap<string, string>, now: string): ComplaintRow {
  const row: ComplaintRow = {
    id: record.id,
    number: record.number,
    receivedAt: record.receivedAt,
    channel: record.channel,
    category: record.category,
    grade: record.grade,
    status: record.status,
    tier: record.tier,
    flags: record.flags,
    assignee: record.assignee,
    assigneeName: userNames.get(record.assignee) ?? record.assignee,
    customerName: record.customerName,
    phoneMasked: record.phoneMasked,
    clockState: rowClockState(record, now),
  };
  if (record.subCategory) row.subCategory = record.subCategory;
  if (record.nextDeadlineAt) row.nextDeadlineAt = record.nextDeadlineAt;
  if (record.nextDeadlineKind) row.nextDeadlineKind = record.nextDeadlineKind;
  if (record.nextDeadlineBeyondCalendar) row.nextDeadlineBeyondCalendar = 1;
  return row;
}

/**
 * How many complaints are due soon and overdue at `now` (the bell, the board's header): two index counts, no
 * row read. Every row with a deadline has `dueSoonAt` ≤ `nextDeadlineAt`, so due soon = past due-soon − overdue.
 */
export async function countDeadlines(db: DeskDb, now: string): Promise<{ dueSoon: number; overdue: number }> {
  const [pastDueSoon, overdue] = await Promise.all([
    db.complaints.where('dueSoonAt').belowOrEqual(now).count(),
    db.complaints.where('nextDeadlineAt').below(now).count(),
  ]);
  return { dueSoon: pastDueSoon - overdue, overdue };
}

/** Complaints still open (not closed, rejected or voided) that `assignee` holds: what a hand-over must move. */
export async function countOpenHeldBy(db: DeskDb, assignee: UserId): Promise<number> {
  // The open rows, off the board's index: a branch has few open complaints, however many it has closed.
  return db.complaints
    .where('[terminal+tier]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .filter((row) => row.assignee === assignee)
    .count();
}

/** The rows of `ids` (a window of the register), in the same order; a row deleted meanwhile is skipped. */
export async function loadRecords(db: DeskDb, ids: readonly ComplaintId[]): Promise<ComplaintRecord[]> {
  const records = await db.complaints.bulkGet([...ids]);
  return records.filter((record): record is ComplaintRecord => record !== undefined);
}

/** A complaint's events in log order (none when this copy does not hold it). */
export async function loadTimeline(db: DeskDb, complaintId: ComplaintId): Promise<DomainEvent[]> {
  const row = await db.complaints.get(complaintId);
  return row ? complaintEvents(db, complaintId, row.eventBlocks) : [];
}

export async function loadUsers(db: DeskDb): Promise<UserRecord[]> {
  return db.users.orderBy('id').toArray();
}

/** The KPI facts of the complaints holding corrective actions (any order): the hours the `hasActions` index marks. */
export async function loadActionHolders(db: DeskDb): Promise<KpiFacts[]> {
  return actionHolders(db.kpiHours);
}

/** The KPI facts of complaints received in `[from, to)` (ISO instants), oldest first: one key range of hours. */
export async function loadKpiFactsBetween(db: DeskDb, from: string, to: string): Promise<KpiFacts[]> {
  return kpiFactsBetween(db.kpiHours, from, to);
}

/** The complaints behind a dashboard figure: its period is one key range of the facts, the rest the shared predicate. */
async function selectionSet(db: DeskDb, selection: KpiSelection): Promise<Set<ComplaintId>> {
  const matches = selectionMatcher(selection);
  const facts = await kpiFactsBetween(db.kpiHours, selection.from, selection.to);
  return new Set(facts.filter(matches).map((fact) => fact.id));
}
