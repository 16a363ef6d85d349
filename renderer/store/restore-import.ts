/**
 * The import of a whole journal into an empty database (a restore). Each page's events are written as it comes,
 * one transaction per page, but the complaints' rows and search docs are held back and written once at the end,
 * in large transactions: a complaint's events are spread over the year, so over many pages, and writing its row
 * with every page made a restore rewrite each row a dozen times at 100 000 complaints.
 *
 * While rows are held back the counter ROWS_PENDING_KEY says so: written with the first page's events, removed
 * with the last rows. A restore that stopped part-way (the window closed, the PC lost power) leaves it behind;
 * the next one resumes by folding the events the database already holds before it reads the next page, so the
 * rows it writes at the end cover them too. Memory: one folded state per complaint, as the incremental import
 * holds for the complaints it has seen; events are not kept.
 */
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { lastOf, ROWS_PENDING_KEY, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { addJournalEvents, eventsToAdd, type EventImporter } from './import-events';
import { projectState, type StateSummarizer } from './projection';
import { linkAllRepeats } from './repeat-links';
import { toDomainEvent, type StoredEvent } from './records';

/** Rows (and as many search docs) per transaction when the held-back rows are written. */
const ROWS_PER_TRANSACTION = 10_000;
/** Stored events read per request when a restore resumes. */
const EVENTS_PER_READ = 20_000;

/** Whether a restore stopped before writing its rows: the next import must be a restore that resumes it. */
export async function rowsPending(db: DeskDb): Promise<boolean> {
  return (await lastOf(db, ROWS_PENDING_KEY)) > 0;
}

/** Every stored event in seq order, `EVENTS_PER_READ` at a time. */
async function* storedEvents(db: DeskDb): AsyncGenerator<StoredEvent[]> {
  let after: StoredEvent | undefined;
  for (;;) {
    const batch = await (after ? db.events.where('[branch+seq]').above([after.branch, after.seq]) : db.events.orderBy('[branch+seq]')).limit(EVENTS_PER_READ).toArray();
    after = batch[batch.length - 1];
    if (!after) return;
    yield batch;
  }
}

/**
 * An importer for a database that is empty or holds only what an unfinished restore wrote (`rowsPending`): the
 * events it already holds are folded first. Call `finish` after the last page to write the rows.
 */
export async function createRestoreImporter(db: DeskDb, summarize: StateSummarizer): Promise<EventImporter> {
  const states = new Map<ComplaintId, ComplaintState>();
  let lastSeq = 0;
  const fold = (target: Map<ComplaintId, ComplaintState>, event: DomainEvent) => {
    target.set(event.complaintId, applyEvent(target.get(event.complaintId) ?? states.get(event.complaintId), event));
  };
  for await (const batch of storedEvents(db)) {
    for (const stored of batch) fold(states, toDomainEvent(stored));
    lastSeq = batch[batch.length - 1]?.seq ?? lastSeq;
  }

  /** Writes projected rows, docs and KPI facts in one transaction; the last one also ends the restore. */
  const writeRows = (projected: ReturnType<typeof projectState>[], ends: boolean) =>
    db.transaction('rw', [db.complaints, db.searchDocs, db.kpiFacts, db.counters], async () => {
      await Promise.all([
        db.complaints.bulkPut(projected.map((p) => p.record)),
        db.searchDocs.bulkPut(projected.map((p) => p.searchDoc)),
        db.kpiFacts.bulkPut(projected.map((p) => p.kpi)),
        ends ? db.counters.delete(ROWS_PENDING_KEY) : undefined,
        ends ? db.counters.put({ key: SEARCH_DOCS_VERSION_KEY, last: lastSeq }) : undefined,
      ]);
      // Every complaint's facts are written: head office links the repeats over all of them, with the last rows.
      if (ends && db.linksCustomers) await linkAllRepeats(db.kpiFacts);
    });

  return {
    async importChunk(chunk) {
      // Folded into a copy, adopted only once the chunk is committed (see import-events.ts).
      const folded = new Map<ComplaintId, ComplaintState>();
      let chunkLast = 0;
      await db.transaction('rw', [db.events, db.counters], async () => {
        folded.clear();
        const events = await eventsToAdd(db, chunk);
        for (const event of events) fold(folded, event);
        chunkLast = events[events.length - 1]?.seq ?? 0;
        await addJournalEvents(db, events, [{ key: ROWS_PENDING_KEY, last: 1 }]);
      });
      for (const [id, state] of folded) states.set(id, state);
      if (chunkLast > 0) lastSeq = chunkLast;
    },
    async finish(onRows = () => {}) {
      if (!(await rowsPending(db))) return;
      const all = [...states.values()];
      const slices: ComplaintState[][] = [];
      for (let start = 0; start < all.length; start += ROWS_PER_TRANSACTION) slices.push(all.slice(start, start + ROWS_PER_TRANSACTION));
      let written = 0;
      onRows(written, all.length);
      let writing: Promise<unknown> = Promise.resolve();
      for (const [i, slice] of slices.entries()) {
        // Projected while the previous transaction is written.
        const projected = slice.map((state) => projectState(state, summarize));
        await writing;
        writing = writeRows(projected, i === slices.length - 1).then(() => {
          written += slice.length;
          onRows(written, all.length);
        });
      }
      await writing;
      states.clear();
    },
  };
}
