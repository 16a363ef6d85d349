/**
 * Making the signed envelopes a branch sends: a batch of consecutive journal events (HTTP and USB carry the
 * same bytes), and the empty status request. Head office checks exactly what is made here.
 */
import { batchIdOf, SYNC_PROTOCOL, SYNC_PROTOCOL_VERSION, type BatchEnvelope } from '../../../shared/sync/protocol';
import { BranchCodeSchema } from '../../../shared/brand';
import { payloadHashOf, signBatch } from '../../../shared/sync/signature';

/** A USB batch file's name ends with this; head office writes its acknowledgement beside it with ACK_FILE_SUFFIX. */
export const BATCH_FILE_SUFFIX = '.cdbatch';
export const ACK_FILE_SUFFIX = '.cdack';

/** Signs `body` (already JSON text) for `branch` at `timestamp`. */
export async function sealEnvelope(secret: string, branch: string, body: string, timestamp: string): Promise<BatchEnvelope> {
  const unsigned: Omit<BatchEnvelope, 'signature'> = { protocol: SYNC_PROTOCOL, v: SYNC_PROTOCOL_VERSION, branch: BranchCodeSchema.parse(branch), timestamp, body };
  return { ...unsigned, signature: await signBatch(secret, unsigned) };
}

/**
 * A signed batch of consecutive events of one branch (`events[0].seq` is fromSeq), made at `sentAt`. The same
 * events always give the same batch id and payload hash; only `sentAt` and the signature are fresh.
 */
export async function batchEnvelope(secret: string, branch: string, events: readonly { readonly seq: number }[], sentAt: string): Promise<BatchEnvelope> {
  const fromSeq = events[0]?.seq;
  if (fromSeq === undefined) throw new Error('a batch carries at least one event');
  const toSeq = fromSeq + events.length - 1;
  const body = JSON.stringify({ batchId: batchIdOf(branch, fromSeq, toSeq), branch, fromSeq, toSeq, sentAt, payloadHash: await payloadHashOf(events), events });
  return sealEnvelope(secret, branch, body, sentAt);
}
