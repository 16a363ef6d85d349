/**
 * Registering a complaint at the counter (SPEC §1). The number is allocated by the store (per-branch daily
 * sequence, see numbering.ts) and passed in with the input. A registration that raises a major flag by itself
 * (a collective complaint of policy-many people, a repeat) is graded 1 and escalated to T4 at once.
 */
import { z } from 'zod';
import { ComplaintIdSchema, UserIdSchema } from '../../brand';
import { findCategory } from '../../policy/policy';
import { ok, parseWith } from '../../result';
import { ComplainantSchema, IncidentSchema, RegisteredPayload } from '../event-payloads';
import { majorFlagsFor, suggestGrade } from '../grading';
import { parseComplaintNumber } from '../numbering';
import { refuseUnsafeChars } from '../../names';
import { ChinesePhoneSchema } from '../phone';
import { draft, no, notInFuture, refused, type Action, type CommandContext, type Gate } from './context';
import { escalateForMajorFlags } from './escalation';

export const RegisterInput = RegisteredPayload.omit({ grade: true, flags: true, policyVersion: true, receivedBy: true }).extend({
  // Stricter than the stored shape: a new registration takes only a real mainland phone number.
  // Stricter too: no invisible or bidi characters in a new name (stored events keep the lenient shape, so an
  // old journal still reads).
  complainant: ComplainantSchema.omit({ keyed: true }).extend({
    phone: ChinesePhoneSchema.optional(),
    name: ComplainantSchema.shape.name.unwrap().superRefine(refuseUnsafeChars).optional(),
  }).default({}),
  anonymous: z.boolean().default(false),
  incident: IncidentSchema.default({}),
  evidence: RegisteredPayload.shape.evidence.default([]),
  /** Defaults to the person registering. */
  receivedBy: UserIdSchema.optional(),
});
export type RegisterInput = z.input<typeof RegisterInput>;

type Registration = z.output<typeof RegisterInput>;

function checkRegistration(input: Registration, ctx: CommandContext) {
  const { complainant } = input;
  if (input.anonymous && !ctx.policy.registration.anonymousAllowed) {
    return no('anonymous_not_allowed', 'The policy does not accept anonymous complaints');
  }
  if (input.anonymous && (complainant.name !== undefined || complainant.customerNumber !== undefined)) {
    return no('anonymous_with_identity', 'An anonymous complaint cannot record the name or customer number');
  }
  const reachable = complainant.name ?? complainant.phone ?? complainant.email ?? complainant.address ?? complainant.customerNumber;
  if (!input.anonymous && reachable === undefined) {
    return no('complainant_required', 'Record who complains (a name or a way to reach them), or mark the complaint anonymous');
  }
  const category = findCategory(ctx.policy, input.category);
  if (!category.ok) return category.error;
  if (input.subCategory !== undefined && !input.subCategory.startsWith(`${input.category}.`)) {
    return no('unknown_category', `Sub-category "${input.subCategory}" is not under "${input.category}"`, { code: input.subCategory });
  }
  if (input.subCategory !== undefined) {
    const sub = findCategory(ctx.policy, input.subCategory);
    if (!sub.ok) return sub.error;
  }
  const number = parseComplaintNumber(input.number);
  if (!number.ok) return number.error;
  if (input.repeatOf !== undefined && input.repeatOf === input.number) {
    return no('repeat_of_itself', 'A complaint cannot repeat itself');
  }
  return (
    notInFuture(input.receivedAt, ctx, 'received_in_future', 'The time received') ??
    (input.incident.at === undefined ? undefined : notInFuture(input.incident.at, ctx, 'incident_in_future', 'The incident time'))
  );
}

// Every role may register; the only thing that can stop it is the complaint already existing.
const notYetRegistered: Gate = (state) => (state === undefined ? undefined : no('already_registered', `Complaint ${state.number} is already registered`));

export const register: Action = {
  name: 'register',
  input: RegisterInput,
  gate: notYetRegistered,
  run: (state, raw, ctx) => {
    const existing = notYetRegistered(state, ctx.actor, ctx.policy);
    if (existing) return refused(existing);
    const parsed = parseWith(RegisterInput, raw);
    if (!parsed.ok) return parsed;
    const { receivedBy, ...input } = parsed.value;
    const { impression } = input;
    const refusal = checkRegistration(parsed.value, ctx);
    if (refusal) return refused(refusal);

    const flags = majorFlagsFor(input, ctx.policy);
    const spread = impression?.spread ?? (input.collective ? 'several' : 'individual');
    const grade = suggestGrade({ severity: impression?.severity ?? 'low', urgency: impression?.urgency ?? 'low', spread, flags });
    const complaintId = ComplaintIdSchema.parse(ctx.newId());
    const registered = draft(ctx, complaintId, {
      type: 'Registered',
      // The impression stays on the record (severity and urgency are what the clerk answered), not only the grade.
      payload: { ...input, receivedBy: receivedBy ?? ctx.actor.id, grade, flags, policyVersion: ctx.policy.version },
    });
    return ok([registered, ...escalateForMajorFlags(ctx, { id: complaintId, tier: 'T1', routes: [] }, flags)]);
  },
};
