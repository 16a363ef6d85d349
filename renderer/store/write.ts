/**
 * The one write path: a command decides on the complaint's current state, and its events, the updated row and
 * the counters are written in ONE IndexedDB transaction — all of them or none. A refusal, or any failure
 * while writing, aborts the transaction, so no event, row or counter is left half-written.
 */
import { Dexie } from 'dexie';
import type { BranchCode, ComplaintId } from '../../shared/brand';
import { stampEvents, type DomainEvent, type EventDraft } from '../../shared/domain/events';
import { applyEvent } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { ok, refuse, type Refusal, type Result } from '../../shared/result';
import { addRegistered, branchSeqKey, lastOf } from './counters';
import type { DeskDb } from './db';
import { projectState, type DeadlineSummarizer } from './projection';
import { toDomainEvent, type CounterRecord } from './records';

export interface Decision {
  drafts: EventDraft[];
  /** Counters the events consume (the daily complaint sequence); the event seq is handled here. */
  counters?: CounterRecord[];
}

/** Runs inside the transaction: may read counters through `db`, must not await anything but Dexie. */
export type Decide = (state: ComplaintState | undefined) => Promise<Result<Decision>> | Result<Decision>;

/** Carries a refusal out of the transaction callback, which aborts the transaction on the way. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

async function currentState(db: DeskDb, complaintId: ComplaintId | undefined): Promise<ComplaintState | undefined> {
  if (complaintId === undefined) return undefined;
  let state: ComplaintState | undefined;
  await db.events
    .where('[complaintId+seq]')
    .between([complaintId, Dexie.minKey], [complaintId, Dexie.maxKey])
    .each((stored) => {
      state = applyEvent(state, toDomainEvent(stored));
    });
  return state;
}

export async function writeCommand(
  db: DeskDb,
  place: { branch: BranchCode; summarize: DeadlineSummarizer },
  /** The complaint acted on; undefined for a registration, whose command names the new complaint. */
  complaintId: ComplaintId | undefined,
  decide: Decide,
): Promise<Result<DomainEvent[]>> {
  try {
    return await db.transaction('rw', [db.events, db.complaints, db.searchDocs, db.counters], async () => {
      const before = await currentState(db, complaintId);
      const decided = await decide(before);
      if (!decided.ok) throw new Refused(decided.error);
      const { drafts, counters = [] } = decided.value;
      if (drafts.length === 0) return ok([]);
      const seqKey = branchSeqKey(place.branch);
      const firstSeq = (await lastOf(db, seqKey)) + 1;
      const events = stampEvents(drafts, { branch: place.branch, firstSeq });
      const after = events.reduce<ComplaintState | undefined>(applyEvent, before);
      if (!after || (complaintId !== undefined && after.id !== complaintId)) {
        throw new Error(`A command wrote events for another complaint than ${complaintId ?? 'the new one'}`);
      }
      const { record, searchDoc } = projectState(after, place.summarize);
      await db.events.bulkAdd(events.map((event) => ({ ...event, journaled: 0 as const })));
      await db.complaints.put(record);
      await db.searchDocs.put(searchDoc);
      await db.counters.bulkPut([...counters, { key: seqKey, last: firstSeq + events.length - 1 }]);
      await addRegistered(db, events);
      return ok(events);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.refusal };
    // Not the user's doing (disk full, storage lost, a duplicate id): nothing was written; say so plainly.
    return refuse('storage_failed', `The change was not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
