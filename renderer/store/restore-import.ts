/**
 * The import of a whole journal into an empty database (a restore). Each page's events are written as it comes,
 * one transaction per page, but a complaint's row is written once, when its history is complete: a complaint's
 * events are spread over the year, so over many pages, and writing its row with every page made a restore
 * rewrite each row a dozen times at 100 000 complaints. Main says with each page which complaints' last events
 * it holds (`completedHistories`); their rows are projected right after the page (their states let go) and held
 * until ROWS_HELD of them wait, then written in the order of their ids; the rest at the end. A page is folded as
 * soon as it is read, its blocks written behind (PAGES_AHEAD). A complaint that gains an event after its row was
 * projected (a step taken during the restore) is folded again from the events this database holds and written
 * again at the end. The search docs and KPI facts, an hour's to a row (hour-buckets.ts), are written with the rows
 * once every complaint of their hour is projected (restore-hours.ts).
 *
 * While rows are held back the counter ROWS_PENDING_KEY says so: written with the first page's events, removed
 * with the last rows. A restore that stopped part-way (the window closed, the PC lost power) leaves it behind;
 * the next one resumes by folding the events the database already holds before it reads the next page, so the
 * rows it writes at the end cover them too. Memory: a folded state for each complaint whose history is not
 * complete yet; once it is, its row, search doc and KPI facts until they are written, and the list of blocks
 * holding its events. Events are not kept. (Keeping every state made the heap of a 100 000-complaint restore
 * several times larger, and the garbage collector's work with it.)
 */
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEventInPlace, foldComplaint, type FoldDraft } from '../../shared/domain/reducer';
import { branchSeqKey, countersFromEvents, JOURNALED_THROUGH_KEY, lastOf, raisedCounters, registeredIn, ROWS_PENDING_KEY, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { eventsAfter, storedForm, type EventImporter } from './import-events';
import { blocksAppending, blocksInOrder, complaintEvents, heldEventCount, holdsExactly, lastBlock, noteBlock, scrubbedBlock, scrubComplaintEvents, unionBlocks } from './journal-blocks';
import { projectState, type StateSummarizer } from './projection';
import { putKpiFacts } from './kpi-hours';
import { linkAllRepeats } from './repeat-links';
import { toDomainEvent, type ComplaintRecord } from './records';
import { PendingHours, type HourItems } from './restore-hours';
import { putSearchDocs } from './search-hours';

/**
 * Projected rows held before they are written. IndexedDB's LevelDB keeps its keys in order and merges the files it
 * writes; a complaint's id is random, so rows written as they are projected, between the pages' journal blocks,
 * make files that overlap everything stored before them. Held, sorted by id and written in a run, they make files
 * that follow each other, as a bulk write of the same rows does. At 100 000 complaints: rows written page by page
 * made LevelDB merge 2 960 MB (57 s of the browser's CPU), in batches of 10 000 along the way 1 594 MB (55 s), in
 * id-ordered runs of 25 000 1 414 MB (55 s), all in id order at the end 948–1 078 MB (35–42 s). The rows held stay
 * in memory with their search docs and KPI facts: the bound keeps a head office restoring a million complaints from
 * holding them all.
 */
const ROWS_HELD = 100_000;

/** Rows per transaction when held rows are written: each transaction a slice of them in id order. */
const ROWS_PER_TRANSACTION = 10_000;

/**
 * Pages whose writes may wait while the next ones are folded. A page is folded as soon as it is read, and its
 * journal blocks are written behind, one transaction after another: a restore that waited for each page's
 * transaction waited as long for IndexedDB as it worked (IndexedDB writes one transaction at a time, a batch of
 * rows among them, and merges its files meanwhile).
 */
const PAGES_AHEAD = 4;

/**
 * Another window wrote events into this database while a restore was writing behind what it had folded: the
 * restore stops before writing over them, and starts again from what the database holds (`rowsPending`).
 */
export class CopyChangedError extends Error {
  override readonly name = 'CopyChangedError';
  constructor() {
    super('Another window wrote to this copy during the restore');
  }
}

const NO_HOURS: HourItems = { docs: [], facts: [] };

/** Rows in the order of their ids (the complaints store's key), ROWS_PER_TRANSACTION to a slice. */
function inIdOrder(records: ComplaintRecord[]): ComplaintRecord[][] {
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const slices: ComplaintRecord[][] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_TRANSACTION) slices.push(records.slice(start, start + ROWS_PER_TRANSACTION));
  return slices;
}

/** Whether a restore stopped before writing its rows: the next import must be a restore that resumes it. */
export async function rowsPending(db: DeskDb): Promise<boolean> {
  return (await lastOf(db, ROWS_PENDING_KEY)) > 0;
}

/** A complaint as a restore holds it until its history is complete: its state and the blocks holding its events. */
interface Held {
  /** Folded on in place, page after page: nothing else holds it. */
  state: FoldDraft;
  blocks: number[];
}

