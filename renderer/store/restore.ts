/**
 * Start-up reconciliation between IndexedDB and main's journal (DESIGN "Where data lives"). The journal is
 * the durable copy: when the browser storage was wiped (or lost its tail) the missing events are replayed
 * from it, projections folded with the shared reducer and counters recomputed so numbering continues;
 * when main is behind (events not yet journaled, or a journal restored from an older backup) the desk's
 * events are sent again.
 */
import { Dexie } from 'dexie';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import { ReplayError } from '../../shared/domain/reducer';
import { ok, refuse, type Result } from '../../shared/result';
import type { DeskDb } from './db';
import { createEventImporter } from './import-events';
import type { DeadlineSummarizer } from './projection';
import type { StoreApi } from './ports';

export interface RestoreReport {
  /** Events copied from main's journal into IndexedDB. */
  restoredEvents: number;
  /** Events main did not have, marked to be journaled again. */
  resent: number;
}

async function highestLocalSeq(db: DeskDb): Promise<number> {
  const last = await db.events.orderBy('[branch+seq]').last();
  return last?.seq ?? 0;
}

export async function reconcileWithJournal(db: DeskDb, api: StoreApi, summarize: DeadlineSummarizer): Promise<Result<RestoreReport>> {
  const localSeq = await highestLocalSeq(db);
  const importer = createEventImporter(db, summarize, { journaled: 1, databaseWasEmpty: localSeq === 0 });
  let afterSeq = localSeq;
  let restoredEvents = 0;
  let journalLast = 0;
  try {
    for (;;) {
      const page = await api.call('journal.read', { afterSeq, limit: JOURNAL_PAGE_MAX });
      if (!page.ok) return page;
      journalLast = page.value.lastSeq;
      const events = page.value.events.filter((event) => event.seq > afterSeq);
      if (events.length === 0) break;
      await importer.importChunk(events);
      restoredEvents += events.length;
      afterSeq = events[events.length - 1]?.seq ?? afterSeq;
      if (afterSeq >= journalLast) break;
    }
  } catch (error) {
    // The reducer throws only on a log that cannot be a complaint's history: refuse, keep the pages imported.
    if (error instanceof ReplayError) return refuse('journal_unreadable', `The journal could not be replayed: ${error.message}`, { params: { code: error.code } });
    throw error;
  }
  // Main has fewer events than this desk: whatever it lacks goes back in the outbox.
  const resent =
    journalLast < localSeq
      ? await db.events
          .where('[journaled+seq]')
          .between([1, journalLast], [1, Dexie.maxKey], false, true)
          .modify({ journaled: 0 })
      : 0;
  return ok({ restoredEvents, resent });
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
