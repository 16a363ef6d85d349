/**
 * Taking a complaint in (SPEC §2, §5): acknowledge, assess and grade, assign or hand over, escalate by hand.
 */
import { z } from 'zod';
import { ok, refuse } from '../../result';
import { AssessedPayload, AssignedPayload, EscalatedPayload } from '../event-payloads';
import { majorFlagsFor, suggestGrade, SYSTEM_RAISED_FLAGS } from '../grading';
import type { ComplaintState } from '../state';
import { RouteSchema, TierSchema, type MajorFlag } from '../vocabulary';
import { complaintAction, draft, handler, no, notEnded, refused, supervisorOnly } from './context';
import { escalateForMajorFlags, escalationDraft, nextTier, tierRank } from './escalation';

export const acknowledge = complaintAction({
  name: 'acknowledge',
  input: z.strictObject({}),
  gate: (state, actor) =>
    notEnded(state) ??
    handler(state, actor) ??
    (state.status === 'registered' ? undefined : no('already_acknowledged', `Complaint ${state.number} is already acknowledged`)),
  decide: (state, _input, ctx) => ok([draft(ctx, state.id, { type: 'Acknowledged', payload: {} })]),
});

export const AssessInput = AssessedPayload.pick({ validity: true, severity: true, urgency: true, spread: true, overrideReason: true }).extend({
  flags: AssessedPayload.shape.flags.default([]),
  /** Leave out to take the suggested grade; a different grade needs `overrideReason`. */
  grade: AssessedPayload.shape.grade.optional(),
});

export const assess = complaintAction({
  name: 'assess',
  input: AssessInput,
  gate: (state, actor) => notEnded(state) ?? supervisorOnly(actor),
  decide: (state, input, ctx) => {
    // Flags that follow from the registration itself, or that the system raised, cannot be assessed away.
    const implied = majorFlagsFor({ collective: state.collectiveCount === undefined ? undefined : { count: state.collectiveCount }, repeatOf: state.repeatOf }, ctx.policy);
    const raised = state.flags.filter((flag) => SYSTEM_RAISED_FLAGS.includes(flag));
    const flags: MajorFlag[] = [...new Set([...input.flags, ...implied, ...raised])];
    const suggestedGrade = suggestGrade({ ...input, flags });
    const grade = input.grade ?? suggestedGrade;
    if (flags.length > 0 && grade !== 1) {
      return refuse('major_requires_grade_1', `A major complaint (${flags.join(', ')}) is always grade 1`, { path: 'grade' });
    }
    if (grade !== suggestedGrade && input.overrideReason === undefined) {
      return refuse('override_reason_required', `The suggested grade is ${suggestedGrade}; give a reason for grade ${grade}`, {
        path: 'overrideReason',
      });
    }
    const { validity, severity, urgency, spread, overrideReason } = input;
    const assessed = draft(ctx, state.id, {
      type: 'Assessed',
      payload: { validity, severity, urgency, spread, flags, grade, suggestedGrade, policyVersion: ctx.policy.version, ...(overrideReason === undefined ? {} : { overrideReason }) },
    });
    const newFlags = flags.filter((flag) => !state.flags.includes(flag));
    return ok([assessed, ...escalateForMajorFlags(ctx, state, newFlags)]);
  },
});

const AssignInput = AssignedPayload.pick({ to: true, department: true, reason: true });

function notSamePerson(state: ComplaintState, to: string) {
  return to === state.assignee ? no('already_assigned', `Complaint ${state.number} is already with ${to}`) : undefined;
}

export const assign = complaintAction({
  name: 'assign',
  input: AssignInput,
  gate: (state, actor) => notEnded(state) ?? supervisorOnly(actor),
  decide: (state, input, ctx) => {
    const refusal = notSamePerson(state, input.to);
    if (refusal) return refused(refusal);
    return ok([draft(ctx, state.id, { type: 'Assigned', payload: { kind: 'assignment', from: state.assignee, ...input } })]);
  },
});

/** The owner passes the complaint on (首问负责制: the hand-over is on the record). */
export const handOver = complaintAction({
  name: 'handOver',
  input: AssignInput,
  gate: (state, actor) =>
    notEnded(state) ??
    (state.assignee === actor.id ? undefined : no('not_assignee', 'Only the person who holds the complaint can hand it over')),
  decide: (state, input, ctx) => {
    const refusal = notSamePerson(state, input.to);
    if (refusal) return refused(refusal);
    return ok([draft(ctx, state.id, { type: 'Assigned', payload: { kind: 'hand_over', from: state.assignee, ...input } })]);
  },
});

const EscalateInput = z.strictObject({
  /** Defaults to the next tier; leave at the current tier to only add a route. */
  toTier: TierSchema.optional(),
  route: RouteSchema.optional(),
  reason: EscalatedPayload.shape.reason,
});

export const escalate = complaintAction({
  name: 'escalate',
  input: EscalateInput,
  gate: (state, actor) =>
    notEnded(state) ??
    handler(state, actor) ??
    (state.tier === 'T4' && state.routes.length === RouteSchema.options.length
      ? no('already_top_tier', 'The complaint is at final review and on every route already')
      : undefined),
  decide: (state, input, ctx) => {
    const toTier = input.toTier ?? nextTier(state.tier) ?? state.tier;
    if (input.route !== undefined && state.routes.includes(input.route)) {
      return refuse('already_routed', `The complaint is already on the ${input.route} route`, { path: 'route' });
    }
    if (tierRank(toTier) < tierRank(state.tier) || (toTier === state.tier && input.route === undefined)) {
      return refuse('not_higher_tier', `Escalation goes up from ${state.tier}`, { path: 'toTier' });
    }
    const payload = { fromTier: state.tier, toTier, reason: input.reason, automatic: false, trigger: 'manual' as const };
    return ok([escalationDraft(ctx, state.id, input.route === undefined ? payload : { ...payload, route: input.route })]);
  },
});
