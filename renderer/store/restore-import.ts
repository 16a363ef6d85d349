/**
 * The import of a whole journal into an empty database (a restore). Each page's events are written as it comes,
 * one transaction per page, but a complaint's row is written once, when its history is complete: a complaint's
 * events are spread over the year, so over many pages, and writing its row with every page made a restore
 * rewrite each row a dozen times at 100 000 complaints. Main says with each page which complaints' last events
 * it holds (`completedHistories`); their rows are written right after the page, while the next one is read, and
 * the rest at the end. A complaint that gains an event after its row was written (a step taken during the
 * restore) is folded again from the events this database holds and written again at the end. The search docs and
 * KPI facts, an hour's to a row (hour-buckets.ts), are kept until the end and each hour written once, with the
 * last rows.
 *
 * While rows are held back the counter ROWS_PENDING_KEY says so: written with the first page's events, removed
 * with the last rows. A restore that stopped part-way (the window closed, the PC lost power) leaves it behind;
 * the next one resumes by folding the events the database already holds before it reads the next page, so the
 * rows it writes at the end cover them too. Memory: a folded state for each complaint whose row is not written
 * yet; once it is, only the list of blocks holding its events and its search doc and KPI facts. Events are not
 * kept. (Keeping every state made the heap of a 100 000-complaint restore several times larger, and the garbage
 * collector's work with it.)
 */
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent, foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { lastOf, ROWS_PENDING_KEY, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { addJournalEvents, eventsToAdd, type EventImporter } from './import-events';
import { blocksInOrder, complaintEvents, heldEventCount, unionBlocks } from './journal-blocks';
import { projectState, type StateSummarizer } from './projection';
import { kpiHoursOf } from './kpi-hours';
import { linkAllRepeats } from './repeat-links';
import { toDomainEvent, type ComplaintRecord, type KpiFactsRow, type SearchDoc } from './records';
import { searchHoursOf } from './search-hours';

/** Rows per transaction when the held-back rows are written. */
const ROWS_PER_TRANSACTION = 10_000;

/** Whether a restore stopped before writing its rows: the next import must be a restore that resumes it. */
export async function rowsPending(db: DeskDb): Promise<boolean> {
  return (await lastOf(db, ROWS_PENDING_KEY)) > 0;
}

/** A complaint as a restore holds it until its row is written: its state and the blocks holding its events. */
interface Held {
  state: ComplaintState;
  blocks: number[];
}

/**
 * An importer for a database that is empty or holds only what an unfinished restore wrote (`rowsPending`): the
 * events it already holds are folded first. Call `finish` after the last page to write the rows.
 */
export async function createRestoreImporter(db: DeskDb, summarize: StateSummarizer): Promise<EventImporter> {
  /** The complaints whose rows are not written yet (a complaint is either here or in `written`). */
  const held = new Map<ComplaintId, Held>();
  const fold = (target: Map<ComplaintId, Held>, event: DomainEvent, blocks: readonly number[]) => {
    const before = target.get(event.complaintId) ?? held.get(event.complaintId);
    target.set(event.complaintId, { state: applyEvent(before?.state, event), blocks: unionBlocks(before?.blocks ?? [], blocks) });
  };
  for await (const blocks of blocksInOrder(db.journalBlocks)) for (const block of blocks) for (const stored of block.events) fold(held, toDomainEvent(stored), [block.block]);
  let position = await heldEventCount(db);

  /**
   * The complaints whose rows are written and show their whole history: the blocks holding their events, their
   * search docs and KPI facts (their states are let go).
   */
  const written = new Map<ComplaintId, { blocks: number[]; searchDoc: SearchDoc; kpi: KpiFactsRow }>();
  /** The row writes under way, one transaction after another while the next pages are read and folded; the first failure is kept for `finish`. */
  let writing: Promise<void> = Promise.resolve();
  let writeFailure: unknown;

  /** Projects the complaints as they are now: they move from `held` to `written`. */
  const project = (complaints: readonly Held[]): ComplaintRecord[] =>
    complaints.map((complaint) => {
      const { record, searchDoc, kpi } = projectState(complaint.state, summarize, complaint.blocks);
      held.delete(record.id);
      written.set(record.id, { blocks: complaint.blocks, searchDoc, kpi });
      return record;
    });

  /** Folds again, from the events stored, the complaints of `events` whose rows are written: a step came after their last event. */
  const revive = async (events: readonly DomainEvent[]) => {
    for (const id of new Set(events.map((event) => event.complaintId))) {
      const blocks = written.get(id)?.blocks;
      if (!blocks) continue;
      held.set(id, { state: foldComplaint(await complaintEvents(db, id, blocks)), blocks });
      written.delete(id);
    }
  };

  /** Writes rows in one transaction; the last one also writes every hour's search docs and KPI facts and ends the restore. */
  const writeRows = (records: readonly ComplaintRecord[], ends: boolean) =>
    // Only the last one writes more than rows: the others, scoped to the rows alone, do not share a store with
    // the next page's events (journal blocks and counters), so IndexedDB writes both at once instead of queueing
    // each page behind the rows of the one before.
    db.transaction('rw', ends ? [db.complaints, db.searchHours, db.kpiHours, db.counters] : [db.complaints], async () => {
      const finished = ends ? [...written.values()] : [];
      await Promise.all([
        db.complaints.bulkPut(records),
        ends ? db.searchHours.bulkPut(searchHoursOf(finished.map((w) => w.searchDoc))) : undefined,
        ends ? db.kpiHours.bulkPut(kpiHoursOf(finished.map((w) => w.kpi))) : undefined,
        ends ? db.counters.delete(ROWS_PENDING_KEY) : undefined,
        ends ? db.counters.put({ key: SEARCH_DOCS_VERSION_KEY, last: position }) : undefined,
      ]);
      // Every complaint's facts are written: head office links the repeats over all of them, with the last rows.
      if (ends && db.linksCustomers) await linkAllRepeats(db.kpiHours);
    });

  return {
    async importChunk(chunk, completedHistories = []) {
      await revive(chunk);
      // Folded into a copy, adopted only once the chunk is committed (see import-events.ts).
      const folded = new Map<ComplaintId, Held>();
      let chunkPosition = 0;
      await db.transaction('rw', [db.journalBlocks, db.counters], async () => {
        folded.clear();
        const events = await eventsToAdd(db, chunk);
        const appended = await addJournalEvents(db, events, (id) => held.get(id)?.blocks ?? written.get(id)?.blocks ?? [], [{ key: ROWS_PENDING_KEY, last: 1 }]);
        for (const event of events) fold(folded, event, appended.blocks.get(event.complaintId) ?? []);
        chunkPosition = appended.held;
      });
      // Every complaint of the chunk is held: `revive` brought back those whose rows were written.
      for (const [id, complaint] of folded) held.set(id, complaint);
      if (chunkPosition > 0) position = chunkPosition;
      const complete = completedHistories.flatMap((id) => held.get(id) ?? []);
      if (complete.length === 0) return;
      const records = project(complete);
      // Not awaited: the rows are written while the next page is read; `finish` waits for them.
      writing = writing
        .then(() => writeRows(records, false))
        .then(
          () => undefined,
          (error: unknown) => {
            writeFailure ??= error;
          },
        );
    },
    async finish(onRows = () => {}) {
      await writing;
      if (writeFailure !== undefined) throw writeFailure;
      if (!(await rowsPending(db))) return;
      const rest = [...held.values()];
      const slices: Held[][] = [];
      for (let start = 0; start < rest.length; start += ROWS_PER_TRANSACTION) slices.push(rest.slice(start, start + ROWS_PER_TRANSACTION));
      // The last transaction ends the restore, also when every row was written along the way.
      if (slices.length === 0) slices.push([]);
      let done = 0;
      if (rest.length > 0) onRows(done, rest.length);
      for (const [i, slice] of slices.entries()) {
        await writeRows(project(slice), i === slices.length - 1);
        done += slice.length;
        onRows(done, rest.length);
      }
      held.clear();
      written.clear();
    },
  };
}
