/**
 * What every command shares (STYLE §5): `command(state, input, ctx) → events | refusal`. A command is split in
 * two so the UI and the command can never disagree about what is allowed:
 *   - `gate(state, actor, policy, moment?)` — may this person take this step on this complaint now? `allowedActions`
 *     offers exactly the actions whose gate passes;
 *   - `decide(state, input, ctx)` — with parsed input, the input-dependent checks and the events to append.
 * Refusal codes are stable; the UI translates them and may interpolate `params`.
 */
import type { z } from 'zod';
import { EventIdSchema, type ComplaintId, type UserId } from '../../brand';
import type { WorkingCalendar } from '../../calendar/calendar';
import type { Policy } from '../../policy/policy';
import { parseWith, type Refusal, type Result } from '../../result';
import { refusalOf, type PlainRefusalCode, type RefusalCode, type RefusalExtra, type RefusalParamsArg } from '../../refusals';
import { EVENT_VERSIONS, type EventBody, type EventDraft } from '../events';
import type { ComplaintState } from '../state';
import type { Role, Status } from '../vocabulary';

export interface Actor {
  readonly id: UserId;
  readonly role: Role;
}

/** Effects and settings a command needs, passed in so commands stay pure. */
export interface CommandContext {
  /** The current instant, ISO-8601 UTC. */
  readonly now: string;
  readonly actor: Actor;
  /** A fresh unique id (event ids, complaint ids, corrective-action ids). */
  readonly newId: () => string;
  readonly policy: Policy;
  /** The branch's working calendar: working-day counts (extension, unreachable customer) are on it. */
  readonly calendar: WorkingCalendar;
}

/**
 * The moment a gate is asked at, for the gates that depend on time (closing as unreachable once the policy's
 * working days have passed). A command always passes its own; `allowedActions` / `whyNot` should too — without
 * it such a gate answers from the record alone and the command may still refuse (`unreachable_too_soon`).
 */
export interface GateMoment {
  readonly now: string;
  readonly calendar: WorkingCalendar;
}

export type Command = (state: ComplaintState | undefined, input: unknown, ctx: CommandContext) => Result<EventDraft[]>;

