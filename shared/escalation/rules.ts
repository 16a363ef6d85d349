/**
 * Automatic escalation (SPEC §5) as a pure function of (state, policy, calendar, now): which escalations are
 * due right now. The store runs it on a timer and after every change, and appends what it returns; because a
 * due escalation, once appended, changes the very fields that made it due (tier, tierSince, flags, routes),
 * running it again at the same `now` yields nothing — the rule is idempotent by construction.
 *
 * Triggers, strongest first (at most one step up the ladder per run, so no tier is ever skipped except by a
 * major flag, which goes straight to T4 by definition):
 *   1. a major flag on the record and the complaint not yet at T4 or not yet on the PR / legal route its flags
 *      call for; or unresolved for `policy.majorUnresolvedDays` since it was received → raise 'unresolved_month';
 *   2. the customer rejected the proposed resolution after the complaint reached its current tier;
 *   3. a grade 1–2 complaint its handling department cannot resolve alone, still at the tier where that was
 *      found (the investigation command escalates at once; this catches a complaint graded 1–2 afterwards);
 *   4. the current tier's time limit (policy.tiers[tier].hours in that tier's clock) has passed unresolved —
 *      the tier clock of shared/deadlines: time waiting on the customer does not count, and an approved
 *      extension holds the ladder until the extended deadline.
 * Any one step up the ladder settles 2–4 at once (they compare against the current tier), so none is done twice.
 * Nothing is due for a terminal complaint, for a resolved one (for the ladder), or beyond T4.
 */
import type { WorkingCalendar } from '../calendar';
import type { EventDraft } from '../domain/events';
import type { ComplaintState } from '../domain/state';
import { composedReason } from '../domain/reasons';
import type { MajorFlag } from '../domain/vocabulary';
import { DEPARTMENT_CANNOT_RESOLVE_REASON, departmentCannotResolve, escalateForMajorFlags, escalateOneTier, nextTier } from '../domain/commands/escalation';
import type { CommandContext } from '../domain/commands/context';
import { routesFor } from '../domain/grading';
import type { Policy } from '../policy/policy';
import { computeClocks } from '../deadlines/clocks';

const DAY_MS = 86_400_000;

/** What is due, before it becomes events (the events need an id and an actor; `escalationDrafts` adds them). */
export type DueEscalation =
  /** Go to T4 (and down the PR / legal routes) for these flags; `raise` = the flags are new, found by the clock. */
  | { readonly kind: 'major_flags'; readonly flags: readonly MajorFlag[]; readonly raise: boolean }
  | { readonly kind: 'one_tier'; readonly trigger: 'customer_rejected' | 'department_cannot_resolve' | 'tier_deadline'; readonly reason: string };

/** Resolved (and followed-up) complaints are off the ladder and out of the month rule. */
export const isUnresolved = (state: ComplaintState): boolean => state.status !== 'resolved' && state.status !== 'followed_up';

/** When the month rule raises 'unresolved_month' (epoch ms, calendar days from receipt); undefined once raised. */
export function unresolvedMonthDueMs(state: ComplaintState, policy: Policy): number | undefined {
  return state.flags.includes('unresolved_month') ? undefined : Date.parse(state.receivedAt) + policy.majorUnresolvedDays * DAY_MS;
}

/** The escalations due on `state` at `now` (ISO instant); empty when nothing is due. */
export function dueEscalations(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, now: string): DueEscalation[] {
  if (state.terminal) return [];
  const unresolved = isUnresolved(state);
  const monthDueMs = unresolvedMonthDueMs(state, policy);

  const raiseMonth = unresolved && monthDueMs !== undefined && Date.parse(now) >= monthDueMs;
  const flags = raiseMonth ? [...state.flags, 'unresolved_month' as const] : state.flags;
  if (flags.length > 0 && (raiseMonth || state.tier !== 'T4' || missingRoutes(state, flags))) {
    return [{ kind: 'major_flags', flags, raise: raiseMonth }];
  }

  if (nextTier(state.tier) === undefined || !unresolved) return [];
  if (state.customerRejectedAt !== undefined && Date.parse(state.customerRejectedAt) > Date.parse(state.tierSince)) {
    return [{ kind: 'one_tier', trigger: 'customer_rejected', reason: composedReason({ reason: 'customer_rejected' }) }];
  }
  if (departmentCannotResolve(state)) {
    return [{ kind: 'one_tier', trigger: 'department_cannot_resolve', reason: DEPARTMENT_CANNOT_RESOLVE_REASON }];
  }
  // The tier clock (shared/deadlines) already leaves out waits on the customer and honours an extension; a tier
  // without a limit has no tier clock.
  const hours = policy.tiers[state.tier].hours;
  if (hours !== null && computeClocks(state, policy, calendar, now).tier?.state === 'overdue') {
    return [{ kind: 'one_tier', trigger: 'tier_deadline', reason: composedReason({ reason: 'tier_deadline', tier: state.tier, hours }) }];
  }
  return [];
}

/** The Escalated event drafts for what is due, stamped with `ctx` (its `now`, actor — the system user — and ids). */
export function escalationDrafts(state: ComplaintState, due: readonly DueEscalation[], ctx: CommandContext): EventDraft[] {
  const position = { id: state.id, tier: state.tier, routes: state.routes };
  return due.flatMap((item) =>
    item.kind === 'one_tier'
      ? escalateOneTier(ctx, position, item.trigger, item.reason)
      : // Flags found by the clock are recorded on the event itself: no Assessed event carries them.
        escalateForMajorFlags(ctx, position, item.flags, item.raise),
  );
}

/** `dueEscalations` at `ctx.now` under `ctx.policy`, as drafts ready to stamp and append. */
export function runDueEscalations(state: ComplaintState, calendar: WorkingCalendar, ctx: CommandContext): EventDraft[] {
  return escalationDrafts(state, dueEscalations(state, ctx.policy, calendar, ctx.now), ctx);
}

function missingRoutes(state: ComplaintState, flags: readonly MajorFlag[]): boolean {
  return routesFor(flags).some((route) => !state.routes.includes(route));
}
