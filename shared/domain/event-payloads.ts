/**
 * One payload schema per event type, at its current version (DESIGN "The spine: events"); older versions that are
 * still read sit beside the current one, named `…V1` etc. Payloads are strict: a field this
 * version does not know is refused rather than dropped, so a writer that adds a field must bump the version
 * (and add an upgrade in events.ts) instead of silently losing data on older readers.
 */
import { z } from 'zod';
import { UserIdSchema } from '../brand';
import {
  ChannelSchema,
  CommunicationMethodSchema,
  ConfirmationMethodSchema,
  EscalationTriggerSchema,
  GradeSchema,
  LevelSchema,
  MajorFlagSchema,
  NatureSchema,
  RejectionReasonSchema,
  RequestKindSchema,
  RouteSchema,
  SpreadSchema,
  TierSchema,
  ValiditySchema,
} from './vocabulary';

/** An instant as ISO-8601 UTC (`2026-11-23T06:47:00.000Z`); offsets are refused so strings sort by time. */
export const InstantSchema = z.iso.datetime();
/** A calendar date in the branch's zone, `YYYY-MM-DD`. */
export const LocalDateSchema = z.iso.date();

const text = (max: number) => z.string().trim().min(1).max(max);
const shortText = text(200);
const longText = text(5000);
/** Money in yuan; two decimals are enough, but a float is what forms and spreadsheets hand us. */
const amount = z.number().nonnegative().max(1_000_000_000);
const policyCode = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/, 'category code');
export const ComplaintNumberTextSchema = z.string().regex(/^[A-Z0-9]{2,8}-\d{8}-\d{4,}$/, 'complaint number BRANCH-YYYYMMDD-NNNN');

/** A file attached to a record; the file itself lives content-addressed by `hash` (SHA-256, hex). */
export const EvidenceRefSchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex digest'),
  name: text(255),
  mime: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'MIME type'),
  size: z.int().nonnegative().max(2 ** 40),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** An identifier as it reaches head office under a `masked` policy: HMAC-SHA256 with the organisation's key (shared/sync/personalData.ts). */
export const KeyedValueSchema = z.string().regex(/^hmac-sha256:[0-9a-f]{64}$/, 'keyed hash: hmac-sha256:<64 hex>');
export type KeyedValue = z.infer<typeof KeyedValueSchema>;

export const ComplainantSchema = z.strictObject({
  name: shortText.optional(),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{3,30}$/, 'phone number').optional(),
  email: z.email().max(200).optional(),
  address: text(500).optional(),
  customerNumber: text(64).optional(),
  /**
   * Only on events that left the branch (never in a branch's journal: the registration command does not take
   * it): the identifiers the policy sends as keyed hashes, in place of the field itself.
   */
  keyed: z
    .strictObject({ phone: KeyedValueSchema.optional(), email: KeyedValueSchema.optional(), customerNumber: KeyedValueSchema.optional() })
    .optional(),
});
export type Complainant = z.infer<typeof ComplainantSchema>;

