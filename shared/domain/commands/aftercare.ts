/**
 * After the resolution (SPEC §4): the follow-up visit, reopening and appeal, closing, and corrective actions
 * that outlive the complaint (ISO 10002 §8 — they stay trackable after it is closed).
 */
import { z } from 'zod';
import { addWorkingDays } from '../../calendar/arithmetic';
import type { WorkingCalendar } from '../../calendar/calendar';
import { mayClose, type Policy } from '../../policy/policy';
import { ok, refuse } from '../../result';
import { CorrectiveActionClosedPayload, CorrectiveActionOpenedPayload, FollowedUpPayload, ReopenedPayload } from '../event-payloads';
import { localDateKey } from '../numbering';
import { composedReason } from '../reasons';
import type { ComplaintState } from '../state';
import { complaintAction, draft, handler, no, notEnded, supervisorOnly, type Actor, type GateMoment } from './context';
import { escalateOneTier } from './escalation';

/** A follow-up satisfaction at or below this is dissatisfaction: reopen and escalate ("until satisfied"). */
export const DISSATISFIED_AT_MOST = 2;

const isResolved = (state: ComplaintState): boolean => state.status === 'resolved' || state.status === 'followed_up';
const notResolvedYet = () => no('not_resolved_yet', 'The complaint has not been resolved yet');

export const followUp = complaintAction({
  name: 'followUp',
  input: FollowedUpPayload,
  gate: (state, actor) => notEnded(state) ?? handler(state, actor) ?? (isResolved(state) ? undefined : notResolvedYet()),
  decide: (state, payload, ctx) => {
    if (payload.reached && payload.satisfaction === undefined) {
      return refuse('satisfaction_required', 'Record how satisfied the customer is (1–5)', { path: 'satisfaction' });
    }
    if (!payload.reached && payload.satisfaction !== undefined) {
      return refuse('satisfaction_without_contact', 'Satisfaction can only be recorded when the customer was reached', { path: 'satisfaction' });
    }
    const visit = draft(ctx, state.id, { type: 'FollowedUp', payload });
    if (payload.satisfaction === undefined || payload.satisfaction > DISSATISFIED_AT_MOST) return ok([visit]);
    const reason = composedReason({ reason: 'dissatisfied', satisfaction: payload.satisfaction });
    return ok([
      visit,
      draft(ctx, state.id, { type: 'Reopened', payload: { appeal: false, reason } }),
      ...escalateOneTier(ctx, state, 'dissatisfied', reason),
    ]);
  },
});

export const reopen = complaintAction({
  name: 'reopen',
  input: ReopenedPayload,
  gate: (state, actor) => {
    if (state.status === 'rejected' || state.status === 'voided') return notEnded(state);
    if (state.status === 'closed') return supervisorOnly(actor);
    return handler(state, actor) ?? (isResolved(state) ? undefined : notResolvedYet());
  },
  decide: (state, payload, ctx) => ok([draft(ctx, state.id, { type: 'Reopened', payload })]),
});

/** The first follow-up attempt since the resolution that did not reach the customer, as its ISO instant. */
export function firstFailedAttempt(state: ComplaintState): string | undefined {
  if (state.resolvedAt === undefined) return undefined;
  const since = Date.parse(state.resolvedAt);
  let first: string | undefined;
  for (const visit of state.followUps) {
    const at = Date.parse(visit.at);
    if (!visit.reached && at >= since && (first === undefined || at < Date.parse(first))) first = visit.at;
  }
  return first;
}

/**
 * When the customer counts as unreachable (SPEC §4): `policy.followUp.unreachableWorkingDays` working days of
 * the branch calendar after the FIRST failed attempt since the resolution — however many attempts came after
 * it. Undefined while no attempt has failed.
 */
export function unreachableClosableAt(state: ComplaintState, policy: Policy, calendar: WorkingCalendar): string | undefined {
  const first = firstFailedAttempt(state);
  return first === undefined ? undefined : addWorkingDays(calendar, first, policy.followUp.unreachableWorkingDays);
}

