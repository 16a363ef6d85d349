/**
 * The words of the complaint domain (SPEC §1–5, §8) as zod enums: every event, command, form and export uses
 * these, so a value that is not in this file cannot enter the log. Codes are stable English identifiers; the
 * UI translates them (zh-CN default). Adding a value is safe; renaming or removing one needs an event migration.
 */
import { z } from 'zod';

/** 投诉渠道 — how the complaint reached us. */
export const ChannelSchema = z.enum([
  'phone',
  'walk_in',
  'email',
  'online',
  'letter',
  'social_media',
  'comment_book',
  'transferred',
  'other',
]);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * 投诉类别 — the default top-level category codes. The policy's category tree is the authority (it may add
 * codes and sub-codes such as `product_quality.expired`), so events store category codes as policy strings;
 * this list is the shipped default and what the seed and tests use.
 */
export const CategoryCodeSchema = z.enum([
  'product_quality',
  'service_attitude',
  'service_efficiency',
  'professional_competence',
  'after_sales',
  'delivery_delay',
  'information_communication',
  'price_billing',
  'environment_facilities',
  'other',
]);
export type CategoryCode = z.infer<typeof CategoryCodeSchema>;

/** The second axis of a category: quality-related (质量异常), people-related (人为因素), other. */
export const NatureSchema = z.enum(['quality', 'people', 'other']);
export type Nature = z.infer<typeof NatureSchema>;

/** 投诉请求 — what the customer asks for, and (same words) what a resolution offers. */
export const RequestKindSchema = z.enum([
  'apology',
  'refund',
  'replacement',
  'repair',
  'compensation',
  'explanation',
  'service_improvement',
  'other',
]);
export type RequestKind = z.infer<typeof RequestKindSchema>;

/** 责任投诉 / 无责任投诉 / 协助处理. */
export const ValiditySchema = z.enum(['liable', 'not_liable', 'assist']);
export type Validity = z.infer<typeof ValiditySchema>;

/** 影响程度 (severity) and 紧急程度 (urgency) share one three-step scale. */
export const LevelSchema = z.enum(['low', 'medium', 'high']);
export type Level = z.infer<typeof LevelSchema>;
export const SeveritySchema = LevelSchema;
export type Severity = Level;
export const UrgencySchema = LevelSchema;
export type Urgency = Level;

/** 普遍性 — one customer, several, or many. */
export const SpreadSchema = z.enum(['individual', 'several', 'many']);
export type Spread = z.infer<typeof SpreadSchema>;

/** 重大投诉 flags: any one forces grade 1 and escalation to senior management (SPEC §2). */
export const MajorFlagSchema = z.enum([
  'media',
  'regulator',
  'legal',
  'injury_or_major_loss',
  'collective',
  'repeat',
  'unresolved_month',
]);
export type MajorFlag = z.infer<typeof MajorFlagSchema>;

/** T1 front line → T2 complaint team → T3 customer-service supervisor → T4 senior management (终审). */
export const TierSchema = z.enum(['T1', 'T2', 'T3', 'T4']);
export type Tier = z.infer<typeof TierSchema>;
export const TIERS: readonly Tier[] = TierSchema.options;

/** Side routes a complaint can take besides the tier ladder. */
export const RouteSchema = z.enum(['legal', 'pr']);
export type Route = z.infer<typeof RouteSchema>;

/** Workflow states (SPEC §4). `closed`, `rejected` and `voided` are terminal: clocks stop. */
export const StatusSchema = z.enum([
  'registered',
  'acknowledged',
  'investigating',
  'resolution_proposed',
  'resolved',
  'followed_up',
  'closed',
  'rejected',
  'voided',
  'awaiting_customer',
  'reopened',
  'appealed',
]);
export type Status = z.infer<typeof StatusSchema>;

/** Local user roles (SPEC §8). Each role can do everything the one before it can. */
export const RoleSchema = z.enum(['staff', 'supervisor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Grade 1 (urgent and severe) … 4 (individual and minor). */
export const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Grade = z.infer<typeof GradeSchema>;

/** How a result was told to the customer, or how a follow-up visit was made. */
export const CommunicationMethodSchema = z.enum(['phone', 'written', 'in_person', 'sms', 'email']);
export type CommunicationMethod = z.infer<typeof CommunicationMethodSchema>;

/** 不予受理 reasons (SPEC §4). */
export const RejectionReasonSchema = z.enum([
  'anonymous_not_allowed',
  'false_material',
  'in_arbitration_or_court',
  'not_liable',
  'other',
]);
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

/**
 * What set off an escalation: all but `manual` are automatic (SPEC §5); `department_cannot_resolve` is a grade 1–2
 * complaint the handling department found it cannot resolve alone. `manual` is a person's decision.
 */
export const EscalationTriggerSchema = z.enum(['tier_deadline', 'customer_rejected', 'major_flag', 'dissatisfied', 'department_cannot_resolve', 'manual']);
export type EscalationTrigger = z.infer<typeof EscalationTriggerSchema>;

/** How the customer confirmed the record: signed the printed sheet, or signed on screen. */
export const ConfirmationMethodSchema = z.enum(['signed_sheet', 'on_screen']);
export type ConfirmationMethod = z.infer<typeof ConfirmationMethodSchema>;
