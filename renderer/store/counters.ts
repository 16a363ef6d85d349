/**
 * The two sequences a branch allocates offline: the daily complaint sequence (in the branch's local date)
 * and the gap-free event sequence. Both live in `counters` and move only inside the transaction that writes
 * the events using them; a rebuild recomputes them from the journal and never moves one backwards, so a
 * number handed to a customer is never handed out again.
 */
import type { BranchCode } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { parseComplaintNumber } from '../../shared/domain/numbering';
import type { DeskDb } from './db';
import type { CounterRecord } from './records';

export const dailyCounterKey = (branch: BranchCode, localDate: string): string => `${branch}:${localDate}`;
/** Before each branch's last-seq counter: `seq:SH01`. */
export const BRANCH_SEQ_PREFIX = 'seq:';
export const branchSeqKey = (branch: BranchCode): string => `${BRANCH_SEQ_PREFIX}${branch}`;
/** How many complaint rows there are: IndexedDB counts 100 000 rows by walking them, the register cannot wait. */
export const COMPLAINT_TOTAL_KEY = 'complaints:total';
/**
 * The highest event seq main has confirmed is in its fsync'd journal (the journal is gap-free, so every event
 * at or below it is there too). See journal.ts for when it is written.
 */
export const JOURNALED_THROUGH_KEY = 'journal:confirmed';
/**
 * Changes whenever a search doc is written (to the seq of the write), and only then: the register's search
 * keeps every doc in memory while it stands still (queries.ts).
 */
export const SEARCH_DOCS_VERSION_KEY = 'searchDocs:version';
/**
 * Present (at 1) while a restore has written events whose rows it holds back (restore-import.ts): the rows do
 * not show those events yet, and the next catch-up must be a restore that resumes.
 */
export const ROWS_PENDING_KEY = 'restore:rowsPending';

export const registeredIn = (events: readonly DomainEvent[]): number => events.filter((event) => event.type === 'Registered').length;

export async function lastOf(db: DeskDb, key: string): Promise<number> {
  return (await db.counters.get(key))?.last ?? 0;
}

/** Counters implied by a log: the highest daily sequence of each day's numbers, and the highest event seq. */
export function countersFromEvents(events: Iterable<DomainEvent>): CounterRecord[] {
  const highest = new Map<string, number>();
  const raise = (key: string, value: number): void => {
    if (value > (highest.get(key) ?? 0)) highest.set(key, value);
  };
  for (const event of events) {
    raise(branchSeqKey(event.branch), event.seq);
    if (event.type !== 'Registered') continue;
    const parts = parseComplaintNumber(event.payload.number);
    if (parts.ok) raise(dailyCounterKey(parts.value.branch, parts.value.localDate), parts.value.seq);
  }
  return [...highest].map(([key, last]) => ({ key, last }));
}

/**
 * Writes counters, keeping whichever is higher of the stored and the given value, and adds `registered` to the
 * complaint total — one read, one write. Call inside a rw transaction.
 */
export async function raiseCounters(db: DeskDb, counters: readonly CounterRecord[], registered: number): Promise<void> {
  const stored = new Map<string, number>();
  for (const record of await db.counters.bulkGet([...counters.map((counter) => counter.key), COMPLAINT_TOTAL_KEY])) if (record) stored.set(record.key, record.last);
  const raised = raisedCounters(stored, counters, registered);
  if (raised.length > 0) await db.counters.bulkPut(raised);
}

/** The counters to write over `stored`: those of `counters` higher than stored, and the complaint total raised by `registered`. */
export function raisedCounters(stored: ReadonlyMap<string, number>, counters: readonly CounterRecord[], registered: number): CounterRecord[] {
  const raised = counters.filter((counter) => counter.last > (stored.get(counter.key) ?? 0));
  if (registered > 0) raised.push({ key: COMPLAINT_TOTAL_KEY, last: (stored.get(COMPLAINT_TOTAL_KEY) ?? 0) + registered });
  return raised;
}
