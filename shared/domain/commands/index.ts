/**
 * Every command, by action name, and `allowedActions` — what the UI offers. Both read the same gates, so an
 * action is offered exactly when its command would accept a valid input.
 */
import type { z } from 'zod';
import type { Policy } from '../../policy/policy';
import type { ComplaintState } from '../state';
import { closeCorrectiveAction, close, followUp, openCorrectiveAction, reopen } from './aftercare';
import { ACTION_NAMES, type Action, type ActionName, type Actor, type Command, type GateMoment } from './context';
import { addNote, extend, pause, proposeResolution, recordCustomerResponse, recordInvestigation, resolve, resume } from './handling';
import { anonymise, attachEvidence, printRecord, reject, voidRecord } from './records';
import { register } from './registration';
import { acknowledge, assess, assign, escalate, handOver } from './triage';

const ACTIONS: Readonly<Record<ActionName, Action>> = {
  register,
  assess,
  acknowledge,
  assign,
  handOver,
  escalate,
  addNote,
  recordInvestigation,
  proposeResolution,
  recordCustomerResponse,
  resolve,
  pause,
  resume,
  extend,
  attachEvidence,
  followUp,
  reopen,
  close,
  openCorrectiveAction,
  closeCorrectiveAction,
  reject,
  void: voidRecord,
  printRecord,
  anonymise,
};

/** The command for an action, e.g. `COMMANDS.resolve(state, input, ctx)`. */
export const COMMANDS: Readonly<Record<ActionName, Command>> = Object.fromEntries(ACTION_NAMES.map((name) => [name, ACTIONS[name].run])) as Record<
  ActionName,
  Command
>;

/** Each command's input schema, e.g. `COMMAND_INPUTS.resolve` — what a form validates before running the command. */
export const COMMAND_INPUTS: Readonly<Record<ActionName, z.ZodType>> = Object.fromEntries(ACTION_NAMES.map((name) => [name, ACTIONS[name].input])) as Record<
  ActionName,
  z.ZodType
>;

/**
 * The actions `actor` may take on this complaint now (`state` undefined: a complaint not yet registered).
 * Pass `moment` ({ now, calendar }) so the time-dependent gates (closing as unreachable) answer exactly as the
 * command will; without it they answer from the record alone.
 */
export function allowedActions(state: ComplaintState | undefined, actor: Actor, policy: Policy, moment?: GateMoment): ActionName[] {
  return ACTION_NAMES.filter((name) => ACTIONS[name].gate(state, actor, policy, moment) === undefined);
}

/** Why `actor` may not take `action` now, or undefined if they may — for a disabled button's tooltip. */
export function whyNot(action: ActionName, state: ComplaintState | undefined, actor: Actor, policy: Policy, moment?: GateMoment) {
  return ACTIONS[action].gate(state, actor, policy, moment);
}

export { ACTION_NAMES, type ActionName, type Actor, type Command, type CommandContext, type GateMoment } from './context';
export { departmentCannotResolve, escalateForMajorFlags, escalateOneTier, escalationDraft, nextTier, type OneTierTrigger } from './escalation';
export { DISSATISFIED_AT_MOST, firstFailedAttempt, unreachableClosableAt } from './aftercare';
export { RegisterInput } from './registration';
