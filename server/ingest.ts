/**
 * Receiving a batch (HTTP and USB alike): every check of the protocol in a fixed order, then one transaction
 * that stores the events, folds them into the consolidated complaints and advances the branch's watermark — or
 * changes nothing. The order matters to the branch: it learns the first thing wrong, and nothing is parsed
 * before the signature holds.
 */
import type { BranchCode } from '../shared/brand';
import { withoutPersonalData } from '../shared/domain/anonymise';
import { parseEvent, type DomainEvent } from '../shared/domain/events';
import { recheckEvent } from '../shared/domain/recheck';
import { applyEvent, ReplayError } from '../shared/domain/reducer';
import { ComplaintStateSchema, type ComplaintState } from '../shared/domain/state';
import { sealEnvelope } from '../shared/sync/envelope';
import {
  BatchBodySchema,
  BatchEnvelopeSchema,
  REPLAY_WINDOW_MS,
  SYNC_PROTOCOL,
  SYNC_PROTOCOL_VERSION,
  type BatchBody,
  type BatchEnvelope,
  type BatchResult,
  type BranchStatus,
  type SyncRefusalCode,
} from '../shared/sync/protocol';
import { payloadHashOf, signatureHolds } from '../shared/sync/signature';
import type { Db, Queryable } from './db/db';
import { complaintColumns, complaintRows, eventColumns, eventRows } from './db/rows';

/** HTTP batches must be fresh (replay window); a USB file may be weeks old. */
export type BatchSource = 'http' | 'file';

/** The advisory lock that orders head office's positions (`events.ho_pos`). */
export const HO_POSITION_LOCK = 7301123;

export type Refused = Extract<BatchResult, { status: 'refused' }>;
type RefusalExtra = Omit<Refused, 'status' | 'code' | 'message' | 'serverTime'>;

interface Authenticated {
  readonly envelope: BatchEnvelope;
  readonly branch: BranchCode;
}

/** Thrown inside the transaction so that nothing it wrote is kept; carries the answer. */
class Refusal extends Error {
  constructor(readonly result: Refused) {
    super(result.message);
  }
}

export interface Ingest {
  receive(raw: unknown, source: BatchSource): Promise<BatchResult>;
  /** Where head office stands for the branch that signed `raw` (body `{}`). */
  status(raw: unknown): Promise<BranchStatus | Refused>;
  /** A signed acknowledgement of everything stored for `branch`, for a USB round trip (AckFileBodySchema). */
  acknowledgement(branch: BranchCode): Promise<BatchEnvelope | undefined>;
  /** The branch that signed `raw` (any signed request: the policy pull) and the body it signed, or the refusal. */
  signedBody(raw: unknown): Promise<{ branch: BranchCode; body: string } | Refused>;
  /** Records a batch refused before it reached `receive` (too large, not JSON). */
  refusedEarly(code: SyncRefusalCode, message: string, source: BatchSource): Promise<Refused>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createIngest(db: Db, now: () => Date = () => new Date()): Ingest {
  const refusal = (code: SyncRefusalCode, message: string, extra: RefusalExtra = {}): Refused => ({
    status: 'refused',
    code,
    message,
    serverTime: now().toISOString(),
    ...extra,
  });

  async function authenticate(raw: unknown, source: BatchSource): Promise<Authenticated | Refused> {
    if (isRecord(raw) && typeof raw.v === 'number' && raw.v !== SYNC_PROTOCOL_VERSION) {
      return refusal('unsupported_version', `protocol version ${raw.v} is not supported (this head office speaks ${SYNC_PROTOCOL_VERSION})`);
    }
    const parsed = BatchEnvelopeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refusal('malformed_batch', `not a ${SYNC_PROTOCOL} envelope: ${issue ? `${issue.path.join('.') || 'envelope'}: ${issue.message}` : 'invalid'}`);
    }
    const envelope = parsed.data;
    const [row] = await db.query<{ secret: string | null; secret_revoked_at: Date | null }>('select secret, secret_revoked_at from branches where code = $1', [envelope.branch]);
    if (!row || (row.secret === null && row.secret_revoked_at === null)) return refusal('unknown_branch', `branch ${envelope.branch} is not enrolled at head office`);
    if (row.secret_revoked_at !== null || row.secret === null) return refusal('revoked_branch', `branch ${envelope.branch}'s secret was revoked; ask head office for a new enrolment code`);
    if (!(await signatureHolds(row.secret, envelope))) return refusal('bad_signature', `the signature does not match branch ${envelope.branch}'s secret`);
    if (source === 'http' && Math.abs(now().getTime() - Date.parse(envelope.timestamp)) > REPLAY_WINDOW_MS) {
      return refusal('timestamp_outside_window', `the batch was signed at ${envelope.timestamp}, more than ${REPLAY_WINDOW_MS / 60_000} minutes from head office's clock`);
    }
    return { envelope, branch: envelope.branch };
  }

