/**
 * Import of events that are already in main's journal (a step's answer, another window's steps, a catch-up):
 * one transaction per chunk writes the events, the rows and KPI facts of the complaints they touch and the counters, folding
 * with the shared reducer. Folded states are carried from chunk to chunk, so a complaint whose events span two
 * chunks is folded once. A restore into an empty database holds its rows back instead (restore-import.ts).
 */
import { Dexie } from 'dexie';
import type { ComplaintId } from '../../shared/brand';
import { withoutPersonalData } from '../../shared/domain/anonymise';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent, foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { countersFromEvents, JOURNALED_THROUGH_KEY, raiseCounters, registeredIn, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { projectState, type StateSummarizer } from './projection';
import { linkRepeatsAround } from './repeat-links';
import { toDomainEvent, type CounterRecord, type SearchDoc } from './records';

const sameDoc = (a: SearchDoc | undefined, b: SearchDoc): boolean => a !== undefined && a.text === b.text && a.receivedAt === b.receivedAt;

export interface EventImporter {
  /**
   * Imports events in seq order (one transaction); call once per page or chunk. Events this database already
   * holds (another tab of the same browser imported them first) are skipped; a chunk that would leave a gap in
   * the log throws `LogGapError`, and nothing of it is written.
   */
  importChunk(events: readonly DomainEvent[]): Promise<void>;
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
  const last = await db.events.orderBy('[branch+seq]').last();
  return last?.seq ?? 0;
}

/**
 * How far this copy has read main's journal, as a `journal.read` position: the number of events it holds. Every
 * event came from the journal, which is gap-free, so the two agree — at a branch (where a position is the seq)
 * and at head office (every branch's events in arrival order, where the seqs of one branch say nothing of it).
 */
export function journalPosition(db: DeskDb): Promise<number> {
  return db.events.count();
}

/** The seq of the last event of `branch` this database holds (0 when none). */
async function highestSeqOf(db: DeskDb, branch: string): Promise<number> {
  const last = await db.events.where('[branch+seq]').between([branch, Dexie.minKey], [branch, Dexie.maxKey]).last();
  return last?.seq ?? 0;
}

/**
 * The events of `chunk` this database does not hold yet, which must continue each branch's log (else
 * `LogGapError`): a branch's desk holds one branch, head office's screens hold every branch. Call inside the
 * rw transaction that writes them.
 */
export async function eventsToAdd(db: DeskDb, chunk: readonly DomainEvent[]): Promise<DomainEvent[]> {
  const branches = [...new Set(chunk.map((event) => event.branch))];
  const held = new Map(await Promise.all(branches.map(async (branch) => [branch, await highestSeqOf(db, branch)] as const)));
  const events = chunk.filter((event) => event.seq > (held.get(event.branch) ?? 0));
  for (const event of events) {
    const expected = (held.get(event.branch) ?? 0) + 1;
    if (event.seq !== expected) throw new LogGapError(expected, event.seq);
    held.set(event.branch, event.seq);
  }
  return events;
}

/**
 * Writes the events with the counters they raise. Every event imported comes from main's journal, which is
 * gap-free: holding these events, it holds every event before them too, so the journal watermark rises to the
 * last. Call inside a rw transaction over events and counters, with `events` from `eventsToAdd`.
 */
export function addJournalEvents(db: DeskDb, events: readonly DomainEvent[], extraCounters: readonly CounterRecord[] = []): Promise<unknown> {
  const last = events[events.length - 1];
  if (!last) return Promise.resolve();
  const counters = [...countersFromEvents(events), { key: JOURNALED_THROUGH_KEY, last: last.seq }, ...extraCounters];
  // An anonymised complaint's events are kept without personal data, those stored before included (main rewrote
  // its journal the same way; a page read just before the rewrite may still carry them).
  const anonymised = new Set(events.filter((event) => event.type === 'Anonymised').map((event) => event.complaintId));
  const stored = anonymised.size === 0 ? events : events.map((event) => (anonymised.has(event.complaintId) ? withoutPersonalData(event) : event));
  // Issued together: IndexedDB applies them in order without a round trip between each.
  return Promise.all([db.events.bulkAdd(stored), raiseCounters(db, counters, registeredIn(events)), ...[...anonymised].map((id) => removeStoredPersonalData(db, id))]);
}

/** The incremental import: each chunk's rows are written with its events. */
export function createEventImporter(db: DeskDb, summarize: StateSummarizer): EventImporter {
  const states = new Map<ComplaintId, ComplaintState>();

  /** Complaints the chunk continues whose earlier events are only in IndexedDB (a Registered event starts a history). */
  function historiesToLoad(events: readonly DomainEvent[]): ComplaintId[] {
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
        const events = await eventsToAdd(db, chunk);
        const last = events[events.length - 1];
        if (!last) return;
        const toLoad = historiesToLoad(events);
        // Await only real reads: in Chromium, needless awaits let the transaction commit early.
        const loaded = toLoad.length > 0 ? await loadStates(toLoad) : undefined;
        for (const event of events) {
          const before = folded.get(event.complaintId) ?? states.get(event.complaintId) ?? loaded?.get(event.complaintId);
          folded.set(event.complaintId, applyEvent(before, event));
        }
        const projected = [...folded.values()].map((state) => projectState(state, summarize));
        // Most steps leave the searched text as it was: its doc is rewritten (and searches' cache dropped) only when it changed.
        const docsBefore = await db.searchDocs.bulkGet([...folded.keys()]);
        const docs = projected.map((p) => p.searchDoc).filter((doc, i) => !sameDoc(docsBefore[i], doc));
        // Head office: the customer keys these complaints had, so those who shared only an old one are judged again.
        const keysBefore = db.linksCustomers ? (await db.kpiFacts.bulkGet([...folded.keys()])).flatMap((fact) => fact?.customerKeys ?? []) : [];
        const facts = projected.map((p) => p.kpi);
        await Promise.all([
          addJournalEvents(db, events, docs.length > 0 ? [{ key: SEARCH_DOCS_VERSION_KEY, last: last.seq }] : []),
          db.complaints.bulkPut(projected.map((p) => p.record)),
          db.kpiFacts.bulkPut(facts),
          docs.length > 0 ? db.searchDocs.bulkPut(docs) : undefined,
        ]);
        if (db.linksCustomers) await linkRepeatsAround(db.kpiFacts, facts, keysBefore);
      });
      for (const [id, state] of folded) states.set(id, state);
    },
    // Nothing is held back: every chunk wrote its rows.
    finish: () => Promise.resolve(),
  };
}

/**
 * An anonymised complaint's earlier events lose their personal fields here too (main rewrote its journal the
 * same way): the copy must not keep what the record no longer holds.
 */
function removeStoredPersonalData(db: DeskDb, complaintId: ComplaintId): Promise<number> {
  return db.events
    .where('[complaintId+seq]')
    .between([complaintId, Dexie.minKey], [complaintId, Dexie.maxKey])
    .modify((stored, ref) => {
      const event = toDomainEvent(stored);
      const scrubbed = withoutPersonalData(event);
      if (scrubbed !== event) ref.value = { ...scrubbed, ...(stored.journaled === undefined ? {} : { journaled: stored.journaled }) };
    });
}
