/**
 * This window's database is a copy of main's journal (DESIGN "Where data lives"; main is the authority). Every
 * event in it was journaled by main first: a step's events arrive in main's answer, other windows' steps and the
 * system's escalations arrive by catching up. On start the copy is checked against the journal by event id, not
 * only by sequence number: a copy that holds events main never journaled, or events of another journal (a data
 * folder restored from elsewhere), is rebuilt from the journal and the person is told.
 */
import { Dexie } from 'dexie';
import type { ApiOutput } from '../../shared/api/contract';
import type { DomainEvent } from '../../shared/domain/events';
import { ReplayError } from '../../shared/domain/reducer';
import { ok, refuse, type Result } from '../../shared/result';
import type { DeskDb } from './db';
import { createEventImporter, journalPosition, LogGapError } from './import-events';
import { EVENTS_PER_BLOCK, lastHeldEvent } from './journal-blocks';
import { CopyChangedError, createRestoreImporter, rowsPending } from './restore-import';
import type { StateSummarizer } from './projection';
import type { StoreApi } from './ports';
import { StoredEventError } from './records';
import { forgetSearchDocs } from './search-docs-cache';

export interface RestoreReport {
  /** Events copied from main's journal into IndexedDB. */
  restoredEvents: number;
  /**
   * Events of a copy that was not a copy of main's journal (it held events main never journaled, or another
   * journal's): the copy was discarded and rebuilt from the journal. 0 when the copy was sound.
   */
  discarded: number;
}

/** How far a replay has come, in events: shown while the desk waits. */
export interface RestoreProgress {
  restored: number;
  /** Events the journal holds beyond what this database had when the replay started. */
  total: number;
  /** Once every event is copied, a restore writes the complaints' rows: how many of how many are written. */
  rows?: { written: number; total: number };
}

type Page = Result<ApiOutput<'journal.read'>>;

export interface CatchUpOptions {
  readonly onProgress?: (progress: RestoreProgress) => void;
  /** Rows a restore holds before it writes them (restore-import.ts); tests make it small. */
  readonly rowsHeld?: number;
}

/**
 * Journal blocks per page a catch-up asks for: 2 560 events, about 0.9 MB of JSON. Main parses a whole page before it
 * answers, and pages of 4 864 events outgrew its young generation: reading 1.1 M events cost main 20.5 s of CPU in
 * such pages and 15–17 s in these, less of it in its garbage collector.
 */
export const BLOCKS_PER_PAGE = 10;

/**
 * How many events to ask for after journal position `afterSeq`: BLOCKS_PER_PAGE blocks' worth, ending where a
 * journal block ends (journal-blocks.ts). A page that ended part-way through a block had that block read back and
 * written again with the next page (a restore of 1.1 M events rewrote some 20 MB that way).
 */
export function pageLimit(afterSeq: number): number {
  return BLOCKS_PER_PAGE * EVENTS_PER_BLOCK - (afterSeq % EVENTS_PER_BLOCK);
}

/**
 * Pages asked for ahead of the one being imported. A page is read (parsed, checked against the contract) in the
 * answer worker (renderer/platform/answer-worker.ts) while the window folds and writes the one before; with one
 * page ahead the worker was handed the next page's bytes only when the window paused between pages, and the two
 * threads mostly took turns.
 */
export const PAGES_READ_AHEAD = 3;

/**
 * The journal read page after page: PAGES_READ_AHEAD pages are asked for ahead of the one taken, each
 * where the one before would end if it is full (a journal holds every position up to its last, so only its last
 * page is not). A page that ends elsewhere (the journal changed meanwhile) drops the pages asked for after it, and
 * they are asked for again from where it ended.
 */
function journalPages(api: StoreApi) {
  const read = (afterSeq: number): Promise<Page> => api.call('journal.read', { afterSeq, limit: pageLimit(afterSeq) });
  let ahead: { afterSeq: number; page: Promise<Page> }[] = [];
  /** Where the next page asked for starts. */
  let askedThrough = 0;
  return {
    /** The page after `afterSeq` (the position the pages taken so far end at). */
    async take(afterSeq: number): Promise<Page> {
      let next = ahead.shift();
      if (next?.afterSeq !== afterSeq) {
        ahead = [];
        next = { afterSeq, page: read(afterSeq) };
        askedThrough = afterSeq + pageLimit(afterSeq);
      }
      const page = await next.page;
      if (!page.ok) return page;
      // A page that is not full ends where the journal ended when it was read: what was asked after it is not needed.
      if (page.value.events.length < pageLimit(afterSeq)) {
        ahead = [];
        askedThrough = afterSeq + page.value.events.length;
      }
      // Nothing is asked for past the journal's end as this page gives it.
      while (ahead.length < PAGES_READ_AHEAD && askedThrough < page.value.lastSeq) {
        ahead.push({ afterSeq: askedThrough, page: read(askedThrough) });
        askedThrough += pageLimit(askedThrough);
      }
      return page;
    },
  };
}

/**
 * Copies every event main journaled after this database's last one; pages are read ahead while one is written.
 * Into an empty database (or one a restore stopped part-way through) each row is written once, when its history is
 * complete (restore-import.ts).
 */
