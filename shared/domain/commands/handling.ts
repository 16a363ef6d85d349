/**
 * Working a complaint (SPEC §3–4): notes, investigation, a proposal and the customer's answer, the resolution,
 * waiting on the customer, and a supervisor's extension of the deadline.
 */
import { addWorkingDays } from '../../calendar/arithmetic';
import { computeClocks } from '../../deadlines/clocks';
import { ok, refuse, type Result } from '../../result';
import {
  CustomerRespondedPayload,
  ExtendedPayload,
  InvestigationRecordedPayload,
  NoteAddedPayload,
  PausedPayload,
  ResolutionProposedPayload,
  ResolvedPayload,
  ResumedPayload,
} from '../event-payloads';
import type { EventBody, EventDraft } from '../events';
import { composedReason } from '../reasons';
import type { ComplaintState } from '../state';
import { complaintAction, draft, handler, inHandling, no, notEnded, notInFuture, notResolved, refused, supervisorOnly, type CommandContext } from './context';
import { DEPARTMENT_CANNOT_RESOLVE_REASON, departmentCannotResolve, escalateOneTier } from './escalation';

const single = (ctx: CommandContext, state: ComplaintState, body: EventBody): Result<EventDraft[]> => ok([draft(ctx, state.id, body)]);

export const addNote = complaintAction({
  name: 'addNote',
  input: NoteAddedPayload,
  gate: (state, actor) => notEnded(state) ?? handler(state, actor),
  decide: (state, payload, ctx) => single(ctx, state, { type: 'NoteAdded', payload }),
});

/** Findings; when the department cannot resolve a grade 1–2 complaint alone, it goes one tier up at once (SPEC §5). */
export const recordInvestigation = complaintAction({
  name: 'recordInvestigation',
  input: InvestigationRecordedPayload.extend({
    interviewed: InvestigationRecordedPayload.shape.interviewed.default([]),
    cannotResolveAlone: InvestigationRecordedPayload.shape.cannotResolveAlone.default(false),
  }),
  gate: (state, actor) => notEnded(state) ?? handler(state, actor) ?? inHandling(state),
  decide: (state, payload, ctx) => {
    const recorded = draft(ctx, state.id, { type: 'InvestigationRecorded', payload });
    // The same rule the escalation timer applies, to the complaint as this finding leaves it.
    const found = { grade: state.grade, tier: state.tier, investigation: { cannotResolveAlone: payload.cannotResolveAlone, atTier: state.tier } };
    if (!departmentCannotResolve(found)) return ok([recorded]);
    return ok([recorded, ...escalateOneTier(ctx, state, 'department_cannot_resolve', DEPARTMENT_CANNOT_RESOLVE_REASON)]);
  },
});

export const proposeResolution = complaintAction({
  name: 'proposeResolution',
  input: ResolutionProposedPayload,
  gate: (state, actor) => notEnded(state) ?? handler(state, actor) ?? inHandling(state),
  decide: (state, payload, ctx) => single(ctx, state, { type: 'ResolutionProposed', payload }),
});

const awaitingAnswer = (state: ComplaintState): boolean => state.status === 'resolution_proposed' && state.proposal?.accepted === undefined;

/** The customer's answer to the proposal; a "no" escalates one tier at once (SPEC §5). */
export const recordCustomerResponse = complaintAction({
  name: 'recordCustomerResponse',
  input: CustomerRespondedPayload,
  gate: (state, actor) =>
    notEnded(state) ?? handler(state, actor) ?? (awaitingAnswer(state) ? undefined : no('no_pending_proposal', 'There is no proposal waiting for the customer’s answer')),
  decide: (state, payload, ctx) => {
    const responded = draft(ctx, state.id, { type: 'CustomerResponded', payload });
    if (payload.accepted) return ok([responded]);
    return ok([responded, ...escalateOneTier(ctx, state, 'customer_rejected', composedReason({ reason: 'customer_rejected' }))]);
  },
});

