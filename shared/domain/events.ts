/**
 * The event log's line format (DESIGN "The spine: events"). Every change to a complaint is one event: an
 * envelope (who, when, which complaint, where in the branch's log) around a versioned payload. Anything read
 * from disk, IndexedDB, IPC or a sync batch goes through `parseEvent`; an event of a type or version this build
 * does not know is refused, never skipped — skipping would fold a different complaint than the one recorded.
 */
import { z } from 'zod';
import { BranchCodeSchema, ComplaintIdSchema, EventIdSchema, UserIdSchema, type BranchCode } from '../brand';
import { issuePath, ok, refuse, type Result } from '../result';
import * as P from './event-payloads';

/** Current payload schema per event type. `v` in an event names the version its payload was written with. */
const PAYLOADS = {
  Registered: P.RegisteredPayload,
  Assessed: P.AssessedPayload,
  Acknowledged: P.AcknowledgedPayload,
  Assigned: P.AssignedPayload,
  Escalated: P.EscalatedPayload,
  NoteAdded: P.NoteAddedPayload,
  InvestigationRecorded: P.InvestigationRecordedPayload,
  ResolutionProposed: P.ResolutionProposedPayload,
  CustomerResponded: P.CustomerRespondedPayload,
  Resolved: P.ResolvedPayload,
  Paused: P.PausedPayload,
  Resumed: P.ResumedPayload,
  Extended: P.ExtendedPayload,
  FollowedUp: P.FollowedUpPayload,
  Reopened: P.ReopenedPayload,
  Rejected: P.RejectedPayload,
  Voided: P.VoidedPayload,
  Closed: P.ClosedPayload,
  CorrectiveActionOpened: P.CorrectiveActionOpenedPayload,
  CorrectiveActionClosed: P.CorrectiveActionClosedPayload,
  EvidenceAttached: P.EvidenceAttachedPayload,
  RecordPrinted: P.RecordPrintedPayload,
  Anonymised: P.AnonymisedPayload,
} as const;

export type EventType = keyof typeof PAYLOADS;
export const EVENT_TYPES = Object.keys(PAYLOADS) as EventType[];

const EnvelopeSchema = z.strictObject({
  id: EventIdSchema,
  complaintId: ComplaintIdSchema,
  branch: BranchCodeSchema,
  /** Position in the branch's log: per branch, gap-free, increasing from 1. */
  seq: z.int().min(1),
  at: P.InstantSchema,
  actor: UserIdSchema,
});

/** An event of `type` at its current payload version `v`. */
function eventSchema<T extends EventType, V extends number>(type: T, v: V) {
  return EnvelopeSchema.extend({ type: z.literal(type), v: z.literal(v), payload: PAYLOADS[type] });
}

/**
 * Every event as this build writes it. When a payload changes shape: bump the type's version here, keep the old
 * payload schema, and add its upgrade to UPGRADES, tested against a fixture of the old line.
 */
