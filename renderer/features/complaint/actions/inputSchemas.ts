/**
 * The input schema of each toolbar step's command, as shared declares it. Most commands take their event's
 * payload verbatim, so the payload schema *is* the input; `assess` exports its own. For the few commands whose
 * input is declared inline in shared (assign, escalate, extend, void, corrective action opened, the empty
 * inputs) this applies exactly the command's pick/omit of the payload.
 * TODO(lead): drop the pick/omit lines once shared/domain/commands exports its input schemas by action.
 */
import type { z } from 'zod';
import { AssessInput } from '../../../../shared/domain/commands/triage';
import {
  AcknowledgedPayload,
  AssignedPayload,
  CorrectiveActionClosedPayload,
  CorrectiveActionOpenedPayload,
  CustomerRespondedPayload,
  EscalatedPayload,
  ExtendedPayload,
  FollowedUpPayload,
  InvestigationRecordedPayload,
  NoteAddedPayload,
  PausedPayload,
  RejectedPayload,
  ReopenedPayload,
  ResolutionProposedPayload,
  ResolvedPayload,
  ResumedPayload,
  VoidedPayload,
} from '../../../../shared/domain/event-payloads';
import type { ToolbarAction } from './toolbarModel';

const AssignInput = AssignedPayload.pick({ to: true, department: true, reason: true });

export const INPUT_SCHEMAS: Readonly<Record<ToolbarAction, z.ZodType>> = {
  assess: AssessInput,
  acknowledge: AcknowledgedPayload,
  assign: AssignInput,
  handOver: AssignInput,
  escalate: EscalatedPayload.pick({ toTier: true, route: true, reason: true }).partial({ toTier: true }),
  addNote: NoteAddedPayload,
  recordInvestigation: InvestigationRecordedPayload,
  proposeResolution: ResolutionProposedPayload,
  recordCustomerResponse: CustomerRespondedPayload,
  resolve: ResolvedPayload,
  pause: PausedPayload,
  resume: ResumedPayload,
  extend: ExtendedPayload.omit({ approvedBy: true }),
  followUp: FollowedUpPayload,
  reopen: ReopenedPayload,
  close: AcknowledgedPayload,
  reject: RejectedPayload,
  void: VoidedPayload,
  openCorrectiveAction: CorrectiveActionOpenedPayload.omit({ actionId: true }),
  closeCorrectiveAction: CorrectiveActionClosedPayload,
};
