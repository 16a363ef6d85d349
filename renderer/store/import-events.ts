/**
 * Bulk import of events that are already in a log (main's journal on restore, or a benchmark's data set):
 * one transaction per chunk writes the events, the rows and KPI facts of the complaints they touch and the counters, folding
 * with the shared reducer. Folded states are carried from chunk to chunk, so a complaint whose events span two
 * chunks is folded once.
 */
import { Dexie } from 'dexie';
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent, foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { countersFromEvents, JOURNALED_THROUGH_KEY, raiseCounters, registeredIn, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { projectState, type StateSummarizer } from './projection';
import { toDomainEvent, type SearchDoc } from './records';

const sameDoc = (a: SearchDoc | undefined, b: SearchDoc): boolean => a !== undefined && a.text === b.text && a.receivedAt === b.receivedAt;

export interface EventImporter {
  /**
   * Imports events in seq order (one transaction); call once per page or chunk. Events this database already
   * holds (another tab of the same browser imported them first) are skipped; a chunk that would leave a gap in
   * the log throws `LogGapError`, and nothing of it is written.
   */
  importChunk(events: readonly DomainEvent[]): Promise<void>;
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
  const last = await db.events.orderBy('[branch+seq]').last();
  return last?.seq ?? 0;
}

/**
 * Every event imported comes from main's journal, so the journal watermark is raised to it. `databaseWasEmpty`
 * skips looking for earlier events of each complaint in IndexedDB (there are none), which matters at 100 000
 * complaints.
 */
export function createEventImporter(db: DeskDb, summarize: StateSummarizer, options: { databaseWasEmpty: boolean }): EventImporter {
  const states = new Map<ComplaintId, ComplaintState>();

  /** Complaints the chunk continues whose earlier events are only in IndexedDB (a Registered event starts a history). */
  function historiesToLoad(events: readonly DomainEvent[]): ComplaintId[] {
    if (options.databaseWasEmpty) return [];
    const seen = new Set<ComplaintId>();
    const missing: ComplaintId[] = [];
    for (const event of events) {
      if (seen.has(event.complaintId)) continue;
      seen.add(event.complaintId);
      if (event.type !== 'Registered' && !states.has(event.complaintId)) missing.push(event.complaintId);
    }
    return missing;
  }

  /** Their states, read together: one await per chunk, not one per complaint. */
  async function loadStates(complaintIds: readonly ComplaintId[]): Promise<Map<ComplaintId, ComplaintState>> {
    const histories = await Promise.all(
      complaintIds.map((complaintId) =>
        db.events
          .where('[complaintId+seq]')
          .between([complaintId, Dexie.minKey], [complaintId, Dexie.maxKey])
          .toArray(),
      ),
    );
    const loaded = new Map<ComplaintId, ComplaintState>();
    for (const history of histories) if (history[0]) loaded.set(history[0].complaintId, foldComplaint(history.map(toDomainEvent)));
    return loaded;
  }

  return {
    async importChunk(chunk) {
      // Folded into a copy, adopted only once the chunk is committed: Dexie may run a transaction callback
      // again (after reopening a closed database), and a failed chunk must not advance the states.
      const folded = new Map<ComplaintId, ComplaintState>();
      await db.transaction('rw', [db.events, db.complaints, db.searchDocs, db.kpiFacts, db.counters], async () => {
        folded.clear();
        const held = await highestLocalSeq(db);
        const events = chunk.filter((event) => event.seq > held);
        const first = events[0];
        const last = events[events.length - 1];
        if (!first || !last) return;
        if (first.seq !== held + 1) throw new LogGapError(held + 1, first.seq);
        const toLoad = historiesToLoad(events);
        // Await only real reads: in Chromium, needless awaits let the transaction commit early.
        const loaded = toLoad.length > 0 ? await loadStates(toLoad) : undefined;
        for (const event of events) {
          const before = folded.get(event.complaintId) ?? states.get(event.complaintId) ?? loaded?.get(event.complaintId);
          folded.set(event.complaintId, applyEvent(before, event));
        }
        const projected = [...folded.values()].map((state) => projectState(state, summarize));
        // Most steps leave the searched text as it was: its doc is rewritten (and searches' cache dropped) only when it changed.
        const docsBefore = options.databaseWasEmpty ? [] : await db.searchDocs.bulkGet([...folded.keys()]);
        const docs = projected.map((p) => p.searchDoc).filter((doc, i) => !sameDoc(docsBefore[i], doc));
        const counters = countersFromEvents(events);
        // Main's journal is gap-free: holding these events, it holds every event before them too.
        counters.push({ key: JOURNALED_THROUGH_KEY, last: last.seq });
        if (docs.length > 0) counters.push({ key: SEARCH_DOCS_VERSION_KEY, last: last.seq });
        // Issued together: IndexedDB applies them in order without a round trip between each.
        await Promise.all([
          db.events.bulkAdd(events),
          db.complaints.bulkPut(projected.map((p) => p.record)),
          db.kpiFacts.bulkPut(projected.map((p) => p.kpi)),
          docs.length > 0 ? db.searchDocs.bulkPut(docs) : undefined,
          raiseCounters(db, counters, registeredIn(events)),
        ]);
      });
      for (const [id, state] of folded) states.set(id, state);
    },
  };
}
