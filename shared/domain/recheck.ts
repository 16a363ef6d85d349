/**
 * Head office's second look at an event a branch's main already decided (DESIGN "Head office"): the rules of
 * the commands that depend only on the complaint's state, which head office folds too. The rules it cannot
 * know — who may act (roles live at the branch), what the clock said at the counter — stay with the branch's main.
 * A branch running this build never produces an event refused here; a refusal means a tampered or broken log.
 */
import type { Refusal } from '../refusals';
import { no, notEnded } from './commands/context';
import type { DomainEvent } from './events';
import { parseComplaintNumber } from './numbering';
import type { ComplaintState } from './state';

/** Why `event` cannot follow `state` (undefined: the complaint is not known yet), or undefined when it can. */
export function recheckEvent(state: ComplaintState | undefined, event: DomainEvent): Refusal | undefined {
  if (state === undefined) {
    if (event.type !== 'Registered') return no('complaint_not_found', `Event ${event.id}: complaint ${event.complaintId} was never registered`);
    // Main gives numbers from the branch's own sequence: a number of another branch is not one it gave.
    const number = parseComplaintNumber(event.payload.number);
    if (!number.ok) return number.error;
    return number.value.branch === event.branch
      ? undefined
      : no('invalid_complaint_number', `Event ${event.id}: ${event.payload.number} is not a number of branch ${event.branch}`, { text: event.payload.number.slice(0, 40) });
  }
  if (event.type === 'Registered') return no('already_registered', `Event ${event.id}: complaint ${event.complaintId} is already registered`);
  // The print log records every print, whatever the status (records.ts); everything else stops at a rejected or voided record.
  if (event.type === 'RecordPrinted') return undefined;
  if (state.status === 'rejected' || state.status === 'voided') return notEnded(state);
  switch (event.type) {
    case 'Paused':
      return state.status === 'awaiting_customer' ? no('awaiting_customer', `Event ${event.id}: complaint ${state.number} is already waiting on the customer`) : undefined;
    case 'Resumed':
      return state.status === 'awaiting_customer' ? undefined : no('not_paused', `Event ${event.id}: complaint ${state.number} is not waiting on the customer`);
    case 'CustomerResponded':
      return state.status === 'resolution_proposed' && state.proposal?.accepted === undefined
        ? undefined
        : no('no_pending_proposal', `Event ${event.id}: complaint ${state.number} has no proposal waiting for an answer`);
    case 'CorrectiveActionClosed':
      return state.correctiveActions.some((action) => action.id === event.payload.actionId && action.closedAt === undefined)
        ? undefined
        : no('no_open_corrective_action', `Event ${event.id}: corrective action ${event.payload.actionId} is not open on complaint ${state.number}`);
    default:
      return undefined;
  }
}