export const ACTION_NAMES = [
  'register',
  'assess',
  'acknowledge',
  'assign',
  'handOver',
  'escalate',
  'addNote',
  'recordInvestigation',
  'proposeResolution',
  'recordCustomerResponse',
  'resolve',
  'pause',
  'resume',
  'extend',
  'attachEvidence',
  'followUp',
  'reopen',
  'close',
  'openCorrectiveAction',
  'closeCorrectiveAction',
  'reject',
  'void',
  'printRecord',
  'anonymise',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * The steps a window may propose. Anonymising is main's own (it rewrites the journal in the same step), so a
 * window asking for it through `complaints.decide` is refused as invalid input.
 */
export const PROPOSABLE_ACTIONS = ACTION_NAMES.filter((name): name is Exclude<ActionName, 'anonymise'> => name !== 'anonymise');
export type ProposableAction = (typeof PROPOSABLE_ACTIONS)[number];

export type Gate = (state: ComplaintState | undefined, actor: Actor, policy: Policy, moment?: GateMoment) => Refusal | undefined;

export interface Action {
  readonly name: ActionName;
  /** What the command parses its input with — forms validate with the same schema. */
  readonly input: z.ZodType;
  readonly gate: Gate;
  readonly run: Command;
}

/** A refusal as data (compose gates with `??`: the first refusal wins). */
export const no = <C extends RefusalCode>(code: C, message: string, ...params: RefusalParamsArg<C>): Refusal =>
  // With params, `extra` is `{ params }`; TS cannot pair the two conditional tuples, hence the cast.
  refusalOf(code, message, ...((params.length > 0 ? [{ params: params[0] }] : []) as unknown as RefusalExtra<C>));

/** A refusal as a command's result. */
export const refused = (error: Refusal): { ok: false; error: Refusal } => ({ ok: false, error });

const NOT_FOUND = no('complaint_not_found', 'There is no such complaint');

/** An action on an existing complaint. Order of checks: the complaint exists, the gate, then the input. */
export function complaintAction<S extends z.ZodType>(spec: {
  name: ActionName;
  input: S;
  gate: (state: ComplaintState, actor: Actor, policy: Policy, moment?: GateMoment) => Refusal | undefined;
  decide: (state: ComplaintState, input: z.output<S>, ctx: CommandContext) => Result<EventDraft[]>;
}): Action {
  const gate: Gate = (state, actor, policy, moment) => (state === undefined ? NOT_FOUND : spec.gate(state, actor, policy, moment));
  const run: Command = (state, input, ctx) => {
    if (state === undefined) return refused(NOT_FOUND);
    const refusal = spec.gate(state, ctx.actor, ctx.policy, { now: ctx.now, calendar: ctx.calendar });
    if (refusal) return refused(refusal);
    const parsed = parseWith(spec.input, input);
    return parsed.ok ? spec.decide(state, parsed.value, ctx) : parsed;
  };
  return { name: spec.name, input: spec.input, gate, run };
}

/** One event of a command, stamped with the command's instant and actor. */
export function draft(ctx: CommandContext, complaintId: ComplaintId, body: EventBody): EventDraft {
  // A malformed id from the id generator is a bug in the caller, so parse (and throw) rather than refuse.
  const id = EventIdSchema.parse(ctx.newId());
  // Each body gets its own type's current version; TS cannot pair the two through the union, hence the cast.
  return { id, complaintId, v: EVENT_VERSIONS[body.type], at: ctx.now, actor: ctx.actor.id, type: body.type, payload: body.payload } as EventDraft;
}

// ---- Gates shared by many actions -------------------------------------------------------------------------

export const isSupervisor = (actor: Actor): boolean => actor.role !== 'staff';

export function notEnded(state: ComplaintState): Refusal | undefined {
  return state.terminal
    ? no('complaint_closed', `Complaint ${state.number} is ${state.status}; nothing more can be done on it`)
    : undefined;
}

export function supervisorOnly(actor: Actor): Refusal | undefined {
  return isSupervisor(actor) ? undefined : no('supervisor_required', 'Only a supervisor may do this');
}

export function adminOnly(actor: Actor): Refusal | undefined {
  return actor.role === 'admin' ? undefined : no('admin_required', 'Only an administrator may do this');
}

/** Staff handle their own complaints (首问负责制); supervisors and admins handle any. */
export function handler(state: ComplaintState, actor: Actor): Refusal | undefined {
  return isSupervisor(actor) || state.assignee === actor.id
    ? undefined
    : no('not_assignee', `Complaint ${state.number} is assigned to ${state.assignee}, not to this person`);
}

/** Being worked on: acknowledged, not waiting on the customer, not yet resolved. */
export function inHandling(state: ComplaintState): Refusal | undefined {
  const status: Status = state.status;
  if (status === 'registered') return no('not_acknowledged', 'Acknowledge the complaint first');
  if (status === 'awaiting_customer') return no('awaiting_customer', 'The complaint is waiting on the customer; resume it first');
  if (status === 'resolved' || status === 'followed_up') return no('already_resolved', 'The complaint is already resolved; reopen it first');
  return undefined;
}

/** Not yet resolved (any status before `resolved`, including waiting on the customer). */
export function notResolved(state: ComplaintState): Refusal | undefined {
  return state.status === 'resolved' || state.status === 'followed_up'
    ? no('already_resolved', 'The complaint is already resolved; reopen it first')
    : undefined;
}

/**
 * How far ahead of the clock a typed time may be: a person types whole minutes, so the minute that has begun counts
 * as now. The forms check with this same rule (`liesInFuture`), so a form never accepts a time the command refuses.
 */
export const TYPED_TIME_TOLERANCE_MS = 60_000;

/** Whether an instant a person typed lies after `nowMs` by more than the typed minute allows. */
export const liesInFuture = (instant: string, nowMs: number): boolean => Date.parse(instant) > nowMs + TYPED_TIME_TOLERANCE_MS;

/** Refuses an instant the person typed that lies after `now` (a received time, an incident, a reply). */
export function notInFuture(instant: string, ctx: CommandContext, code: PlainRefusalCode, what: string): Refusal | undefined {
  return liesInFuture(instant, Date.parse(ctx.now)) ? no(code, `${what} cannot be in the future`) : undefined;
}
