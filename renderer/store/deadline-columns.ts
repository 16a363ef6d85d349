/**
 * A row's deadline columns: the nearest running clock of shared/deadlines and the instant it turns due soon.
 *
 * Computed when the complaint changes (at its `updatedAt`), they stay true until the next event: which clocks
 * run changes only through events, and so do their deadlines — except while the complaint waits on the
 * customer, when the clocks are frozen or pushed by the open pause; such a row says `paused` instead.
 * `escalationDueAt` is what the escalation sweep looks up, so it finds due complaints by one index range.
 */
import { addWorkingMs, workingMsBetween } from '../../shared/calendar/arithmetic';
import { AROUND_THE_CLOCK, type WorkingCalendar } from '../../shared/calendar/calendar';
import { computeClocks, isRunning, nextDeadline, type Clock } from '../../shared/deadlines/clocks';
import { openPause, type ComplaintState } from '../../shared/domain/state';
import { isUnresolved, unresolvedMonthDueMs } from '../../shared/escalation/rules';
import { gradeRule, type Policy } from '../../shared/policy/policy';
import type { DeadlineColumns } from './projection';

const MINUTE_MS = 60_000;

/** The counted length of a clock in ms: its policy hours, or up to the extended deadline for an extended resolution. */
function spanMs(clock: Clock, state: ComplaintState, policy: Policy, calendar: WorkingCalendar): number | undefined {
  switch (clock.kind) {
    case 'acknowledgement':
      return policy.acknowledge.hours * 60 * MINUTE_MS;
    case 'firstReply':
      return policy.firstReply.hours * 60 * MINUTE_MS;
    case 'response':
      return gradeRule(policy, state.grade).respondHours * 60 * MINUTE_MS;
    case 'resolution':
      return state.extension
        ? workingMsBetween(calendar, Date.parse(state.resolutionStartedAt), Date.parse(state.extension.newDeadline))
        : gradeRule(policy, state.grade).resolveHours * 60 * MINUTE_MS;
    case 'tier': {
      const hours = policy.tiers[state.tier].hours;
      return hours === null ? undefined : hours * 60 * MINUTE_MS;
    }
  }
}

/**
 * The first instant an automatic escalation can fall due with no step taken (shared/escalation/rules.ts): the
 * current tier's limit running out, or a month unresolved. The other triggers (customer rejection, major flags,
 * a department that cannot resolve alone) come with a step, and the store runs the rule after every step.
 */
function escalationDueAt(state: ComplaintState, policy: Policy, tier: Clock | null | undefined): string | undefined {
  if (!isUnresolved(state)) return undefined;
  const dueMs = Math.min(unresolvedMonthDueMs(state, policy) ?? Infinity, tier && isRunning(tier) ? tier.deadlineMs : Infinity);
  return Number.isFinite(dueMs) ? new Date(dueMs).toISOString() : undefined;
}

export function deadlineColumns(state: ComplaintState, policy: Policy, calendar: WorkingCalendar): DeadlineColumns {
  if (state.terminal) return { paused: 0 };
  // Waiting on the customer stops the tier clock, not the month: a paused complaint still escalates after a month.
  if (openPause(state)) return withEscalation({ paused: 1 }, escalationDueAt(state, policy, undefined));
  const asOf = state.updatedAt;
  const clocks = computeClocks(state, policy, calendar, asOf);
  const escalation = escalationDueAt(state, policy, clocks.tier);
  const next = nextDeadline(clocks);
  if (!next) return withEscalation({ paused: 0 }, escalation);
  const clockCalendar = next.mode === 'working_time' ? calendar : AROUND_THE_CLOCK;
  const asOfMs = Date.parse(asOf);
  const leftMs = workingMsBetween(clockCalendar, asOfMs, Date.parse(next.deadline));
  const span = spanMs(next, state, policy, clockCalendar);
  // Due soon once what is left is the policy's share of the span; already due soon (or overdue) at asOf → asOf.
  // A clock with no known span is never "due soon": it turns straight to overdue at its deadline.
  const untilDueSoonMs = span === undefined ? leftMs : leftMs - span * policy.dueSoonShare;
  // Already due soon at asOf → asOf, but never after the deadline itself: a step taken once the clock was overdue
  // must not move the row out of the due-soon index past its deadline (queries count due soon as past due-soon − overdue).
  const dueSoonMs = untilDueSoonMs <= 0 ? Math.min(asOfMs, Date.parse(next.deadline)) : addWorkingMs(clockCalendar, asOfMs, untilDueSoonMs / MINUTE_MS);
  const dueSoonAt = new Date(dueSoonMs).toISOString();
  const columns: DeadlineColumns = { nextDeadlineAt: next.deadline, nextDeadlineKind: next.kind, dueSoonAt, paused: 0 };
  if (next.beyondCalendar) columns.nextDeadlineBeyondCalendar = 1;
  return withEscalation(columns, escalation);
}

/** Left out rather than undefined: IndexedDB must not index a missing instant. */
function withEscalation(columns: DeadlineColumns, dueAt: string | undefined): DeadlineColumns {
  return dueAt === undefined ? columns : { ...columns, escalationDueAt: dueAt };
}
