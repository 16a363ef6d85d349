/**
 * Import of events that are already in main's journal (a step's answer, another window's steps, a catch-up):
 * one transaction per chunk writes the events, the rows and KPI facts of the complaints they touch and the counters, folding
 * with the shared reducer. Folded states are carried from chunk to chunk, so a complaint whose events span two
 * chunks is folded once. A restore into an empty database holds its rows back instead (restore-import.ts).
 */
import type { BranchCode, ComplaintId } from '../../shared/brand';
import { withoutPersonalData } from '../../shared/domain/anonymise';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent, foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { customerKeysOf } from '../../shared/kpi/repeats';
import { branchSeqKey, countersFromEvents, JOURNALED_THROUGH_KEY, lastOf, raiseCounters, registeredIn, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { appendEvents, complaintEvents, heldEventCount, lastHeldEvent, scrubComplaintEvents, unionBlocks, type Appended } from './journal-blocks';
import { hourOf } from './hour-buckets';
import { putKpiFacts } from './kpi-hours';
import { projectState, searchDocOf, type StateSummarizer } from './projection';
import { linkRepeatsAround } from './repeat-links';
import type { ComplaintRecord, SearchDoc } from './records';
import { searchDocsWritten } from './search-docs-cache';
import { putSearchDocs } from './search-hours';

/**
 * Whether two docs hold the same. Both are made by `searchDocOf` (projection.ts), so their keys come in the same
 * order and their JSON is equal exactly when they are: a field the docs gain later is compared too.
 */
const sameDoc = (a: SearchDoc | undefined, b: SearchDoc): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

export interface EventImporter {
  /**
   * Imports events in seq order (one transaction); call once per page or chunk. Events this database already
   * holds (another tab of the same browser imported them first) are skipped; a chunk that would leave a gap in
   * the log throws `LogGapError`, and nothing of it is written.
   */
  importChunk(events: readonly DomainEvent[], completedHistories?: readonly ComplaintId[]): Promise<void>;
  /**
   * Writes the rows the importer held back (a restore's), saying after each transaction how many of how many
   * are written; call after the last chunk, also after a failed one.
   */
  finish(onRows?: (written: number, total: number) => void): Promise<void>;
}

/** A chunk that does not continue the database's log: the events between must be read from main first. */
export class LogGapError extends Error {
  constructor(
    readonly expected: number,
    readonly got: number,
  ) {
    super(`the log continues at seq ${expected}, not ${got}`);
  }
}

/** The seq of the last event this database holds (0 when empty). */
export async function highestLocalSeq(db: DeskDb): Promise<number> {
  return (await lastHeldEvent(db))?.seq ?? 0;
}

/**
 * How far this copy has read main's journal, as a `journal.read` position: the number of events it holds. Every
 * event came from the journal, which is gap-free, so the two agree — at a branch (where a position is the seq)
 * and at head office (every branch's events in arrival order, where the seqs of one branch say nothing of it).
 */
export function journalPosition(db: DeskDb): Promise<number> {
  return heldEventCount(db);
}

/**
 * The events of `chunk` this database does not hold yet, which must continue each branch's log (else
 * `LogGapError`): a branch's desk holds one branch, head office's screens hold every branch. The seq of each
 * branch's last event held is its `seq:` counter, raised in the transaction that stores the event. Call inside
 * the rw transaction that writes them.
 */
export async function eventsToAdd(db: DeskDb, chunk: readonly DomainEvent[]): Promise<DomainEvent[]> {
  const branches = [...new Set(chunk.map((event) => event.branch))];
  const stored = new Map(await Promise.all(branches.map(async (branch) => [branch, await lastOf(db, branchSeqKey(branch))] as const)));
  return eventsAfter(chunk, (branch) => stored.get(branch) ?? 0);
}

/** The events of `chunk` after each branch's last seq held (`heldSeq`), which they must continue (else `LogGapError`). */
export function eventsAfter(chunk: readonly DomainEvent[], heldSeq: (branch: BranchCode) => number): DomainEvent[] {
  const held = new Map([...new Set(chunk.map((event) => event.branch))].map((branch) => [branch, heldSeq(branch)]));
  const events = chunk.filter((event) => event.seq > (held.get(event.branch) ?? 0));
  for (const event of events) {
    const expected = (held.get(event.branch) ?? 0) + 1;
    if (event.seq !== expected) throw new LogGapError(expected, event.seq);
    held.set(event.branch, event.seq);
  }
  return events;
}

/** Where each complaint's events were held before a chunk: the blocks its row lists (or a restore keeps in memory). */
export type BlocksBefore = (complaintId: ComplaintId) => readonly number[];

/**
 * Writes the events with the counters they raise. Every event imported comes from main's journal, which is
 * gap-free: holding these events, it holds every event before them too, so the journal watermark rises to the
 * last. Call inside a rw transaction over journal blocks and counters, with `events` from `eventsToAdd`.
 * Resolves to the blocks each complaint's new events went to.
 */
export async function addJournalEvents(db: DeskDb, events: readonly DomainEvent[], blocksBefore: BlocksBefore): Promise<Appended> {
  const last = events[events.length - 1];
  if (!last) return appendEvents(db, []);
  const counters = [...countersFromEvents(events), { key: JOURNALED_THROUGH_KEY, last: last.seq }];
  // An anonymised complaint's events are kept without personal data, those stored before included (main rewrote
  // its journal the same way; a page read just before the rewrite may still carry them).
  const { anonymised, stored } = storedForm(events);
  // The earlier events are scrubbed before the new ones are appended: both may rewrite the last block. (Only
  // real reads are awaited: in Chromium, needless awaits let the transaction commit early.)
  if (anonymised.size > 0) await scrubComplaintEvents(db, new Map([...anonymised].map((id) => [id, blocksBefore(id)])));
  // Issued together: IndexedDB applies them in order without a round trip between each.
  const [appended] = await Promise.all([appendEvents(db, stored), raiseCounters(db, counters, registeredIn(events))]);
  return appended;
}

/** The events as they are stored, without personal data for the complaints anonymised among them (named). */
export function storedForm(events: readonly DomainEvent[]): { anonymised: Set<ComplaintId>; stored: readonly DomainEvent[] } {
  const anonymised = new Set(events.filter((event) => event.type === 'Anonymised').map((event) => event.complaintId));
  return { anonymised, stored: anonymised.size === 0 ? events : events.map((event) => (anonymised.has(event.complaintId) ? withoutPersonalData(event) : event)) };
}

/** The incremental import: each chunk's rows are written with its events. */
export function createEventImporter(db: DeskDb, summarize: StateSummarizer): EventImporter {
  const states = new Map<ComplaintId, ComplaintState>();

  /** The histories of complaints the chunk continues that this importer has not folded yet (a Registered event starts one). */
  async function loadStates(rows: readonly (ComplaintRecord | undefined)[]): Promise<Map<ComplaintId, ComplaintState>> {
    const toLoad = rows.filter((row): row is ComplaintRecord => row !== undefined && !states.has(row.id));
    const histories = await Promise.all(toLoad.map((row) => complaintEvents(db, row.id, row.eventBlocks)));
    const loaded = new Map<ComplaintId, ComplaintState>();
    for (const history of histories) if (history[0]) loaded.set(history[0].complaintId, foldComplaint(history));
    return loaded;
  }

  return {
    async importChunk(chunk) {
      // Folded into a copy, adopted only once the chunk is committed: Dexie may run a transaction callback
      // again (after reopening a closed database), and a failed chunk must not advance the states.
      const folded = new Map<ComplaintId, ComplaintState>();
      await db.transaction('rw', [db.journalBlocks, db.complaints, db.searchHours, db.kpiHours, db.counters], async () => {
        folded.clear();
        const events = await eventsToAdd(db, chunk);
        if (events.length === 0) return;
        const touched = [...new Set(events.map((event) => event.complaintId))];
        // The rows before the chunk: where each history is held, and the hour each complaint was filed under.
        const [rowsBefore, docsVersionBefore] = await Promise.all([db.complaints.bulkGet(touched), lastOf(db, SEARCH_DOCS_VERSION_KEY)]);
        const hoursBefore = new Map<string, string>(rowsBefore.flatMap((row) => (row ? [[row.id, hourOf(row.receivedAt)]] : [])));
        const hourBefore = (id: string): string | undefined => hoursBefore.get(id);
        // Await only real reads: in Chromium, needless awaits let the transaction commit early.
        const loaded = rowsBefore.some((row) => row !== undefined && !states.has(row.id)) ? await loadStates(rowsBefore) : undefined;
        // Each complaint as its row, search doc and KPI facts show it now: what they hold is derived from it.
        const stateBefore = (id: ComplaintId): ComplaintState | undefined => states.get(id) ?? loaded?.get(id);
        const statesBefore = touched.flatMap((id) => stateBefore(id) ?? []);
        for (const event of events) folded.set(event.complaintId, applyEvent(folded.get(event.complaintId) ?? stateBefore(event.complaintId), event));
        const blocksOf = new Map(rowsBefore.flatMap((row) => (row ? [[row.id, row.eventBlocks] as const] : [])));
        const blocksBefore = (id: ComplaintId): readonly number[] => blocksOf.get(id) ?? [];
        const appended = await addJournalEvents(db, events, blocksBefore);
        const projected = [...folded.values()].map((state) => projectState(state, summarize, unionBlocks(blocksBefore(state.id), appended.blocks.get(state.id) ?? [])));
        // A doc is rewritten only when what it holds changed. The version is the journal position, which only rises
        // (seqs of several branches would not); the docs kept in memory follow it (search-docs-cache.ts).
        const docsBefore = new Map(statesBefore.map((state) => [state.id, searchDocOf(state)]));
        const docs = projected.map((p) => p.searchDoc).filter((doc) => !sameDoc(docsBefore.get(doc.id), doc));
        const facts = projected.map((p) => p.kpi);
        // Head office: the customer keys these complaints had, so those who shared only an old one are judged again.
        const keysBefore = db.linksCustomers ? statesBefore.flatMap((state) => customerKeysOf(state.complainant)) : [];
        await Promise.all([
          db.complaints.bulkPut(projected.map((p) => p.record)),
          putKpiFacts(db.kpiHours, facts, hourBefore),
          putSearchDocs(db.searchHours, docs, hourBefore),
          docs.length > 0 ? db.counters.put({ key: SEARCH_DOCS_VERSION_KEY, last: appended.held }) : undefined,
        ]);
        if (docs.length > 0) searchDocsWritten(db, docsVersionBefore, appended.held, docs);
        if (db.linksCustomers) await linkRepeatsAround(db.kpiHours, facts, keysBefore);
      });
      for (const [id, state] of folded) states.set(id, state);
    },
    // Nothing is held back: every chunk wrote its rows.
    finish: () => Promise.resolve(),
  };
}
