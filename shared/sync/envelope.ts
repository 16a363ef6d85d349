/**
 * Making signed envelopes: one way for a branch's outbox, a USB export, head office's acknowledgement files and
 * the tests, so every sender produces exactly what head office checks.
 */
import { BranchCodeSchema, type BranchCode } from '../brand';
import { batchIdOf, SYNC_PROTOCOL, SYNC_PROTOCOL_VERSION, type BatchEnvelope } from './protocol';
import { payloadHashOf, signBatch } from './signature';

/** A USB batch file's name ends with this; head office writes its acknowledgement beside it with ACK_FILE_SUFFIX. */
export const BATCH_FILE_SUFFIX = '.cdbatch';
export const ACK_FILE_SUFFIX = '.cdack';

/** `SH01-1-1000.cdbatch` → `SH01-1-1000.cdack` (any other name gets the suffix added). */
export function ackFileNameFor(batchFileName: string): string {
  return (batchFileName.endsWith(BATCH_FILE_SUFFIX) ? batchFileName.slice(0, -BATCH_FILE_SUFFIX.length) : batchFileName) + ACK_FILE_SUFFIX;
}

/** Signs `body` (already JSON text) for `branch` at `timestamp`. */
export async function sealEnvelope(secret: string, branch: BranchCode | string, body: string, timestamp: string): Promise<BatchEnvelope> {
  const unsigned: Omit<BatchEnvelope, 'signature'> = { protocol: SYNC_PROTOCOL, v: SYNC_PROTOCOL_VERSION, branch: BranchCodeSchema.parse(branch), timestamp, body };
  return { ...unsigned, signature: await signBatch(secret, unsigned) };
}

/**
 * A signed batch of consecutive events of one branch (`events[0].seq` is fromSeq), made at `sentAt`. The same
 * events always give the same batch id and payload hash; only `sentAt` and the signature are fresh.
 */
export async function batchEnvelope(
  secret: string,
  branch: BranchCode | string,
  events: readonly { readonly seq: number }[],
  sentAt: string,
): Promise<BatchEnvelope> {
  const fromSeq = events[0]?.seq;
  if (fromSeq === undefined) throw new Error('a batch carries at least one event');
  const toSeq = fromSeq + events.length - 1;
  const body = JSON.stringify({ batchId: batchIdOf(branch, fromSeq, toSeq), branch, fromSeq, toSeq, sentAt, payloadHash: await payloadHashOf(events), events });
  return sealEnvelope(secret, branch, body, sentAt);
}
