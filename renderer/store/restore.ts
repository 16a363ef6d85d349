/**
 * Start-up reconciliation between IndexedDB and main's journal (DESIGN "Where data lives"). The journal is
 * the durable copy: when the browser storage was wiped (or lost its tail) the missing events are replayed
 * from it, projections folded with the shared reducer and counters recomputed so numbering continues;
 * when main is behind (events not yet journaled, or a journal restored from an older backup) the desk's
 * events are sent again.
 */
import { Dexie } from 'dexie';
import type { ComplaintId } from '../../shared/brand';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent, ReplayError } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { ok, refuse, type Result } from '../../shared/result';
import { countersFromEvents, raiseCounters } from './counters';
import type { DeskDb } from './db';
import { projectState, type DeadlineSummarizer } from './projection';
import type { StoreApi } from './ports';
import { loadTimeline } from './queries';

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

/**
 * Folds a page of journal events into IndexedDB in one transaction: events (already journaled), the rows of
 * every complaint they touch, and counters. `states` carries folded states across pages of one restore.
 */
async function importPage(db: DeskDb, page: readonly DomainEvent[], states: Map<ComplaintId, ComplaintState>, summarize: DeadlineSummarizer): Promise<void> {
  await db.transaction('rw', [db.events, db.complaints, db.searchDocs, db.counters], async () => {
    const touched = new Set<ComplaintId>();
    for (const event of page) {
      if (!states.has(event.complaintId)) {
        const earlier = await loadTimeline(db, event.complaintId);
        if (earlier.length > 0) states.set(event.complaintId, earlier.reduce<ComplaintState | undefined>(applyEvent, undefined) as ComplaintState);
      }
      states.set(event.complaintId, applyEvent(states.get(event.complaintId), event));
      touched.add(event.complaintId);
    }
    await db.events.bulkAdd(page.map((event) => ({ ...event, journaled: 1 as const })));
    const projected = [...touched].map((id) => projectState(states.get(id) as ComplaintState, summarize));
    await db.complaints.bulkPut(projected.map((p) => p.record));
    await db.searchDocs.bulkPut(projected.map((p) => p.searchDoc));
    await raiseCounters(db, countersFromEvents(page));
  });
}

export async function reconcileWithJournal(db: DeskDb, api: StoreApi, summarize: DeadlineSummarizer): Promise<Result<RestoreReport>> {
  const localSeq = await highestLocalSeq(db);
  const states = new Map<ComplaintId, ComplaintState>();
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
      await importPage(db, events, states, summarize);
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
