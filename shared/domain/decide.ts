/**
 * The one decision of a step (DESIGN "Main is the authority"): a command run on the complaint's current state,
 * stamped with its place in the branch's log, followed by what the rules make of the state it produces (the
 * automatic escalations now due). Main runs this on the state folded from its own journal before it journals
 * anything; head office will run the same. The renderer only proposes: it never stamps a sequence or a number.
 */
import { SYSTEM_USER_ID, type BranchCode, type ComplaintId } from '../brand';
import { runDueEscalations } from '../escalation/rules';
import { ok, refuse, type Result } from '../result';
import { COMMANDS, type ActionName, type Actor, type CommandContext } from './commands';
import { stampEvents, type DomainEvent, type EventDraft } from './events';
import { applyEvent } from './reducer';
import type { ComplaintState } from './state';

/**
 * The actor of every automatic escalation. The escalation rule has no gate, so the role is not checked; it names
 * who would be allowed to take the same step by hand.
 */
export const SYSTEM_ACTOR: Actor = { id: SYSTEM_USER_ID, role: 'supervisor' };

/** A step as the renderer proposes it: which action, on which complaint, with the form's input. */
export interface StepRequest {
  readonly action: ActionName;
  /** Absent for a registration (the command names the new complaint). */
  readonly complaintId?: ComplaintId;
  readonly input: unknown;
  /** Registration only: the assessment entered on the same form, decided with it as one step. */
  readonly assessment?: unknown;
}

export interface Place {
  readonly branch: BranchCode;
  /** The seq the first new event takes: one past the last event of the branch's log. */
  readonly firstSeq: number;
}

export interface Decided {
  readonly events: DomainEvent[];
  readonly after: ComplaintState;
}

function stampAndFold(before: ComplaintState | undefined, drafts: readonly EventDraft[], branch: BranchCode, firstSeq: number) {
  const events = stampEvents(drafts, { branch, firstSeq });
  return { events, after: events.reduce<ComplaintState | undefined>(applyEvent, before) };
}

/**
 * Decides `request` on `state` (the complaint named by `request.complaintId`, undefined for a registration).
 * A refusal carries the command's stable code; nothing is decided then. For a registration `input.number` must
 * already be the number the caller (main) allocated.
 */
export function decideStep(state: ComplaintState | undefined, request: StepRequest, ctx: CommandContext, place: Place): Result<Decided> {
  if (request.action === 'register' && request.complaintId !== undefined) return refuse('invalid_input', 'A registration names no complaint', { path: 'complaintId' });
  if (request.action !== 'register' && request.assessment !== undefined) return refuse('invalid_input', 'Only a registration carries an assessment', { path: 'assessment' });
  const drafts = COMMANDS[request.action](state, request.input, ctx);
  if (!drafts.ok) return drafts;
  const decided = stampAndFold(state, drafts.value, place.branch, place.firstSeq);
  if (!decided.after || (request.complaintId !== undefined && decided.after.id !== request.complaintId)) {
    throw new Error(`${request.action} wrote events for another complaint than ${request.complaintId ?? 'the new one'}`);
  }
  let events = decided.events;
  let after: ComplaintState = decided.after;
  if (request.assessment !== undefined) {
    // One decision: a registration whose assessment is refused is not registered either (the form says why).
    const assessed = COMMANDS.assess(after, request.assessment, ctx);
    if (!assessed.ok) return { ok: false, error: { ...assessed.error, path: assessed.error.path ? `assessment.${assessed.error.path}` : 'assessment' } };
    const more = stampAndFold(after, assessed.value, place.branch, place.firstSeq + events.length);
    events = [...events, ...more.events];
    after = more.after ?? after;
  }
  // The rule runs after every step: a regrade, or a step taken after the tier's deadline, escalates with it.
  const consequences = runDueEscalations(after, ctx.calendar, { ...ctx, actor: SYSTEM_ACTOR });
  if (consequences.length === 0) return ok({ events, after });
  const following = stampAndFold(after, consequences, place.branch, place.firstSeq + events.length);
  return ok({ events: [...events, ...following.events], after: following.after ?? after });
}

/** The automatic escalations due on `state` at `ctx.now`, as the system actor; empty when none is due. */
export function decideDueEscalations(state: ComplaintState, ctx: Omit<CommandContext, 'actor'>, place: Place): Decided {
  const drafts = runDueEscalations(state, ctx.calendar, { ...ctx, actor: SYSTEM_ACTOR });
  const decided = stampAndFold(state, drafts, place.branch, place.firstSeq);
  return { events: decided.events, after: decided.after ?? state };
}