/**
 * An importer for a database that is empty or holds only what an unfinished restore wrote (`rowsPending`): the
 * events it already holds are folded first. Call `finish` after the last page to write the rows.
 */
export async function createRestoreImporter(db: DeskDb, summarize: StateSummarizer, rowsHeld = ROWS_HELD): Promise<EventImporter> {
  /** The complaints whose histories are not complete yet (a complaint is either here or in `projected`). */
  const held = new Map<ComplaintId, Held>();
  /** The search docs and KPI facts of projected rows whose hours are not written yet. */
  const hours = new PendingHours();
  const hold = (id: ComplaintId, complaint: Held) => {
    if (!held.has(id)) hours.opened(complaint.state.receivedAt);
    held.set(id, complaint);
  };
  /**
   * The first write that failed, or a fold that stopped part-way: from then on nothing more is written, and no row
   * (the states folded are ahead of the database; the next start resumes the restore from what is stored).
   */
  let writeFailure: unknown;
  /**
   * `events` folded onto the complaints as `held` has them (in place), each complaint's blocks joined with the
   * blocks `blocksOf` gives it (once per complaint, not per event).
   */
  const foldEvents = (events: readonly DomainEvent[], blocksOf: (id: ComplaintId) => readonly number[]): Map<ComplaintId, Held> => {
    const states = new Map<ComplaintId, FoldDraft>();
    try {
      for (const event of events) states.set(event.complaintId, applyEventInPlace(states.get(event.complaintId) ?? held.get(event.complaintId)?.state, event));
    } catch (error) {
      // A state may now hold part of this page, whose events are not stored.
      writeFailure ??= error;
      throw error;
    }
    const folded = new Map<ComplaintId, Held>();
    for (const [id, state] of states) folded.set(id, { state, blocks: unionBlocks(held.get(id)?.blocks ?? [], blocksOf(id)) });
    return folded;
  };
  for await (const blocks of blocksInOrder(db.journalBlocks)) {
    const events = blocks.flatMap((block) => block.events.map(toDomainEvent));
    const blocksOf = new Map<ComplaintId, number[]>();
    for (const block of blocks) for (const stored of block.events) noteBlock(blocksOf, stored.complaintId, block.block);
    for (const [id, complaint] of foldEvents(events, (id) => blocksOf.get(id) ?? [])) hold(id, complaint);
  }
  let position = await heldEventCount(db);
  // What the database holds once the writes queued are done, so that a page's write reads nothing: the last block
  // (whole or not) and the counters.
  let tail = await lastBlock(db);
  const counters = new Map((await db.counters.toArray()).map((record) => [record.key, record.last]));

  /**
   * The complaints whose rows are projected (held to be written, or written) and show their whole history: the blocks
   * holding their events (their states are let go).
   */
  const projected = new Map<ComplaintId, number[]>();
  /**
   * The writes queued, one transaction after another while the next pages are read and folded: the pages' blocks
   * in order, and the batches of rows, each after the pages whose events it shows. A batch of rows does not hold
   * the next pages back: it shares no store with them, and IndexedDB writes both at once (the window folded
   * nothing while it waited for 10 000 rows to be written). The first failure is kept (`writeFailure`), and
   * nothing queued after it is written.
   */
  let pagesWritten: Promise<void> = Promise.resolve();
  let rowsWritten: Promise<void> = Promise.resolve();
  const after = (before: Promise<unknown>, write: () => Promise<unknown>): Promise<void> =>
    before
      .then(async () => {
        if (writeFailure === undefined) await write();
      })
      .then(
        () => undefined,
        (error: unknown) => {
          writeFailure ??= error;
        },
      );
  const enqueuePage = (write: () => Promise<unknown>): Promise<void> => (pagesWritten = after(pagesWritten, write));
  const enqueueRows = (write: () => Promise<unknown>): void => {
    rowsWritten = after(Promise.all([rowsWritten, pagesWritten]), write);
  };
  /** The page writes queued, oldest first. */
  const pageWrites: Promise<void>[] = [];
  /** Rows projected along the way, not written yet: they wait for `rowsHeld` of them. */
  const unwritten = new Map<ComplaintId, ComplaintRecord>();
  const takeUnwritten = (): ComplaintRecord[] => {
    const records = [...unwritten.values()];
    unwritten.clear();
    return records;
  };

  /** Projects the complaints as they are now: they move from `held` to `projected`. */
  const project = (complaints: readonly Held[]): ComplaintRecord[] =>
    complaints.map((complaint) => {
      const { record, searchDoc, kpi } = projectState(complaint.state, summarize, complaint.blocks);
      held.delete(record.id);
      projected.set(record.id, complaint.blocks);
      hours.projected(searchDoc, kpi);
      return record;
    });

  /** Folds again, from the events stored, the complaints of `events` whose rows are projected: a step came after their last event. */
  const revive = async (events: readonly DomainEvent[]) => {
    for (const event of events) {
      const blocks = projected.get(event.complaintId);
      if (!blocks) continue;
      // Its events are read back from the database: the blocks queued are written first.
      await pagesWritten;
      projected.delete(event.complaintId);
      // Its row, if it still waits to be written, is projected again with the rest of its history.
      unwritten.delete(event.complaintId);
      hold(event.complaintId, { state: foldComplaint(await complaintEvents(db, event.complaintId, blocks)), blocks });
    }
  };

  /**
   * Writes rows and the hours they closed in one transaction; the last one also ends the restore. Only the last
   * one writes the counters: the others do not share a store with the next page's events (journal blocks and
   * counters), so IndexedDB writes both at once instead of queueing each page behind the rows of the one before.
   */
  const writeRows = (records: readonly ComplaintRecord[], closed: HourItems, ends: boolean) =>
    db.transaction('rw', ends ? [db.complaints, db.searchHours, db.kpiHours, db.counters] : [db.complaints, db.searchHours, db.kpiHours], async () => {
      await Promise.all([
        db.complaints.bulkPut(records),
        // A complaint's hour is the one it was received in: no item moves from another hour.
        putSearchDocs(db.searchHours, closed.docs),
        putKpiFacts(db.kpiHours, closed.facts),
        ends ? db.counters.delete(ROWS_PENDING_KEY) : undefined,
        ends ? db.counters.put({ key: SEARCH_DOCS_VERSION_KEY, last: position }) : undefined,
      ]);
      // Every complaint's facts are written: head office links the repeats over all of them, with the last rows.
      if (ends && db.linksCustomers) await linkAllRepeats(db.kpiHours);
    });

  return {
    async importChunk(chunk, completedHistories = []) {
      if (writeFailure !== undefined) throw writeFailure;
      await revive(chunk);
      const events = eventsAfter(chunk, (branch) => counters.get(branchSeqKey(branch)) ?? 0);
      const last = events.at(-1);
      if (last) {
        // An anonymised complaint's events are stored without personal data, those stored before included.
        const { anonymised, stored } = storedForm(events);
        const scrubbed = new Map([...anonymised].map((id) => [id, held.get(id)?.blocks ?? projected.get(id) ?? []]));
        if (tail && anonymised.size > 0) tail = scrubbedBlock(tail, anonymised) ?? tail;
        const heldBefore = position;
        const appended = blocksAppending(tail, stored);
        tail = appended.changed.at(-1);
        position = appended.held;
        const raised = raisedCounters(counters, [...countersFromEvents(events), { key: JOURNALED_THROUGH_KEY, last: last.seq }, { key: ROWS_PENDING_KEY, last: 1 }], registeredIn(events));
        for (const counter of raised) counters.set(counter.key, counter.last);
        for (const [id, complaint] of foldEvents(events, (id) => appended.blocks.get(id) ?? [])) hold(id, complaint);
        // The transaction only writes what is decided here: run again (Dexie may, after reopening), it writes the same.
        pageWrites.push(
          enqueuePage(() =>
            db.transaction('rw', [db.journalBlocks, db.counters], async () => {
              // Another window of the same browser profile shares this database: what it appended meanwhile
              // would be overwritten by blocks and counters decided without it.
              if (!(await holdsExactly(db, heldBefore))) throw new CopyChangedError();
              if (scrubbed.size > 0) await scrubComplaintEvents(db, scrubbed);
              await Promise.all([db.journalBlocks.bulkPut(appended.changed), db.counters.bulkPut(raised)]);
            }),
          ),
        );
        if (pageWrites.length > PAGES_AHEAD) await pageWrites.shift();
      }
      for (const record of project(completedHistories.flatMap((id) => held.get(id) ?? []))) unwritten.set(record.id, record);
      if (unwritten.size < rowsHeld) return;
      // The hours all of whose complaints are projected go with the run's first transaction.
      const closed = hours.take();
      for (const [i, slice] of inIdOrder(takeUnwritten()).entries()) enqueueRows(() => writeRows(slice, i === 0 ? closed : NO_HOURS, false));
    },
    async finish(onRows = () => {}) {
      await Promise.all([pagesWritten, rowsWritten]);
      if (writeFailure !== undefined) throw writeFailure;
      if (!(await rowsPending(db))) return;
      const slices = inIdOrder([...takeUnwritten(), ...project([...held.values()])]);
      const rows = slices.reduce((sum, slice) => sum + slice.length, 0);
      if (rows > 0) onRows(0, rows);
      // The last transaction ends the restore, also when every row was written along the way.
      const last = slices.pop() ?? [];
      // The transactions before it are asked for at once, and IndexedDB writes one while the next rows are
      // copied to it; the last only once they are all written.
      let done = 0;
      const outcomes = await Promise.allSettled(
        slices.map(async (slice) => {
          await writeRows(slice, NO_HOURS, false);
          done += slice.length;
          onRows(done, rows);
        }),
      );
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
      await writeRows(last, hours.take(true), true);
      if (rows > 0) onRows(rows, rows);
      held.clear();
      projected.clear();
    },
  };
}