  async function readBody(envelope: BatchEnvelope): Promise<BatchBody | Refused> {
    let json: unknown;
    try {
      json = JSON.parse(envelope.body);
    } catch {
      return refusal('malformed_batch', 'the body is not JSON');
    }
    const parsed = BatchBodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refusal('malformed_batch', `body ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
    }
    const body = parsed.data;
    if (body.branch !== envelope.branch) return refusal('malformed_batch', `the body is branch ${body.branch}'s but the envelope is ${envelope.branch}'s`, { batchId: body.batchId });
    if ((await payloadHashOf(body.events)) !== body.payloadHash) return refusal('hash_mismatch', 'the events do not match the payload hash', { batchId: body.batchId });
    return body;
  }

  /** Parses each event and checks it is the next of this branch's log: the events, or the first bad one named. */
  function readEvents(body: BatchBody): DomainEvent[] | Refused {
    const events: DomainEvent[] = [];
    for (const [index, raw] of body.events.entries()) {
      const seq = body.fromSeq + index;
      const parsed = parseEvent(raw);
      const eventId = isRecord(raw) && typeof raw.id === 'string' ? { eventId: raw.id.slice(0, 64) } : {};
      if (!parsed.ok) return refusal('malformed_event', `event at seq ${seq}: ${parsed.error.message}`, { batchId: body.batchId, seq, ...eventId });
      const event = parsed.value;
      if (event.branch !== body.branch) return refusal('malformed_event', `event at seq ${seq} is branch ${event.branch}'s`, { batchId: body.batchId, seq, ...eventId });
      if (event.seq !== seq) return refusal('malformed_event', `event at position ${index + 1} has seq ${event.seq}, not ${seq}`, { batchId: body.batchId, seq, ...eventId });
      events.push(event);
    }
    return events;
  }

  /** Folds `events` onto the stored complaints, re-judging each with the shared domain; the changed states. */
  async function fold(tx: Queryable, branch: BranchCode, batchId: string, events: readonly DomainEvent[]): Promise<Map<string, ComplaintState>> {
    const ids = [...new Set(events.map((event) => event.complaintId))];
    const numbers = events.flatMap((event) => (event.type === 'Registered' ? [event.payload.number] : []));
    // The complaints the batch continues, and any already holding a number it registers (one round trip).
    const stored = await tx.query<{ id: string; number: string; state: unknown }>(
      'select id, number, state from complaints where branch = $1 and (id = any($2::text[]) or number = any($3::text[]))',
      [branch, ids, numbers],
    );
    const known = new Set<string>(ids);
    const states = new Map<string, ComplaintState>(stored.filter((row) => known.has(row.id)).map((row) => [row.id, ComplaintStateSchema.parse(row.state) as ComplaintState]));
    const taken = new Set(stored.map((row) => row.number));
    const changed = new Map<string, ComplaintState>();
    for (const event of events) {
      const refuseEvent = (refusal: string, message: string) =>
        new Refusal({ status: 'refused', code: 'domain_refused', message: `seq ${event.seq}: ${message}`, serverTime: now().toISOString(), batchId, seq: event.seq, eventId: event.id, refusal });
      const before = states.get(event.complaintId);
      const rechecked = recheckEvent(before, event);
      if (rechecked) throw refuseEvent(rechecked.code, rechecked.message);
      if (event.type === 'Registered') {
        if (taken.has(event.payload.number)) throw refuseEvent('already_registered', `Event ${event.id}: complaint number ${event.payload.number} is already registered`);
        taken.add(event.payload.number);
      }
      let after: ComplaintState;
      try {
        after = applyEvent(before, event);
      } catch (error) {
        if (error instanceof ReplayError) throw refuseEvent(error.code, error.message);
        throw error;
      }
      states.set(event.complaintId, after);
      changed.set(event.complaintId, after);
    }
    return changed;
  }