export async function catchUp(db: DeskDb, api: StoreApi, summarize: StateSummarizer, { onProgress = () => {}, rowsHeld }: CatchUpOptions = {}): Promise<Result<number>> {
  // A position in main's journal, not a seq: at head office the events of many branches interleave.
  const localSeq = await journalPosition(db);
  const importer = localSeq === 0 || (await rowsPending(db)) ? await createRestoreImporter(db, summarize, rowsHeld) : createEventImporter(db, summarize);
  const pages = journalPages(api);
  let afterSeq = localSeq;
  let restored = 0;
  let total = 0;
  let unread: Result<never> | undefined;
  let failure: unknown;
  try {
    for (;;) {
      const page: Page = await pages.take(afterSeq);
      if (!page.ok) {
        unread = page;
        break;
      }
      const events: readonly DomainEvent[] = page.value.events;
      if (events.length === 0) break;
      // The page holds the events at the positions after `afterSeq`, one each.
      const pageLast = afterSeq + events.length;
      await importer.importChunk(events, page.value.completedHistories);
      restored += events.length;
      afterSeq = pageLast;
      total = Math.max(page.value.lastSeq - localSeq, restored);
      onProgress({ restored, total });
      if (pageLast >= page.value.lastSeq) break;
    }
  } catch (error) {
    failure = error;
  }
  // What was imported stays, with its rows, whatever stopped the reading.
  try {
    await importer.finish((written, rows) => onProgress({ restored, total, rows: { written, total: rows } }));
  } catch (error) {
    failure ??= error;
  }
  // Resumed from what the database holds now, the other window's events with it.
  if (failure instanceof CopyChangedError) {
    const resumed = await catchUp(db, api, summarize, { onProgress, rowsHeld });
    return resumed.ok ? ok((await journalPosition(db)) - localSeq) : resumed;
  }
  if (failure !== undefined) return refusalOf(failure);
  return unread ?? ok(restored);
}

/** Why a catch-up stopped, as a refusal; a bug stays a throw. */
function refusalOf(error: unknown): Result<never> {
  // The reducer throws only on a log that cannot be a complaint's history: main's journal is at fault.
  if (error instanceof ReplayError) return refuse('journal_unreadable', `The journal could not be replayed: ${error.message}`, { params: { code: error.code } });
  // Pages that do not continue each other: main's journal, not this window's storage, is at fault.
  if (error instanceof LogGapError) return refuse('journal_unreadable', `The journal pages do not follow on: ${error.message}`, { params: { code: 'log_gap' } });
  // Only IndexedDB's own failures are storage failures; anything else is a bug and stays a throw.
  if (error instanceof Dexie.DexieError) return refuse('storage_failed', `This window's copy could not be written: ${error.name}: ${error.message}`);
  throw error;
}

/** Whether the event main's journal holds at this database's last position is, by id, the one this database holds there. */
async function isCopyOfJournal(db: DeskDb, api: StoreApi): Promise<Result<{ localSeq: number; same: boolean }>> {
  const held = await journalPosition(db);
  if (held === 0) return ok({ localSeq: 0, same: true });
  const page = await api.call('journal.read', { afterSeq: held - 1, limit: 1 });
  if (!page.ok) return page;
  const journaled = page.value.events[0];
  return ok({ localSeq: held, same: journaled !== undefined && (await lastHeldEvent(db))?.id === journaled.id });
}

/** Empties the copy (events, rows, search docs, KPI facts, counters); users and settings stay. */
async function clearCopy(db: DeskDb): Promise<void> {
  forgetSearchDocs(db);
  await db.transaction('rw', [db.journalBlocks, db.complaints, db.searchHours, db.kpiHours, db.counters], async () => {
    await Promise.all([db.journalBlocks.clear(), db.complaints.clear(), db.searchHours.clear(), db.kpiHours.clear(), db.counters.clear()]);
  });
}

/** On start: checks the copy against main's journal (rebuilding it when it is not one) and copies what is missing. */
export async function reconcileWithJournal(db: DeskDb, api: StoreApi, summarize: StateSummarizer, options: CatchUpOptions = {}): Promise<Result<RestoreReport>> {
  const checked = await isCopyOfJournal(db, api);
  if (!checked.ok) return checked;
  let discarded = checked.value.same ? 0 : checked.value.localSeq;
  if (discarded > 0) await clearCopy(db);
  let restored: Result<number>;
  try {
    restored = await catchUp(db, api, summarize, options);
  } catch (error) {
    // A stored event this build cannot read (damaged storage): the copy is not worth keeping, the journal is.
    if (!(error instanceof StoredEventError)) throw error;
    discarded = checked.value.localSeq;
    await clearCopy(db);
    restored = await catchUp(db, api, summarize, options);
  }
  return restored.ok ? ok({ restoredEvents: restored.value, discarded }) : restored;
}

/** Mirrors main's users (no password hashes ever reach the renderer). */
export async function mirrorUsers(db: DeskDb, api: StoreApi): Promise<Result<number>> {
  const listed = await api.call('users.list', {});
  if (!listed.ok) return listed;
  await db.transaction('rw', db.users, async () => {
    await db.users.clear();
    await db.users.bulkPut(listed.value.users);
  });
  return ok(listed.value.users.length);
}
