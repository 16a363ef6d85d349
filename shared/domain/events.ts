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
} as const;

export type EventType = keyof typeof PAYLOADS;
export const EVENT_TYPES = Object.keys(PAYLOADS) as EventType[];

/**
 * Newest payload version this build reads, per type. When a payload changes shape: bump its number here, keep
 * the old schema, and add an upgrade from the old version to the new one inside `parseEvent`, tested against a
 * fixture of the old line.
 */
export const EVENT_VERSIONS: Readonly<Record<EventType, number>> = Object.fromEntries(EVENT_TYPES.map((type) => [type, 1])) as Record<
  EventType,
  number
>;

const EnvelopeSchema = z.strictObject({
  id: EventIdSchema,
  complaintId: ComplaintIdSchema,
  branch: BranchCodeSchema,
  /** Position in the branch's log: per branch, gap-free, increasing from 1. */
  seq: z.int().min(1),
  at: P.InstantSchema,
  actor: UserIdSchema,
});

function eventSchema<T extends EventType>(type: T) {
  return EnvelopeSchema.extend({ type: z.literal(type), v: z.literal(1), payload: PAYLOADS[type] });
}

export const DomainEventSchema = z.discriminatedUnion('type', [
  eventSchema('Registered'),
  eventSchema('Assessed'),
  eventSchema('Acknowledged'),
  eventSchema('Assigned'),
  eventSchema('Escalated'),
  eventSchema('NoteAdded'),
  eventSchema('InvestigationRecorded'),
  eventSchema('ResolutionProposed'),
  eventSchema('CustomerResponded'),
  eventSchema('Resolved'),
  eventSchema('Paused'),
  eventSchema('Resumed'),
  eventSchema('Extended'),
  eventSchema('FollowedUp'),
  eventSchema('Reopened'),
  eventSchema('Rejected'),
  eventSchema('Voided'),
  eventSchema('Closed'),
  eventSchema('CorrectiveActionOpened'),
  eventSchema('CorrectiveActionClosed'),
  eventSchema('EvidenceAttached'),
  eventSchema('RecordPrinted'),
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];

/** An event type with its payload, e.g. `{ type: 'Paused', payload: { reason } }`. */
export type EventBody = { [T in EventType]: { type: T; payload: PayloadOf<T> } }[EventType];

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
  const parsed = DomainEventSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const path = issuePath(parsed.error);
  return refuse('invalid_event', `${type} ${path || 'event'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { path, params: { type } });
}

/** Give drafts their place in the branch's log: consecutive `seq` numbers from `firstSeq`. */
export function stampEvents(drafts: readonly EventDraft[], place: { branch: BranchCode; firstSeq: number }): DomainEvent[] {
  // Adding the two envelope fields back to each member of the union keeps its own type; TS cannot see that.
  return drafts.map((draft, i) => ({ ...draft, branch: place.branch, seq: place.firstSeq + i }) as DomainEvent);
}