  /**
   * The branch anonymised complaints in this batch (SPEC §6): what head office stored of them before loses its
   * personal data too, as the branch's journal did. Rewritten with the shared `withoutPersonalData`, so head
   * office keeps exactly what the branch keeps. Returns the batch's events to store: those of an anonymised
   * complaint without their personal data, the rest exactly as sent.
   */
  async function anonymise(tx: Queryable, body: BatchBody, events: readonly DomainEvent[]): Promise<readonly unknown[]> {
    const anonymised = new Set(events.flatMap((event) => (event.type === 'Anonymised' ? [event.complaintId] : [])));
    if (anonymised.size === 0) return body.events;
    const stored = await tx.query<{ seq: number; body: unknown }>(
      `select seq, body from events where branch = $1 and complaint_id = any($2::text[]) and type in ('Registered', 'EvidenceAttached')`,
      [body.branch, [...anonymised]],
    );
    const rewritten = stored.map((row) => {
      const parsed = parseEvent(row.body);
      if (!parsed.ok) throw new Error(`stored event ${body.branch}/${row.seq} no longer parses: ${parsed.error.message}`);
      return { seq: row.seq, body: withoutPersonalData(parsed.value) };
    });
    if (rewritten.length > 0) {
      await tx.query(
        `update events set body = r.body from (select (x->>'seq')::int as seq, x->'body' as body from json_array_elements($2::json) as x) as r
         where events.branch = $1 and events.seq = r.seq`,
        [body.branch, JSON.stringify(rewritten)],
      );
    }
    return events.map((event, index) => (anonymised.has(event.complaintId) ? withoutPersonalData(event) : body.events[index]));
  }

  /**
   * Everything an accepted batch changes, in one statement (a round trip costs more than the rows): the events
   * as the branch sent them (see `anonymise`) and the changed complaints, each as one JSON array with their
   * columns beside it (server/db/rows.ts); the branch's watermark; the batch's idempotency record.
   */
  async function commit(tx: Queryable, body: BatchBody, events: readonly DomainEvent[], stored: readonly unknown[], changed: Map<string, ComplaintState>, result: BatchResult & { status: 'accepted' }, source: BatchSource, clockSkewMs: number | null) {
    const states = [...changed.values()];
    // Head office's position of each event continues the last one: batches of different branches take turns
    // here, so positions are gap-free and commit in order (a reader never skips one that commits late).
    await tx.query('select pg_advisory_xact_lock($1)', [HO_POSITION_LOCK]);
    await tx.query(
      `with stored_events as (
         insert into events (branch, seq, event_id, complaint_id, type, at, body, ho_pos)
         select $1, r.*, (select coalesce(max(ho_pos), 0) from events) + row_number() over (order by r.seq)
         from (${eventRows(12, 2)}) as r
       ), stored_complaints as (
         insert into complaints (branch, id, number, status, grade, tier, received_at, updated_at, last_seq, state)
         select $1, r.* from (${complaintRows(17, 3)}) as r
         on conflict (branch, id) do update set status = excluded.status, grade = excluded.grade, tier = excluded.tier,
           updated_at = excluded.updated_at, last_seq = excluded.last_seq, state = excluded.state
       ), watermark as (
         update branches set acked_through_seq = $6, last_sync_at = $9, clock_skew_ms = coalesce($10::integer, clock_skew_ms) where code = $1
       )
       insert into batches (batch_id, branch, from_seq, to_seq, payload_hash, result, source, received_at)
       values ($4, $1, $5, $6, $7, $8, $11, $9)`,
      [
        body.branch,
        JSON.stringify(stored),
        JSON.stringify(states),
        body.batchId,
        body.fromSeq,
        body.toSeq,
        body.payloadHash,
        JSON.stringify(result),
        result.serverTime,
        clockSkewMs,
        source,
        ...eventColumns(events),
        ...complaintColumns(states),
      ],
    );
  }

