/**
 * The branch → head office sync protocol, declared once (docs/sync-protocol.md explains it with examples).
 *
 * A batch carries a contiguous range of one branch's journal (seq `fromSeq`..`toSeq`) inside a signed envelope.
 * The envelope is the same over HTTP (`POST /api/v1/batches`, gzip) and on a USB stick (a `.cdbatch` file), so
 * head office runs one set of checks for both. The body travels as text and the signature covers that exact
 * text: head office verifies before it parses anything, and a batch id names one range of events forever (the
 * branch never sends the same events as a different batch; the same id with other content is refused).
 */
import { z } from 'zod';
import { BranchCodeSchema } from '../brand';

export const SYNC_PROTOCOL = 'complaint-desk-sync' as const;
export const SYNC_PROTOCOL_VERSION = 1;

/** Events one batch may carry; a month offline (≈50 000 events) is ~50 batches. */
export const BATCH_MAX_EVENTS = 1000;
/** Largest envelope accepted on the wire, compressed or not (checked before the body is read). */
export const BATCH_MAX_BYTES = 4 * 1024 * 1024;
/** Largest envelope once decompressed: a gzip bomb is refused as too large, not inflated. */
export const BATCH_MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** How far the sender's clock may be from head office's for an HTTP batch (USB files are exempt: see below). */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;

const HexSha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');
const InstantSchema = z.iso.datetime({ offset: true });

/** `SH01-1-1000`: the branch and its range, so a batch id is readable in logs and can only mean one range. */
export const BatchIdSchema = z.string().regex(/^[A-Z0-9]{2,16}-[1-9][0-9]*-[1-9][0-9]*$/, 'batch id: <branch>-<fromSeq>-<toSeq>');
export type BatchId = z.infer<typeof BatchIdSchema>;

export function batchIdOf(branch: string, fromSeq: number, toSeq: number): BatchId {
  return BatchIdSchema.parse(`${branch}-${fromSeq}-${toSeq}`);
}

/** What is signed: the batch itself. `payloadHash` is SHA-256 of `JSON.stringify(events)` (see `payloadHashOf`). */
export const BatchBodySchema = z
  .strictObject({
    batchId: BatchIdSchema,
    branch: BranchCodeSchema,
    fromSeq: z.int().min(1),
    toSeq: z.int().min(1),
    /** The sender's clock when the batch was made, for head office's clock-skew report. */
    sentAt: InstantSchema,
    payloadHash: HexSha256Schema,
    events: z.array(z.unknown()).min(1).max(BATCH_MAX_EVENTS),
  })
  .refine((body) => body.toSeq - body.fromSeq + 1 === body.events.length, { message: 'the range fromSeq..toSeq must hold exactly the events sent', path: ['toSeq'] })
  .refine((body) => body.batchId === `${body.branch}-${body.fromSeq}-${body.toSeq}`, { message: 'batch id must be <branch>-<fromSeq>-<toSeq>', path: ['batchId'] });
export type BatchBody = z.infer<typeof BatchBodySchema>;

/**
 * The envelope. `signature` is HMAC-SHA256 with the branch's secret over `signingText(envelope)`, in lowercase
 * hex. `body` is the JSON text of a BatchBody; `events` inside it are parsed one by one with `parseEvent` only
 * after the signature holds, so a malformed event is named, not lumped with a bad envelope.
 */
export const BatchEnvelopeSchema = z.strictObject({
  protocol: z.literal(SYNC_PROTOCOL),
  v: z.int().min(1),
  branch: BranchCodeSchema,
  /** The sender's clock at signing (ISO 8601): inside the replay window for HTTP. */
  timestamp: InstantSchema,
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'signature: HMAC-SHA256 in lowercase hex'),
  body: z.string().min(2),
});
export type BatchEnvelope = z.infer<typeof BatchEnvelopeSchema>;

/** The exact text the signature covers: version, branch, timestamp and body, one per line. */
export function signingText(envelope: { readonly v: number; readonly branch: string; readonly timestamp: string; readonly body: string }): string {
  return `${SYNC_PROTOCOL}/${envelope.v}\n${envelope.branch}\n${envelope.timestamp}\n${envelope.body}`;
}

/** Every reason head office refuses a batch; stable, for the branch UI to translate and for logs. */
export const SYNC_REFUSAL_CODES = [
  'bad_signature',
  'unknown_branch',
  'revoked_branch',
  /** The batch does not start right after what head office holds; `expectedFromSeq` says where it should. */
  'sequence_gap',
  /** The envelope or body is not the protocol's shape (unparseable JSON, missing field, wrong batch id…). */
  'malformed_batch',
  /** One event does not parse as an event of this build; `seq` and `eventId` (when readable) name it. */
  'malformed_event',
  /** One event is not a step the shared domain allows from the complaint's state; `refusal` is the domain's code. */
  'domain_refused',
  'hash_mismatch',
  'too_large',
  'unsupported_version',
  /** HTTP only: the timestamp is outside REPLAY_WINDOW_MS of head office's clock; `serverTime` lets the branch correct. */
  'timestamp_outside_window',
  /** The same batch id arrived before with other content. */
  'batch_conflict',
] as const;
export const SyncRefusalCodeSchema = z.enum(SYNC_REFUSAL_CODES);
export type SyncRefusalCode = z.infer<typeof SyncRefusalCodeSchema>;

/** Head office's answer to one batch (HTTP response body, and the per-file result of a USB import). */
export const BatchResultSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('accepted'),
    batchId: BatchIdSchema,
    /** Everything of this branch up to here is stored at head office: the branch may advance "sent up to". */
    ackedThroughSeq: z.int().nonnegative(),
    serverTime: InstantSchema,
  }),
  /** The batch was stored before: the same answer again, nothing changed. */
  z.strictObject({
    status: z.literal('duplicate'),
    batchId: BatchIdSchema,
    ackedThroughSeq: z.int().nonnegative(),
    serverTime: InstantSchema,
  }),
  z.strictObject({
    status: z.literal('refused'),
    batchId: BatchIdSchema.optional(),
    code: SyncRefusalCodeSchema,
    /** A plain English sentence for logs; the branch UI translates `code`. */
    message: z.string(),
    serverTime: InstantSchema,
    expectedFromSeq: z.int().min(1).optional(),
    seq: z.int().min(1).optional(),
    eventId: z.string().optional(),
    /** For `domain_refused`: the shared domain's refusal code. */
    refusal: z.string().optional(),
  }),
]);
export type BatchResult = z.infer<typeof BatchResultSchema>;

/**
 * A branch asking where head office stands (`POST /api/v1/status`, same signature over an empty JSON body
 * `{}`): how the branch learns of a USB import's acknowledgement on its next contact.
 */
export const BranchStatusSchema = z.strictObject({
  branch: BranchCodeSchema,
  ackedThroughSeq: z.int().nonnegative(),
  serverTime: InstantSchema,
});
export type BranchStatus = z.infer<typeof BranchStatusSchema>;

/**
 * What head office writes next to an imported USB file for the branch to read back: signed with the branch's
 * secret (same signing text, body = JSON of `{ ackedThroughSeq }`), so a forged file cannot drop the outbox.
 */
export const AckFileBodySchema = z.strictObject({ ackedThroughSeq: z.int().nonnegative() });
