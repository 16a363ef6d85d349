/**
 * The record itself (SPEC §4, §6): attaching evidence, printing the record sheet, and ending a record that
 * should not be handled — rejected (不予受理, with a reason) or voided (entered by mistake). Nothing is deleted.
 */
import { z } from 'zod';
import { ok, refuse } from '../../result';
import { EvidenceAttachedPayload, RecordPrintedPayload, RejectedPayload, VoidedPayload } from '../event-payloads';
import { complaintAction, draft, handler, notEnded, notResolved, supervisorOnly } from './context';

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
