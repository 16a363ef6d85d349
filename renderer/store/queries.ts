/**
 * Reads for the UI. The register never loads 100 000 rows: it asks indexes for primary keys only (already in
 * the order of the sort column), narrows them with the key sets of the other filters, and then reads the few
 * rows a virtualised table shows, by window.
 */
import { Dexie, type Collection } from 'dexie';
import type { ComplaintId, UserId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import type { DeskDb } from './db';
import { COMPLAINT_TOTAL_KEY } from './counters';
import { rowClockState, type RowClockState } from './projection';
import { toDomainEvent, type ComplaintRecord, type UserRecord } from './records';
import { normalizeQuery } from './search-text';

export type RegisterSortColumn = 'receivedAt' | 'number' | 'nextDeadlineAt' | 'updatedAt' | 'grade';

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
  /** Received at or after this instant (ISO). */
  receivedFrom?: string;
  /** Received before this instant (ISO). */
  receivedTo?: string;
  /** Default: newest received first. */
  sort?: { by: RegisterSortColumn; direction: 'asc' | 'desc' };
}

/** One line of the register, as the table renders it. */
export interface ComplaintRow {
  id: ComplaintId;
  number: string;
  receivedAt: string;
  channel: string;
  category: string;
  subCategory?: string;
  grade: 1 | 2 | 3 | 4;
  status: string;
  tier: string;
  flags: readonly string[];
  assignee: UserId;
  assigneeName: string;
  customerName: string;
  phoneMasked: string;
  nextDeadlineAt?: string;
  nextDeadlineKind?: string;
  clockState: RowClockState;
}

type FilterField = 'status' | 'grade' | 'category' | 'channel' | 'assignee';
const FILTER_FIELDS: readonly FilterField[] = ['status', 'grade', 'category', 'channel', 'assignee'];

const fromKey = (query: RegisterQuery): string | typeof Dexie.minKey => query.receivedFrom ?? Dexie.minKey;
const toKey = (query: RegisterQuery): string | typeof Dexie.maxKey => query.receivedTo ?? Dexie.maxKey;

async function keysOf(collection: Collection<ComplaintRecord, ComplaintId, unknown>): Promise<ComplaintId[]> {
  return collection.primaryKeys();
}

/** Ids in sort order, restricted to the date range when the sort column allows it cheaply. */
async function orderedIds(db: DeskDb, query: RegisterQuery): Promise<{ ids: ComplaintId[]; dateRangeApplied: boolean }> {
  const { by, direction } = query.sort ?? { by: 'receivedAt', direction: 'desc' };
  let ids: ComplaintId[];
  let dateRangeApplied = false;
  if (by === 'receivedAt') {
    // Forward key reads are one getAllKeys call; reversing the array in JS is cheaper than a reverse cursor.
    ids = await keysOf(db.complaints.where('receivedAt').between(fromKey(query), toKey(query), true, false));
    dateRangeApplied = true;
  } else if (by === 'grade') {
    ids = await keysOf(db.complaints.orderBy('[grade+receivedAt]'));
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

async function filterSet(db: DeskDb, field: FilterField, values: readonly (string | number)[], query: RegisterQuery): Promise<Set<ComplaintId>> {
  const index = `[${field}+receivedAt]`;
  const lists = await Promise.all(
    values.map((value) => keysOf(db.complaints.where(index).between([value, fromKey(query)], [value, toKey(query)], true, false))),
  );
  return new Set(lists.flat());
}

/** Ids matching the search text: token prefix (number, name, phone, words) or substring of the free text. */
export async function searchIds(db: DeskDb, raw: string): Promise<Set<ComplaintId>> {
  const { text, digits } = normalizeQuery(raw);
  const byToken = keysOf(db.complaints.where('searchText').startsWith(text));
  const byDigits = digits ? keysOf(db.complaints.where('searchText').startsWith(digits)) : Promise.resolve([]);
  // One getAll and a JS loop: in Chromium several times faster than a filtering cursor over 100 000 docs.
  const byText = db.searchDocs.toArray().then((docs) => docs.filter((doc) => doc.text.includes(text)).map((doc) => doc.id));
  const lists = await Promise.all([byToken, byDigits, byText]);
  return new Set(lists.flat());
}

/** The register's ids, filtered and sorted. `now` (ISO) decides what is overdue. */
export async function queryRegisterIds(db: DeskDb, query: RegisterQuery, now: string): Promise<ComplaintId[]> {
  const pending: Promise<Set<ComplaintId>>[] = [];
  for (const field of FILTER_FIELDS) {
    const values = query[field];
    if (values && values.length > 0) pending.push(filterSet(db, field, values, query));
  }
  if (query.overdue) pending.push(keysOf(db.complaints.where('nextDeadlineAt').below(now)).then((ids) => new Set(ids)));
  const search = query.search?.trim();
  if (search) pending.push(searchIds(db, search));
  const [{ ids, dateRangeApplied }, sets] = await Promise.all([orderedIds(db, query), Promise.all(pending)]);
  if (!dateRangeApplied && (query.receivedFrom || query.receivedTo)) {
    sets.push(new Set(await keysOf(db.complaints.where('receivedAt').between(fromKey(query), toKey(query), true, false))));
  }
  if (sets.length === 0) return ids;
  sets.sort((a, b) => a.size - b.size);
  return ids.filter((id) => sets.every((set) => set.has(id)));
}

/** True when the register shows every complaint in the order of one plain index (the opening view). */
export function isPlainOrder(query: RegisterQuery): boolean {
  const by = query.sort?.by ?? 'receivedAt';
  const filtered = FILTER_FIELDS.some((field) => (query[field]?.length ?? 0) > 0);
  return !filtered && !query.overdue && !query.search?.trim() && !query.receivedFrom && !query.receivedTo && (by === 'receivedAt' || by === 'number' || by === 'updatedAt');
}

/** Every complaint (the total of a plain-order view), from the counter kept with the rows. */
export const countAll = async (db: DeskDb): Promise<number> => (await db.counters.get(COMPLAINT_TOTAL_KEY))?.last ?? 0;

/**
 * Rows `start…start+count` of a plain-order view, read straight off the index: the opening screen needs no id
 * list, so it shows in milliseconds whatever the size; deep positions cost a cursor skip, which is why the hook
 * switches to the id list once it has it.
 */
export async function loadPlainWindow(db: DeskDb, query: RegisterQuery, start: number, count: number): Promise<ComplaintRecord[]> {
  const { by, direction } = query.sort ?? { by: 'receivedAt', direction: 'desc' };
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
  return row;
}

/** The rows of `ids` (a window of the register), in the same order; a row deleted meanwhile is skipped. */
export async function loadRecords(db: DeskDb, ids: readonly ComplaintId[]): Promise<ComplaintRecord[]> {
  const records = await db.complaints.bulkGet([...ids]);
  return records.filter((record): record is ComplaintRecord => record !== undefined);
}

/** A complaint's events in log order. */
export async function loadTimeline(db: DeskDb, complaintId: ComplaintId): Promise<DomainEvent[]> {
  const stored = await db.events.where('[complaintId+seq]').between([complaintId, Dexie.minKey], [complaintId, Dexie.maxKey]).toArray();
  return stored.map(toDomainEvent);
}

export async function loadUsers(db: DeskDb): Promise<UserRecord[]> {
  return db.users.orderBy('id').toArray();
}