export const DomainEventSchema = z.discriminatedUnion('type', [
  eventSchema('Registered', 1),
  eventSchema('Assessed', 1),
  eventSchema('Acknowledged', 1),
  eventSchema('Assigned', 1),
  eventSchema('Escalated', 1),
  eventSchema('NoteAdded', 1),
  eventSchema('InvestigationRecorded', 2),
  eventSchema('ResolutionProposed', 1),
  eventSchema('CustomerResponded', 1),
  eventSchema('Resolved', 1),
  eventSchema('Paused', 1),
  eventSchema('Resumed', 1),
  eventSchema('Extended', 1),
  eventSchema('FollowedUp', 1),
  eventSchema('Reopened', 1),
  eventSchema('Rejected', 1),
  eventSchema('Voided', 1),
  eventSchema('Closed', 1),
  eventSchema('CorrectiveActionOpened', 1),
  eventSchema('CorrectiveActionClosed', 1),
  eventSchema('EvidenceAttached', 1),
  eventSchema('RecordPrinted', 1),
  eventSchema('Anonymised', 1),
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];

/** An event type with its payload, e.g. `{ type: 'Paused', payload: { reason } }`. */
export type EventBody = { [T in EventType]: { type: T; payload: PayloadOf<T> } }[EventType];

/** The payload version this build writes (and reads up to), per type. */
export type VersionOf<T extends EventType> = EventOf<T>['v'];
export const EVENT_VERSIONS: { readonly [T in EventType]: VersionOf<T> } = Object.fromEntries(
  DomainEventSchema.options.map((schema) => [schema.shape.type.value, schema.shape.v.value]),
) as { [T in EventType]: VersionOf<T> };

/** An older payload version still read: its schema, and how to turn it into the next version's payload. */
interface Upgrade {
  readonly payload: z.ZodType;
  readonly toNext: (payload: never) => unknown;
}

/** Per type, per old version. A version missing here (below the current one) was never written. */
const UPGRADES: { readonly [T in EventType]?: Readonly<Record<number, Upgrade>> } = {
  InvestigationRecorded: {
    // Before v2 nobody was asked; not knowing is not "cannot resolve alone".
    1: { payload: P.InvestigationRecordedPayloadV1, toNext: (payload: z.output<typeof P.InvestigationRecordedPayloadV1>) => ({ ...payload, cannotResolveAlone: false }) },
  },
};

/** An event as a command produces it: the store assigns `branch` and `seq` when it appends. */
export type EventDraft = DomainEvent extends infer E ? (E extends DomainEvent ? Omit<E, 'branch' | 'seq'> : never) : never;

const isEventType = (value: unknown): value is EventType => typeof value === 'string' && Object.hasOwn(PAYLOADS, value);

/**
 * Parse one untrusted event. Refusals: 'unknown_event_type' (params.type), 'unsupported_event_version'
 * (params.type, v, supported — written by a newer build), 'invalid_event' (path names the bad field).
 */
export function parseEvent(raw: unknown): Result<DomainEvent> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('invalid_event', 'An event must be an object', { path: '' });
  const { type, v } = raw as { type?: unknown; v?: unknown };
  if (typeof type !== 'string') return refuse('invalid_event', 'type: expected the event type name', { path: 'type' });
  if (!isEventType(type)) {
    return refuse('unknown_event_type', `Unknown event type "${type.slice(0, 64)}"`, { path: 'type', params: { type: type.slice(0, 64) } });
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return refuse('invalid_event', 'v: expected the schema version, a whole number from 1', { path: 'v' });
  }
  const supported = EVENT_VERSIONS[type];
  if (v > supported) {
    return refuse('unsupported_event_version', `${type} v${v} was written by a newer version of the app (this one reads up to v${supported})`, {
      path: 'v',
      params: { type, v, supported },
    });
  }
  const current = v === supported ? ok(raw) : upgrade(type, v, supported, raw as { payload?: unknown });
  if (!current.ok) return current;
  const parsed = DomainEventSchema.safeParse(current.value);
  return parsed.success ? ok(parsed.data) : invalid(type, parsed.error);
}

/** `within` names the part of the event that was parsed on its own (the payload, when upgrading it). */
function invalid(type: EventType, error: z.ZodError, within = ''): Result<never> {
  const path = [within, issuePath(error)].filter(Boolean).join('.');
  return refuse('invalid_event', `${type} ${path || 'event'}: ${error.issues[0]?.message ?? 'invalid'}`, { path });
}

/** The event with its payload read at version `v` and upgraded step by step to `supported`; the envelope is checked after. */
function upgrade(type: EventType, v: number, supported: number, raw: { payload?: unknown }): Result<unknown> {
  let payload = raw.payload;
  for (let version = v; version < supported; version++) {
    const step = UPGRADES[type]?.[version];
    if (step === undefined) return refuse('invalid_event', `${type} was never written at v${version}`, { path: 'v' });
    const parsed = step.payload.safeParse(payload);
    if (!parsed.success) return invalid(type, parsed.error, 'payload');
    payload = step.toNext(parsed.data as never);
  }
  return ok({ ...raw, v: supported, payload });
}

/** Give drafts their place in the branch's log: consecutive `seq` numbers from `firstSeq`. */
export function stampEvents(drafts: readonly EventDraft[], place: { branch: BranchCode; firstSeq: number }): DomainEvent[] {
  // Adding the two envelope fields back to each member of the union keeps its own type; TS cannot see that. Spelled
  // out rather than spread: V8 copies a spread many times slower, and the seed stamps a million events.
  return drafts.map(
    (draft, i) =>
      ({
        id: draft.id,
        complaintId: draft.complaintId,
        v: draft.v,
        at: draft.at,
        actor: draft.actor,
        type: draft.type,
        payload: draft.payload,
        branch: place.branch,
        seq: place.firstSeq + i,
      }) as DomainEvent,
  );
}