/** 时间、地点、人物: where and when it happened and who or what was involved. */
export const IncidentSchema = z.strictObject({
  at: InstantSchema.optional(),
  place: shortText.optional(),
  staffMember: shortText.optional(),
  department: shortText.optional(),
  product: shortText.optional(),
  orderNumber: text(64).optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const RegisteredPayload = z.strictObject({
  number: ComplaintNumberTextSchema,
  receivedAt: InstantSchema,
  channel: ChannelSchema,
  complainant: ComplainantSchema,
  anonymous: z.boolean(),
  /** A collective complaint and how many people it speaks for. */
  collective: z.strictObject({ count: z.int().min(2).max(1_000_000) }).optional(),
  incident: IncidentSchema,
  category: policyCode,
  subCategory: policyCode.optional(),
  nature: NatureSchema,
  description: longText,
  requests: z.array(RequestKindSchema).min(1),
  requestedAmount: amount.optional(),
  requestText: longText.optional(),
  evidence: z.array(EvidenceRefSchema),
  /** 受理人 / 首问责任人: owns the complaint until it is handed on. */
  receivedBy: UserIdSchema,
  /** Number of an earlier complaint on the same matter. */
  repeatOf: ComplaintNumberTextSchema.optional(),
  confirmation: z.strictObject({ method: ConfirmationMethodSchema }).optional(),
  /**
   * The counter's first impression (severity, urgency, spread) the provisional grade came from; kept so what the
   * clerk answered is on the record until a supervisor assesses. Absent in events written before it was kept.
   */
  impression: z.strictObject({ severity: LevelSchema, urgency: LevelSchema, spread: SpreadSchema }).optional(),
  /** Provisional grade and flags at the counter; a supervisor's Assessed event replaces them. */
  grade: GradeSchema,
  flags: z.array(MajorFlagSchema),
  policyVersion: z.int().min(1),
});

export const AssessedPayload = z.strictObject({
  validity: ValiditySchema,
  severity: LevelSchema,
  urgency: LevelSchema,
  spread: SpreadSchema,
  flags: z.array(MajorFlagSchema),
  grade: GradeSchema,
  /** What the grading matrix suggested; differs from `grade` only with an `overrideReason`. */
  suggestedGrade: GradeSchema,
  overrideReason: longText.optional(),
  policyVersion: z.int().min(1),
});

export const AcknowledgedPayload = z.strictObject({});

export const AssignedPayload = z.strictObject({
  /** `assignment` by a supervisor; `hand_over` by the current owner (首问负责制 — the hand-over is recorded). */
  kind: z.enum(['assignment', 'hand_over']),
  from: UserIdSchema,
  to: UserIdSchema,
  department: shortText.optional(),
  reason: longText,
});

export const EscalatedPayload = z.strictObject({
  fromTier: TierSchema,
  toTier: TierSchema,
  route: RouteSchema.optional(),
  reason: longText,
  automatic: z.boolean(),
  trigger: EscalationTriggerSchema,
  /** Major flags raised with this escalation (e.g. `unresolved_month` found by the clock); they force grade 1. */
  flags: z.array(MajorFlagSchema).optional(),
});

export const NoteAddedPayload = z.strictObject({
  text: longText,
  /** The note records a reply to the customer (counts as first contact). */
  contactedCustomer: z.boolean().optional(),
});

/** Version 1, kept so older lines still read: `parseEvent` upgrades it to the current version. */
export const InvestigationRecordedPayloadV1 = z.strictObject({
  findings: longText,
  rootCause: longText.optional(),
  responsibleDepartment: shortText.optional(),
  responsiblePerson: shortText.optional(),
  interviewed: z.array(shortText),
});

/** Version 2. */
export const InvestigationRecordedPayload = InvestigationRecordedPayloadV1.extend({
  /** The handling department cannot resolve it alone: a grade 1–2 complaint goes one tier up at once (SPEC §5). */
  cannotResolveAlone: z.boolean(),
});

export const ResolutionProposedPayload = z.strictObject({
  offers: z.array(RequestKindSchema).min(1),
  amount: amount.optional(),
  text: longText,
});

export const CustomerRespondedPayload = z.strictObject({
  accepted: z.boolean(),
  comment: longText.optional(),
});

export const ResolvedPayload = z.strictObject({
  communicatedBy: CommunicationMethodSchema,
  communicatedAt: InstantSchema,
  summary: longText,
});

export const PausedPayload = z.strictObject({ reason: longText });
export const ResumedPayload = z.strictObject({ note: longText.optional() });

export const ExtendedPayload = z.strictObject({
  approvedBy: UserIdSchema,
  reason: longText,
  newDeadline: InstantSchema,
  workingDays: z.int().min(1).max(365),
  /** The customer must be told of an extension (SPEC §3); this records how. */
  customerInformedBy: CommunicationMethodSchema,
});

export const FollowedUpPayload = z.strictObject({
  method: CommunicationMethodSchema,
  reached: z.boolean(),
  satisfaction: z.int().min(1).max(5).optional(),
  comments: longText.optional(),
});

export const ReopenedPayload = z.strictObject({
  /** 申诉: the customer disputes the outcome (rather than staff reopening on their own finding). */
  appeal: z.boolean(),
  reason: longText,
});

export const RejectedPayload = z.strictObject({ reason: RejectionReasonSchema, text: longText });
export const VoidedPayload = z.strictObject({ reason: longText });

export const ClosedPayload = z.strictObject({
  closedBy: UserIdSchema,
  /** Closed because the customer could not be reached for the follow-up visit. */
  unreachable: z.boolean().optional(),
});

export const CorrectiveActionOpenedPayload = z.strictObject({
  actionId: z.string().min(1).max(64),
  owner: shortText,
  dueDate: LocalDateSchema,
  description: longText,
});

export const CorrectiveActionClosedPayload = z.strictObject({
  actionId: z.string().min(1).max(64),
  outcome: longText,
});

export const EvidenceAttachedPayload = z.strictObject({ evidence: z.array(EvidenceRefSchema).min(1) });

/** The complainant's personal fields (SPEC §1): what anonymisation removes. */
export const PersonalFieldSchema = z.enum(['name', 'phone', 'email', 'address', 'customerNumber']);
export type PersonalField = z.infer<typeof PersonalFieldSchema>;

/**
 * Personal data removed after the retention period (SPEC §6): which fields the complaint held and how many
 * evidence files were deleted. The journal's earlier lines of the complaint are rewritten without them.
 */
export const AnonymisedPayload = z.strictObject({
  /** The cut-off the admin confirmed: complaints ended before it lost their personal data. */
  endedBefore: InstantSchema,
  removed: z.array(PersonalFieldSchema),
  evidenceFiles: z.int().nonnegative(),
});

export const RecordPrintedPayload = z.strictObject({
  purpose: z.enum(['signature', 'filing', 'customer_copy']),
  output: z.enum(['printer', 'pdf']),
  copies: z.int().min(1).max(50),
});
