/**
 * Start-up reconciliation between IndexedDB and main's journal (DESIGN "Where data lives"). The journal is
 * the durable copy: when the browser storage was wiped (or lost its tail) the missing events are replayed
 * from it, projections folded with the shared reducer and counters recomputed so numbering continues;
 * when main is behind (events not yet journaled, or a journal restored from an older backup) the journal
 * watermark is lowered to what main has, so the desk's events are sent again (by the journal flusher, in the
 * background: numbering only needs the counters, which are level once this returns).
 */
import { JOURNAL_PAGE_MAX, type ApiOutput } from '../../shared/api/contract';
import type { DomainEvent } from '../../shared/domain/events';
import { ReplayError } from '../../shared/domain/reducer';
import { ok, refuse, type Result } from '../../shared/result';
import { JOURNALED_THROUGH_KEY } from './counters';
import type { DeskDb } from './db';
import { createEventImporter } from './import-events';
import type { DeadlineSummarizer } from './projection';
import type { StoreApi } from './ports';
import { storedJournalMark } from './journal';

export interface RestoreReport {
  /** Events copied from main's journal into IndexedDB. */
  restoredEvents: number;
  /** Events counted as journaled that main turned out not to have: pending again, to be re-sent. */
  resent: number;
}

async function highestLocalSeq(db: DeskDb): Promise<number> {
  const last = await db.events.orderBy('[branch+seq]').last();
  return last?.seq ?? 0;
}

/** How far a replay has come, in events: shown while the desk waits (20 000 complaints, 220 000 events: about 35 s here). */
export interface RestoreProgress {
  restored: number;
  /** Events the journal holds beyond what this database had when the replay started. */
  total: number;
}

export async function reconcileWithJournal(
  db: DeskDb,
  api: StoreApi,
  summarize: DeadlineSummarizer,
  onProgress: (progress: RestoreProgress) => void = () => {},
): Promise<Result<RestoreReport>> {
  const localSeq = await highestLocalSeq(db);
  const importer = createEventImporter(db, summarize, { journaled: 1, databaseWasEmpty: localSeq === 0 });
  type Page = Result<ApiOutput<'journal.read'>>;
  const read = (afterSeq: number): Promise<Page> => api.call('journal.read', { afterSeq, limit: JOURNAL_PAGE_MAX });
  let afterSeq = localSeq;
  let restoredEvents = 0;
  let journalLast = 0;
  let next: Promise<Page> | undefined = read(afterSeq);
  try {
    while (next) {
      const page: Page = await next;
      if (!page.ok) return page;
      journalLast = page.value.lastSeq;
      const events: DomainEvent[] = page.value.events.filter((event) => event.seq > afterSeq);
      const pageLast: number | undefined = events[events.length - 1]?.seq;
      if (pageLast === undefined) break;
      // Main reads (and the transport checks) the next page while this one is written.
      next = pageLast < journalLast ? read(pageLast) : undefined;
      await importer.importChunk(events);
      restoredEvents += events.length;
      afterSeq = pageLast;
      onProgress({ restored: restoredEvents, total: Math.max(journalLast - localSeq, restoredEvents) });
    }
  } catch (error) {
    // The reducer throws only on a log that cannot be a complaint's history: refuse, keep the pages imported.
    if (error instanceof ReplayError) return refuse('journal_unreadable', `The journal could not be replayed: ${error.message}`, { params: { code: error.code } });
    throw error;
  }
  // Main has fewer events than this desk counted as journaled: lower the watermark to what main has.
  const resent = journalLast < localSeq ? await lowerJournalMark(db, journalLast) : 0;
  return ok({ restoredEvents, resent });
}

/** Lowers the stored watermark to `seq`; returns how many events it no longer counts as journaled. */
async function lowerJournalMark(db: DeskDb, seq: number): Promise<number> {
  return db.transaction('rw', db.counters, async () => {
    const mark = await storedJournalMark(db);
    if (mark <= seq) return 0;
    await db.counters.put({ key: JOURNALED_THROUGH_KEY, last: seq });
    return mark - seq;
  });
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
