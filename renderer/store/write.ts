/**
 * The one write path: a command decides on the complaint's current state, and its events, the updated row and
 * the counters are written in ONE IndexedDB transaction — all of them or none. A refusal, or any failure
 * while writing, aborts the transaction, so no event, row or counter is left half-written.
 *
 * Registration is the hot path (the desk's target is ≤ 3× a bare Dexie add), so the transaction makes one
 * round of reads (the complaint's events, its search doc and every counter it needs, together) and one round
 * of writes. The escalation sweep writes many complaints (each once) the same way, in one transaction.
 */
import { Dexie } from 'dexie';
import type { BranchCode, ComplaintId } from '../../shared/brand';
import { stampEvents, type DomainEvent, type EventDraft } from '../../shared/domain/events';
import { applyEvent, foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { ok, refuse, type Refusal, type Result } from '../../shared/result';
import { branchSeqKey, COMPLAINT_TOTAL_KEY, registeredIn, SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import { projectState, type DeadlineSummarizer } from './projection';
import { toDomainEvent, type ComplaintRecord, type CounterRecord, type SearchDoc } from './records';

export interface Decision {
  drafts: EventDraft[];
  /** Counters the events consume (the daily complaint sequence); the event seq and the total are handled here. */
  counters?: CounterRecord[];
  /**
   * Events that follow by rule from the state the decided events produce (the automatic escalations now due),
   * appended in the same transaction so the record never shows the step without its consequence.
   */
  consequences?: (after: ComplaintState) => EventDraft[];
}

/** The value of a counter read before deciding (0 when it was never written). */
export type CounterValue = (key: string) => number;

/** Runs inside the transaction, synchronously: what it needs from `counters` is read for it beforehand. */
export type Decide = (state: ComplaintState | undefined, counter: CounterValue) => Result<Decision>;

/** Carries a refusal out of the transaction callback, which aborts the transaction on the way. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

async function currentState(db: DeskDb, complaintId: ComplaintId | undefined): Promise<ComplaintState | undefined> {
  if (complaintId === undefined) return undefined;
  const stored = await db.events
    .where('[complaintId+seq]')
    .between([complaintId, Dexie.minKey], [complaintId, Dexie.maxKey])
    .toArray();
  return stored.length > 0 ? foldComplaint(stored.map(toDomainEvent)) : undefined;
}

/** One complaint's part of a write: the complaint acted on (undefined for a registration) and what to do with it. */
export interface ComplaintWrite {
  complaintId: ComplaintId | undefined;
  decide: Decide;
}

type Place = { branch: BranchCode; summarize: DeadlineSummarizer };

export function writeCommand(
  db: DeskDb,
  place: Place,
  /** The complaint acted on; undefined for a registration, whose command names the new complaint. */
  complaintId: ComplaintId | undefined,
  decide: Decide,
  /** Counters `decide` reads (besides the event seq and the total, which are always read). */
  counterKeys: readonly string[] = [],
): Promise<Result<DomainEvent[]>> {
  return writeComplaints(db, place, [{ complaintId, decide }], counterKeys);
}

const sameDoc = (a: SearchDoc | undefined, b: SearchDoc): boolean => a !== undefined && a.text === b.text && a.receivedAt === b.receivedAt;

/**
 * Several complaints in one transaction (the escalation sweep's batches), each named once: each decides on its
 * own current state, their events take consecutive seqs, and a refusal of any one writes nothing at all.
 */
export async function writeComplaints(db: DeskDb, place: Place, writes: readonly ComplaintWrite[], counterKeys: readonly string[] = []): Promise<Result<DomainEvent[]>> {
  const seqKey = branchSeqKey(place.branch);
  const known = writes.flatMap((write) => (write.complaintId === undefined ? [] : [write.complaintId]));
  try {
    return await db.transaction('rw', [db.events, db.complaints, db.searchDocs, db.counters], async () => {
      const [states, stored, storedDocs] = await Promise.all([
        Promise.all(writes.map((write) => currentState(db, write.complaintId))),
        db.counters.bulkGet([seqKey, COMPLAINT_TOTAL_KEY, ...counterKeys]),
        db.searchDocs.bulkGet(known),
      ]);
      const values = new Map(stored.flatMap((counter) => (counter ? [[counter.key, counter.last] as const] : [])));
      const counter: CounterValue = (key) => values.get(key) ?? 0;
      const docsBefore = new Map(storedDocs.flatMap((doc) => (doc ? [[doc.id, doc] as const] : [])));
      let nextSeq = counter(seqKey) + 1;
      const events: DomainEvent[] = [];
      const rows: ComplaintRecord[] = [];
      const docs: SearchDoc[] = [];
      const written: CounterRecord[] = [];
      writes.forEach((write, i) => {
        const decided = write.decide(states[i], counter);
        if (!decided.ok) throw new Refused(decided.error);
        const { drafts, counters = [], consequences } = decided.value;
        if (drafts.length === 0) return;
        const before = states[i];
        const decidedEvents = stampEvents(drafts, { branch: place.branch, firstSeq: nextSeq });
        const decidedState = decidedEvents.reduce<ComplaintState | undefined>(applyEvent, before);
        if (!decidedState || (write.complaintId !== undefined && decidedState.id !== write.complaintId)) {
          throw new Error(`A command wrote events for another complaint than ${write.complaintId ?? 'the new one'}`);
        }
        const following = consequences ? stampEvents(consequences(decidedState), { branch: place.branch, firstSeq: nextSeq + decidedEvents.length }) : [];
        const after = following.reduce(applyEvent, decidedState);
        events.push(...decidedEvents, ...following);
        nextSeq += decidedEvents.length + following.length;
        const { record, searchDoc } = projectState(after, place.summarize);
        rows.push(record);
        // Most steps leave the searched text as it was: its doc is rewritten (and searches' cache dropped) only when it changed.
        if (!sameDoc(docsBefore.get(after.id), searchDoc)) docs.push(searchDoc);
        written.push(...counters);
      });
      if (events.length === 0) return ok([]);
      const lastSeq = nextSeq - 1;
      written.push({ key: seqKey, last: lastSeq });
      const registered = registeredIn(events);
      if (registered > 0) written.push({ key: COMPLAINT_TOTAL_KEY, last: counter(COMPLAINT_TOTAL_KEY) + registered });
      if (docs.length > 0) written.push({ key: SEARCH_DOCS_VERSION_KEY, last: lastSeq });
      // Issued together: IndexedDB still applies them in order, without a round trip between each.
      await Promise.all([db.events.bulkAdd(events), db.complaints.bulkPut(rows), docs.length > 0 ? db.searchDocs.bulkPut(docs) : undefined, db.counters.bulkPut(written)]);
      return ok(events);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.refusal };
    // Not the user's doing (disk full, storage lost, a duplicate id): nothing was written; say so plainly.
    return refuse('storage_failed', `The change was not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
