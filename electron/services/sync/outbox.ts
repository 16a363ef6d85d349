/**
 * The outbox's bookkeeping (DESIGN.md "Where data lives": the journal itself is the outbox; this says how far
 * head office has acknowledged it and which batches are on their way). Pure: the engine persists what these
 * functions return before it acts on it.
 *
 * Invariants: `planned` ranges are contiguous, start right after `ackedThroughSeq` and hold at most
 * BATCH_MAX_EVENTS each. A range, once planned, is the only batch its events travel in (over HTTP and on USB)
 * until head office acknowledges it or says it stands somewhere else: so a batch id always names the same
 * events, and a resend after a lost answer is a duplicate, never a new batch.
 */
import { z } from 'zod';
import { SyncEnrolmentInfoSchema, SyncProblemSchema, SYNC_INTERVAL_MINUTES, type SyncProblemCode, type SyncState, type SyncStatus } from '../../../shared/api/sync';
import { BATCH_MAX_EVENTS } from '../../../shared/sync/protocol';

const RangeSchema = z.strictObject({ fromSeq: z.int().min(1), toSeq: z.int().min(1) });
export type SeqRange = z.infer<typeof RangeSchema>;

export const OutboxSchema = z.strictObject({
  version: z.literal(1),
  enrolment: SyncEnrolmentInfoSchema.nullable(),
  enabled: z.boolean(),
  intervalMinutes: z.int().min(SYNC_INTERVAL_MINUTES.min).max(SYNC_INTERVAL_MINUTES.max),
  ackedThroughSeq: z.int().nonnegative(),
  planned: z.array(RangeSchema),
  lastSuccessAt: z.iso.datetime({ offset: true }).nullable(),
  lastAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: SyncProblemSchema.nullable(),
  /** Failed attempts in a row: the back-off grows with it and a success resets it. */
  failures: z.int().nonnegative(),
});
export type Outbox = z.infer<typeof OutboxSchema>;

export const EMPTY_OUTBOX: Outbox = {
  version: 1,
  enrolment: null,
  enabled: true,
  intervalMinutes: SYNC_INTERVAL_MINUTES.default,
  ackedThroughSeq: 0,
  planned: [],
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  failures: 0,
};

/** The next batch to send: the first planned range, or a new one after the acknowledged events; none when all are. */
export function nextRange(outbox: Outbox, lastSeq: number): { outbox: Outbox; range: SeqRange | undefined } {
  const first = outbox.planned[0];
  if (first) return { outbox, range: first };
  const fromSeq = outbox.ackedThroughSeq + 1;
  if (fromSeq > lastSeq) return { outbox, range: undefined };
  const range = { fromSeq, toSeq: Math.min(lastSeq, fromSeq + BATCH_MAX_EVENTS - 1) };
  return { outbox: { ...outbox, planned: [range] }, range };
}

/** Plans batches for every pending event (the USB export writes them all). */
export function planAll(outbox: Outbox, lastSeq: number): Outbox {
  const planned = [...outbox.planned];
  let fromSeq = (planned.at(-1)?.toSeq ?? outbox.ackedThroughSeq) + 1;
  while (fromSeq <= lastSeq) {
    const toSeq = Math.min(lastSeq, fromSeq + BATCH_MAX_EVENTS - 1);
    planned.push({ fromSeq, toSeq });
    fromSeq = toSeq + 1;
  }
  return { ...outbox, planned };
}

/**
 * Head office says it holds every event up to `ackedThroughSeq` (an acknowledgement, a status answer, or a
 * sequence gap's `expectedFromSeq - 1`). Acknowledged batches are dropped; a planned batch that no longer starts
 * right after what head office holds cannot be sent as it is, so planning starts again from there. A lower
 * number than before means head office lost events (restored from an older backup): they are sent again.
 */
export function reconcile(outbox: Outbox, ackedThroughSeq: number): Outbox {
  if (ackedThroughSeq === outbox.ackedThroughSeq) return outbox;
  if (ackedThroughSeq < outbox.ackedThroughSeq) return { ...outbox, ackedThroughSeq, planned: [] };
  const remaining = outbox.planned.filter((range) => range.toSeq > ackedThroughSeq);
  const stillContiguous = remaining[0]?.fromSeq === ackedThroughSeq + 1;
  return { ...outbox, ackedThroughSeq, planned: stillContiguous ? remaining : [] };
}

/** Only moves forward: an old acknowledgement file must not bring back events head office already holds. */
export function acknowledge(outbox: Outbox, ackedThroughSeq: number): Outbox {
  return ackedThroughSeq > outbox.ackedThroughSeq ? reconcile(outbox, ackedThroughSeq) : outbox;
}

const NETWORK_PROBLEMS: ReadonlySet<SyncProblemCode> = new Set(['unreachable', 'timeout']);

function stateOf(outbox: Outbox, pending: number): SyncState {
  if (!outbox.enrolment) return 'not_enrolled';
  if (!outbox.enabled) return 'disabled';
  if (outbox.lastError) return NETWORK_PROBLEMS.has(outbox.lastError.code) ? 'offline' : 'error';
  return pending > 0 ? 'pending' : 'synced';
}

/** What the window shows: the outbox against the journal's length, and what the engine is doing now. */
export function statusOf(outbox: Outbox, now: { journaledThroughSeq: number; running: boolean; nextAttemptAt: string | null }): SyncStatus {
  const pending = Math.max(0, now.journaledThroughSeq - outbox.ackedThroughSeq);
  const scheduled = outbox.enrolment !== null && outbox.enabled;
  return {
    state: stateOf(outbox, pending),
    running: now.running,
    enrolment: outbox.enrolment,
    enabled: outbox.enabled,
    intervalMinutes: outbox.intervalMinutes,
    journaledThroughSeq: now.journaledThroughSeq,
    ackedThroughSeq: Math.min(outbox.ackedThroughSeq, now.journaledThroughSeq),
    pending,
    lastSuccessAt: outbox.lastSuccessAt,
    lastAttemptAt: outbox.lastAttemptAt,
    nextAttemptAt: scheduled ? now.nextAttemptAt : null,
    lastError: outbox.lastError,
  };
}