  async function logRefusal(result: Refused, source: BatchSource, branch: string | undefined): Promise<Refused> {
    await db.query('insert into refused_batches (branch, batch_id, source, code, message, received_at) values ($1, $2, $3, $4, $5, $6)', [
      branch ?? null,
      result.batchId ?? null,
      source,
      result.code,
      result.message,
      result.serverTime,
    ]);
    return result;
  }

  async function receive(raw: unknown, source: BatchSource): Promise<BatchResult> {
    const branchNamed = isRecord(raw) && typeof raw.branch === 'string' ? raw.branch.slice(0, 16) : undefined;
    const authenticated = await authenticate(raw, source);
    if ('status' in authenticated) return logRefusal(authenticated, source, branchNamed);
    const { envelope, branch } = authenticated;
    const body = await readBody(envelope);
    if ('status' in body) return logRefusal(body, source, branch);
    // Pure checks before the transaction, so the branch's lock is held only for the database's part.
    const events = readEvents(body);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx.query<{ acked_through_seq: number; payload_hash: string | null; to_seq: number | null }>(
          'select b.acked_through_seq, x.payload_hash, x.to_seq from branches b left join batches x on x.batch_id = $2 where b.code = $1 for update of b',
          [branch, body.batchId],
        );
        const acked = row?.acked_through_seq ?? 0;
        if (row?.payload_hash) {
          if (row.payload_hash !== body.payloadHash) throw new Refusal(refusal('batch_conflict', `batch ${body.batchId} was received before with other events`, { batchId: body.batchId }));
          // The first answer again: everything up to the batch's end is stored.
          return { status: 'duplicate', batchId: body.batchId, ackedThroughSeq: row.to_seq ?? body.toSeq, serverTime: now().toISOString() };
        }
        if (body.fromSeq !== acked + 1) {
          throw new Refusal(refusal('sequence_gap', `head office holds branch ${branch} up to seq ${acked}; the next batch must start at ${acked + 1}, not ${body.fromSeq}`, { batchId: body.batchId, expectedFromSeq: acked + 1 }));
        }
        if (!Array.isArray(events)) throw new Refusal(events);
        const changed = await fold(tx, branch, body.batchId, events);
        const serverTime = now();
        const result = { status: 'accepted' as const, batchId: body.batchId, ackedThroughSeq: body.toSeq, serverTime: serverTime.toISOString() };
        await commit(tx, body, events, await anonymise(tx, body, events), changed, result, source, source === 'http' ? Date.parse(envelope.timestamp) - serverTime.getTime() : null);
        return result;
      });
    } catch (error) {
      if (error instanceof Refusal) return logRefusal(error.result, source, branch);
      throw error;
    }
  }

  async function status(raw: unknown): Promise<BranchStatus | Refused> {
    const authenticated = await authenticate(raw, 'http');
    if ('status' in authenticated) return authenticated;
    if (authenticated.envelope.body.trim() !== '{}') return refusal('malformed_batch', 'a status request carries the body {}');
    const [row] = await db.query<{ acked_through_seq: number }>('select acked_through_seq from branches where code = $1', [authenticated.branch]);
    return { branch: authenticated.branch, ackedThroughSeq: row?.acked_through_seq ?? 0, serverTime: now().toISOString() };
  }

  async function acknowledgement(branch: BranchCode): Promise<BatchEnvelope | undefined> {
    const [row] = await db.query<{ secret: string | null; acked_through_seq: number }>('select secret, acked_through_seq from branches where code = $1 and secret_revoked_at is null', [branch]);
    if (!row?.secret) return undefined;
    return sealEnvelope(row.secret, branch, JSON.stringify({ ackedThroughSeq: row.acked_through_seq }), now().toISOString());
  }

  async function signedBody(raw: unknown): Promise<{ branch: BranchCode; body: string } | Refused> {
    const authenticated = await authenticate(raw, 'http');
    return 'status' in authenticated ? authenticated : { branch: authenticated.branch, body: authenticated.envelope.body };
  }

  return { receive, status, signedBody, acknowledgement, refusedEarly: (code, message, source) => logRefusal(refusal(code, message), source, undefined) };
}