function closable(state: ComplaintState, actor: Actor, policy: Policy, moment: GateMoment | undefined) {
  if (!mayClose(policy, state.grade, actor.role)) {
    if (actor.role === 'staff' && mayClose(policy, state.grade, 'supervisor')) {
      return no('supervisor_required', `Only a supervisor may close a grade-${state.grade} complaint`);
    }
    return no('close_role_not_allowed', `The policy does not let a ${actor.role} close a grade-${state.grade} complaint`, { grade: state.grade });
  }
  if (state.status === 'followed_up') return undefined;
  if (state.status !== 'resolved') return notResolvedYet();
  // Not liable: explained to the customer and closed (SPEC §2) — no follow-up visit needed.
  if (state.validity === 'not_liable') return undefined;
  const days = policy.followUp.unreachableWorkingDays;
  if (firstFailedAttempt(state) === undefined) {
    return no('follow_up_required', `Follow up with the customer first, or close as unreachable ${days} working days after a failed attempt`, { days });
  }
  // Without a moment (a caller that did not pass one) the gate answers from the record; the command always has one.
  if (moment === undefined) return undefined;
  const closableAt = unreachableClosableAt(state, policy, moment.calendar) as string;
  return Date.parse(moment.now) >= Date.parse(closableAt)
    ? undefined
    : no('unreachable_too_soon', `The customer counts as unreachable ${days} working days after the first failed attempt (from ${closableAt})`, { days });
}

export const close = complaintAction({
  name: 'close',
  input: z.strictObject({}),
  gate: (state, actor, policy, moment) => notEnded(state) ?? handler(state, actor) ?? closable(state, actor, policy, moment),
  decide: (state, _input, ctx) => {
    // Closing a resolved complaint without a follow-up visit is only allowed (gate) because the customer could not be reached.
    const unreachable = state.status === 'resolved' && state.validity !== 'not_liable';
    return ok([draft(ctx, state.id, { type: 'Closed', payload: { closedBy: ctx.actor.id, ...(unreachable ? { unreachable } : {}) } })]);
  },
});

function correctiveActionGate(state: ComplaintState, actor: Actor) {
  if (state.status === 'rejected' || state.status === 'voided') return notEnded(state);
  return (
    handler(state, actor) ??
    (state.validity === 'liable' ? undefined : no('corrective_action_needs_liable', 'Corrective actions follow from a liable complaint; assess it as liable first'))
  );
}

export const openCorrectiveAction = complaintAction({
  name: 'openCorrectiveAction',
  input: CorrectiveActionOpenedPayload.omit({ actionId: true }),
  gate: correctiveActionGate,
  decide: (state, input, ctx) => {
    if (input.dueDate.replaceAll('-', '') < localDateKey(ctx.now, ctx.policy.timeZone)) {
      return refuse('due_date_in_past', 'The due date cannot be in the past', { path: 'dueDate' });
    }
    return ok([draft(ctx, state.id, { type: 'CorrectiveActionOpened', payload: { ...input, actionId: ctx.newId() } })]);
  },
});

export const closeCorrectiveAction = complaintAction({
  name: 'closeCorrectiveAction',
  input: CorrectiveActionClosedPayload,
  gate: (state, actor) =>
    correctiveActionGate(state, actor) ??
    (state.correctiveActions.some((action) => action.closedAt === undefined) ? undefined : no('no_open_corrective_action', 'No corrective action is open')),
  decide: (state, payload, ctx) => {
    const action = state.correctiveActions.find((a) => a.id === payload.actionId);
    if (!action) return refuse('unknown_corrective_action', 'No such corrective action on this complaint', { path: 'actionId' });
    if (action.closedAt !== undefined) return refuse('corrective_action_closed', 'This corrective action is already closed', { path: 'actionId' });
    return ok([draft(ctx, state.id, { type: 'CorrectiveActionClosed', payload })]);
  },
});