export const resolve = complaintAction({
  name: 'resolve',
  input: ResolvedPayload,
  gate: (state, actor) =>
    notEnded(state) ??
    handler(state, actor) ??
    inHandling(state) ??
    (awaitingAnswer(state) ? no('customer_response_pending', 'Record the customer’s answer to the proposal first') : undefined),
  decide: (state, payload, ctx) => {
    const refusal =
      notInFuture(payload.communicatedAt, ctx, 'communicated_in_future', 'The time the result was communicated') ??
      (Date.parse(payload.communicatedAt) < Date.parse(state.receivedAt)
        ? no('communicated_before_received', 'The result cannot have been communicated before the complaint was received')
        : undefined);
    return refusal ? refused({ ...refusal, path: 'communicatedAt' }) : single(ctx, state, { type: 'Resolved', payload });
  },
});

/** Waiting on the customer (awaiting information): the resolution clock pauses. */
export const pause = complaintAction({
  name: 'pause',
  input: PausedPayload,
  gate: (state, actor) => notEnded(state) ?? handler(state, actor) ?? inHandling(state),
  decide: (state, payload, ctx) => single(ctx, state, { type: 'Paused', payload }),
});

export const resume = complaintAction({
  name: 'resume',
  input: ResumedPayload,
  gate: (state, actor) =>
    notEnded(state) ?? handler(state, actor) ?? (state.status === 'awaiting_customer' ? undefined : no('not_paused', 'The complaint is not waiting on the customer')),
  decide: (state, payload, ctx) => single(ctx, state, { type: 'Resumed', payload }),
});

/**
 * A supervisor extends the resolution deadline, at most `policy.extension.maxCount` times per round of
 * handling and by at most `maxWorkingDays`. The domain computes the new deadline: `workingDays` working days
 * of the branch calendar after the resolution deadline in force now (SPEC §3) — the caller only says how many
 * days, so no deadline can be typed in. The customer must have been told.
 */
export const extend = complaintAction({
  name: 'extend',
  input: ExtendedPayload.omit({ approvedBy: true, newDeadline: true }),
  gate: (state, actor, policy, moment) =>
    notEnded(state) ??
    supervisorOnly(actor) ??
    notResolved(state) ??
    (state.extensionCount >= policy.extension.maxCount
      ? no('extension_limit', `The deadline may be extended ${policy.extension.maxCount} time(s) at most`, { max: policy.extension.maxCount })
      : undefined) ??
    // Not offered when no extension the policy allows could end after now.
    (moment && Date.parse(extendedDeadline(state, policy.extension.maxWorkingDays, { ...moment, policy })) <= Date.parse(moment.now)
      ? no('extension_too_late', `Even ${policy.extension.maxWorkingDays} working days from the deadline end before now`, { max: policy.extension.maxWorkingDays })
      : undefined),
  decide: (state, input, ctx) => {
    const max = ctx.policy.extension.maxWorkingDays;
    if (input.workingDays > max) {
      return refuse('extension_too_long', `An extension may add at most ${max} working days`, { path: 'workingDays', params: { max } });
    }
    const newDeadline = extendedDeadline(state, input.workingDays, ctx);
    if (Date.parse(newDeadline) <= Date.parse(ctx.now)) {
      return refuse('deadline_in_past', `The new deadline (${newDeadline}) must be in the future`, { path: 'workingDays' });
    }
    return single(ctx, state, { type: 'Extended', payload: { ...input, newDeadline, approvedBy: ctx.actor.id } });
  },
});

/** The resolution deadline after extending it now by `workingDays` working days of the branch calendar. */
export function extendedDeadline(state: ComplaintState, workingDays: number, at: Pick<CommandContext, 'now' | 'policy' | 'calendar'>): string {
  const current = computeClocks(state, at.policy, at.calendar, at.now).resolution.deadline;
  return addWorkingDays(at.calendar, current, workingDays);
}
