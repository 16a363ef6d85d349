/**
 * The record itself (SPEC §4, §6): attaching evidence, printing the record sheet, ending a record that should
 * not be handled — rejected (不予受理, with a reason) or voided (entered by mistake) — and, after retention,
 * removing its personal data. No record is ever deleted.
 */
import { z } from 'zod';
import { ok, refuse } from '../../result';
import { endedAt, isDueForAnonymisation, personalFieldsOf, retentionCutoff, retentionEnds } from '../anonymise';
import { EvidenceAttachedPayload, InstantSchema, RecordPrintedPayload, RejectedPayload, VoidedPayload } from '../event-payloads';
import { adminOnly, complaintAction, draft, handler, no, notEnded, notResolved, supervisorOnly } from './context';

export const attachEvidence = complaintAction({
  name: 'attachEvidence',
  input: EvidenceAttachedPayload,
  gate: (state, actor) => notEnded(state) ?? handler(state, actor),
  decide: (state, input, ctx) => {
    const known = new Set(state.evidence.map((file) => file.hash));
    const evidence = input.evidence.filter((file) => !known.has(file.hash) && known.add(file.hash));
    if (evidence.length === 0) return refuse('evidence_already_attached', 'These files are already attached', { path: 'evidence' });
    return ok([draft(ctx, state.id, { type: 'EvidenceAttached', payload: { evidence } })]);
  },
});

/** Printing (or saving as PDF) the record sheet goes on the record's print log, whatever its status. */
export const printRecord = complaintAction({
  name: 'printRecord',
  input: RecordPrintedPayload.extend({ copies: RecordPrintedPayload.shape.copies.default(1) }),
  gate: (state, actor) => handler(state, actor),
  decide: (state, payload, ctx) => ok([draft(ctx, state.id, { type: 'RecordPrinted', payload })]),
});

export const reject = complaintAction({
  name: 'reject',
  input: RejectedPayload,
  gate: (state, actor) => notEnded(state) ?? supervisorOnly(actor) ?? notResolved(state),
  decide: (state, payload, ctx) => ok([draft(ctx, state.id, { type: 'Rejected', payload })]),
});

export const voidRecord = complaintAction({
  name: 'void',
  input: z.strictObject({ reason: VoidedPayload.shape.reason }),
  gate: (state, actor) => notEnded(state) ?? supervisorOnly(actor),
  decide: (state, payload, ctx) => ok([draft(ctx, state.id, { type: 'Voided', payload })]),
});

/**
 * After retention an admin removes a complaint's personal data (SPEC §6). Main takes this step only together with
 * rewriting its journal (electron/services/anonymisation.ts); a window cannot propose it (see the contract).
 */
export const anonymise = complaintAction({
  name: 'anonymise',
  input: z.strictObject({ endedBefore: InstantSchema }),
  gate: (state, actor) =>
    adminOnly(actor) ??
    (state.anonymised ? no('already_anonymised', `Complaint ${state.number} is already anonymised`) : undefined) ??
    (state.terminal ? undefined : no('not_ended', `Complaint ${state.number} is ${state.status}`)),
  decide: (state, { endedBefore }, ctx) => {
    const latest = retentionCutoff(ctx.now, ctx.policy);
    const ended = endedAt(state) ?? state.updatedAt;
    if (Date.parse(endedBefore) > Date.parse(latest) || !isDueForAnonymisation(state, endedBefore)) {
      const until = retentionEnds(ended, ctx.policy);
      return refuse('retention_not_reached', `Complaint ${state.number} ended ${ended}; it is kept until ${until}`, { path: 'endedBefore', params: { until } });
    }
    const evidenceFiles = state.evidence.length;
    return ok([draft(ctx, state.id, { type: 'Anonymised', payload: { endedBefore, removed: personalFieldsOf(state), evidenceFiles } })]);
  },
});
