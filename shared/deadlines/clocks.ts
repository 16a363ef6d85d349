/**
 * The clocks of a complaint (SPEC §2, §3, §5) as a pure function of (state, policy, calendar, now):
 * acknowledgement, first reply, graded response, graded resolution and the current tier's limit. Each clock
 * says whether it is on time, due soon, overdue, met, missed or paused, with the time left or overrun — in
 * working minutes for a working-time clock, plain minutes for an around-the-clock one.
 *
 * Rules:
 * - deadlines follow the grade in the state now, so a regrade moves those of clocks still undecided; a graded clock
 *   already met, missed or overdue when the grade changed keeps that verdict and deadline (SPEC §7 on-time figures
 *   must not change with a later regrade);
 * - an overdue clock always carries its overrun, 0 while no working minute has passed since its deadline;
 * - time waiting on the customer does not count against the resolution and tier clocks: each finished pause
 *   pushes their deadline by its length, an open pause freezes the resolution clock ('paused');
 *   a pause that starts after a deadline has passed does not rescue it;
 * - an approved extension replaces the resolution deadline, and holds the tier clock at least until then
 *   (as escalation does); pauses before the approval are already inside the new deadline;
 * - a terminal complaint (closed, rejected, voided) stops every clock at the moment it ended: a clock
 *   stopped before its deadline is met, after it missed.
 */
import { AROUND_THE_CLOCK, type WorkingCalendar } from '../calendar/calendar';
import { addWorkingMs, workingMsBetween } from '../calendar/arithmetic';
import { instantMs, isoOf } from '../calendar/instant';
import { gradeRule, type ClockMode, type Policy } from '../policy/policy';
import { openPause, type ComplaintState } from '../domain/state';

export type ClockKind = 'acknowledgement' | 'firstReply' | 'response' | 'resolution' | 'tier';
export type ClockState = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'missed' | 'paused';

export interface Clock {
  readonly kind: ClockKind;
  readonly mode: ClockMode;
  /** ISO instant. While paused: when it would fall due if the customer answered now. */
  readonly deadline: string;
  /** `deadline` as epoch ms, for sorting and live countdowns. */
  readonly deadlineMs: number;
  readonly state: ClockState;
  /** Time left before the deadline (open clocks on time, due soon or paused), whole minutes rounded up. */
  readonly remainingMinutes?: number;
  /** Time past the deadline (overdue, missed, or paused after the deadline), whole minutes rounded up. */
  readonly overrunMinutes?: number;
  /** When the clock was met or missed (the step was done, or the complaint ended). */
  readonly metAt?: string;
  /**
   * The deadline was counted on the branch calendar past the last day it knows holidays for (`calendarCoverage`):
   * it assumes ordinary weeks there and may move once the next year's holidays are imported. Only working-time
   * clocks can be; around-the-clock ones do not depend on the calendar.
   */
  readonly beyondCalendar?: boolean;
}

export interface ComplaintClocks {
  readonly acknowledgement: Clock;
  readonly firstReply: Clock;
  readonly response: Clock;
  readonly resolution: Clock;
  /** The current tier's limit; null at a tier without one (T4, final review). */
  readonly tier: Clock | null;
}

const MINUTE_MS = 60_000;
const ceilMinutes = (ms: number): number => Math.ceil(ms / MINUTE_MS);

/** When a step was done (or the complaint ended), as both the record's text and epoch ms. */
interface Done {
  readonly iso: string;
  readonly ms: number;
}

/** What pushes or replaces a deadline: the waits on the customer and an approved extension. */
interface Adjustments {
  /** Pause bounds as epoch ms, [from, to, from, to, …]; an open pause ends at NaN. */
  readonly pauses: readonly number[];
  /**
   * `beyondCalendar`: the extension's deadline was counted in working days on the branch calendar past its end,
   * so a clock it sets is marked even when the clock itself runs around the clock.
   */
  readonly extension: { readonly atMs: number; readonly deadlineMs: number; readonly beyondCalendar: boolean } | undefined;
  /** The extension's new deadline replaces the clock's deadline (resolution) or only holds it (tier). */
  readonly replaces: boolean;
}

const NO_ADJUSTMENTS: Adjustments = { pauses: [], extension: undefined, replaces: false };
const UNADJUSTED = { resolution: NO_ADJUSTMENTS, tier: NO_ADJUSTMENTS } as const;

// Hot path: the register and the board compute these for every complaint, so no spreads, no closures and each
// instant read once.
function evaluate(
  kind: ClockKind,
  mode: ClockMode,
  calendar: WorkingCalendar,
  startMs: number,
  hours: number,
  done: Done | undefined,
  adjustments: Adjustments,
  frozen: boolean,
  nowMs: number,
  dueSoonShare: number,
): Clock {
  const horizonMs = done ? done.ms : nowMs;
  const { extension, pauses } = adjustments;
  let deadlineMs = addWorkingMs(calendar, startMs, hours * 60);
  if (extension) deadlineMs = adjustments.replaces ? extension.deadlineMs : Math.max(deadlineMs, extension.deadlineMs);
  // Pauses before an extension's approval are already inside its new deadline.
  const countFrom = extension ? Math.max(startMs, extension.atMs) : startMs;
  let pushedMs = 0;
  let previousEnd = countFrom;
  for (let i = 0; i < pauses.length; i += 2) {
    const from = Math.max(pauses[i] as number, previousEnd);
    const end = pauses[i + 1] as number;
    const to = Number.isNaN(end) ? horizonMs : Math.min(end, horizonMs);
    if (from >= deadlineMs || to <= from) continue;
    previousEnd = to;
    const lengthMs = workingMsBetween(calendar, from, to);
    deadlineMs = addWorkingMs(calendar, deadlineMs, lengthMs / MINUTE_MS);
    pushedMs += lengthMs;
  }
  const deadline = isoOf(deadlineMs);
  const beyond = deadlineMs > calendar.coveredUntilMs || (extension !== undefined && extension.beyondCalendar && deadlineMs >= extension.deadlineMs);
  if (done) {
    return done.ms <= deadlineMs
      ? clock(kind, mode, deadline, deadlineMs, 'met', undefined, undefined, done.iso, beyond)
      : clock(kind, mode, deadline, deadlineMs, 'missed', undefined, ceilMinutes(workingMsBetween(calendar, deadlineMs, done.ms)), done.iso, beyond);
  }
  const leftMs = workingMsBetween(calendar, nowMs, deadlineMs);
  // Past the deadline is judged on the instant, not on working time: inside a break or night right after the
  // deadline no working minute has passed yet, but the clock is overdue and carries its overrun (0 then).
  const late = nowMs > deadlineMs;
  const remaining = late ? undefined : ceilMinutes(leftMs);
  const overrun = late ? ceilMinutes(Math.max(0, -leftMs)) : undefined;
  let state: ClockState;
  if (frozen) state = 'paused';
  else if (late) state = 'overdue';
  else state = leftMs <= (workingMsBetween(calendar, startMs, deadlineMs) - pushedMs) * dueSoonShare ? 'due_soon' : 'on_time';
  return clock(kind, mode, deadline, deadlineMs, state, remaining, overrun, undefined, beyond);
}

function clock(
  kind: ClockKind,
  mode: ClockMode,
  deadline: string,
  deadlineMs: number,
  state: ClockState,
  remainingMinutes: number | undefined,
  overrunMinutes: number | undefined,
  metAt: string | undefined,
  beyondCalendar: boolean,
): Clock {
  return { kind, mode, deadline, deadlineMs, state, remainingMinutes, overrunMinutes, metAt, beyondCalendar };
}

/** The earlier of a step and the end of a terminal complaint: either stops the clock. */
function doneAt(stepIso: string | undefined, ended: Done | undefined): Done | undefined {
  if (stepIso === undefined) return ended;
  const ms = instantMs(stepIso);
  return ended && ended.ms < ms ? ended : { iso: stepIso, ms };
}

/** Epoch ms of `iso`, reusing `known` when it is the same instant (the reducer copies `receivedAt` into later fields). */
const msOf = (iso: string, known: Done): number => (iso === known.iso ? known.ms : instantMs(iso));

const calendarFor = (mode: ClockMode, calendar: WorkingCalendar): WorkingCalendar => (mode === 'working_time' ? calendar : AROUND_THE_CLOCK);

/** `now` of the previous call: a sweep over every complaint passes the same instant each time. */
let lastNow: Done = { iso: '', ms: Number.NaN };

/** The waits on the customer and the extension, as epoch ms, for the resolution and tier clocks (most complaints have none). */
function adjustmentsOf(state: ComplaintState, calendar: WorkingCalendar): { readonly resolution: Adjustments; readonly tier: Adjustments } {
  if (state.pauses.length === 0 && state.extension === undefined) return UNADJUSTED;
  const pauses: number[] = [];
  for (const pause of state.pauses) pauses.push(instantMs(pause.from), pause.to === undefined ? Number.NaN : instantMs(pause.to));
  let extension: Adjustments['extension'];
  if (state.extension) {
    const deadlineMs = instantMs(state.extension.newDeadline);
    extension = { atMs: instantMs(state.extension.at), deadlineMs, beyondCalendar: deadlineMs > calendar.coveredUntilMs };
  }
  return { resolution: { pauses, extension, replaces: true }, tier: { pauses, extension, replaces: false } };
}

/** What every clock of one complaint at one instant starts from. */
interface Basis {
  readonly state: ComplaintState;
  readonly policy: Policy;
  readonly calendar: WorkingCalendar;
  readonly nowMs: number;
  /** When a terminal complaint ended. */
  readonly ended: Done | undefined;
  readonly received: Done;
  readonly acknowledged: Done | undefined;
  readonly resolved: Done | undefined;
}

function basisOf(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, now: string): Basis {
  if (now !== lastNow.iso) lastNow = { iso: now, ms: instantMs(now) };
  const endedIso = state.terminal ? (state.closedAt ?? state.rejection?.at ?? state.voided?.at ?? state.updatedAt) : undefined;
  const ended = endedIso === undefined ? undefined : { iso: endedIso, ms: instantMs(endedIso) };
  const received: Done = { iso: state.receivedAt, ms: instantMs(state.receivedAt) };
  return { state, policy, calendar, nowMs: lastNow.ms, ended, received, acknowledged: doneAt(state.acknowledgedAt, ended), resolved: doneAt(state.resolvedAt, ended) };
}

/** The rule part a graded clock runs on: the response or the resolution hours of a grade. */
type GradedHours = 'respondHours' | 'resolveHours';

/**
 * A graded clock (response, resolution). Its deadline follows the grade in force — but a clock already decided
 * when the grade changed (met, missed, or overdue: past its deadline) keeps that verdict and that deadline, so a
 * downgrade never turns a missed response into a met one. Undecided clocks follow the new grade.
 */
function gradedClock(kind: 'response' | 'resolution', b: Basis, hoursOf: GradedHours, startMs: number, done: Done | undefined, adjustments: Adjustments, frozen: boolean): Clock {
  const changes = b.state.gradeChanges;
  const share = b.policy.dueSoonShare;
  if (changes !== undefined) {
    for (const change of changes) {
      const changedMs = instantMs(change.at);
      if (changedMs <= startMs) continue;
      const rule = gradeRule(b.policy, change.from);
      const calendar = calendarFor(rule.clock, b.calendar);
      const doneBefore = done !== undefined && done.ms <= changedMs ? done : undefined;
      const atChange = evaluate(kind, rule.clock, calendar, startMs, rule[hoursOf], doneBefore, adjustments, false, changedMs, share);
      if (atChange.state === 'met' || atChange.state === 'missed') return atChange;
      if (atChange.state === 'overdue') return evaluate(kind, rule.clock, calendar, startMs, rule[hoursOf], done, adjustments, frozen, b.nowMs, share);
    }
  }
  const grade = gradeRule(b.policy, b.state.grade);
  return evaluate(kind, grade.clock, calendarFor(grade.clock, b.calendar), startMs, grade[hoursOf], done, adjustments, frozen, b.nowMs, share);
}

function responseClock(b: Basis): Clock {
  return gradedClock('response', b, 'respondHours', b.received.ms, b.acknowledged, NO_ADJUSTMENTS, false);
}

function resolutionClock(b: Basis, adjustments: Adjustments): Clock {
  const { state, resolved } = b;
  const startMs = msOf(state.resolutionStartedAt, b.received);
  const frozen = openPause(state) !== undefined && !state.terminal && resolved === undefined;
  return gradedClock('resolution', b, 'resolveHours', startMs, resolved, adjustments, frozen);
}

/**
 * All clocks of `state` at `now` (ISO instant). `calendar` is the branch's working calendar, used by the
 * clocks the policy runs in working time.
 */
export function computeClocks(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, now: string): ComplaintClocks {
  const b = basisOf(state, policy, calendar, now);
  const { nowMs, received, ended, resolved } = b;
  const share = policy.dueSoonShare;
  const adjustments = adjustmentsOf(state, calendar);
  const { acknowledge, firstReply } = policy;
  const tierRule = policy.tiers[state.tier];
  const tierSinceMs = msOf(state.tierSince, received);
  // Resolved before this tier began: nothing was left for the tier to do.
  const tierDone = resolved && resolved.ms < tierSinceMs ? { iso: state.tierSince, ms: tierSinceMs } : resolved;
  return {
    acknowledgement: evaluate('acknowledgement', acknowledge.clock, calendarFor(acknowledge.clock, calendar), received.ms, acknowledge.hours, b.acknowledged, NO_ADJUSTMENTS, false, nowMs, share),
    firstReply: evaluate('firstReply', firstReply.clock, calendarFor(firstReply.clock, calendar), received.ms, firstReply.hours, doneAt(state.firstRepliedAt, ended), NO_ADJUSTMENTS, false, nowMs, share),
    response: responseClock(b),
    resolution: resolutionClock(b, adjustments.resolution),
    tier:
      tierRule.hours === null
        ? null
        : evaluate('tier', tierRule.clock, calendarFor(tierRule.clock, calendar), tierSinceMs, tierRule.hours, tierDone, adjustments.tier, false, nowMs, share),
  };
}

/** The graded clocks — what on-time figures are made of. */
export type GradedClocks = Pick<ComplaintClocks, 'response' | 'resolution'>;

/** Only the graded response and resolution clocks, equal to computeClocks' — for the KPI table, without the other three. */
export function computeGradedClocks(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, now: string): GradedClocks {
  const b = basisOf(state, policy, calendar, now);
  return { response: responseClock(b), resolution: resolutionClock(b, adjustmentsOf(state, calendar).resolution) };
}

const OPEN: ReadonlySet<ClockState> = new Set(['on_time', 'due_soon', 'overdue']);

/** A clock still running: on time, due soon or overdue (not met, missed or paused). */
export const isRunning = (clock: Clock): boolean => OPEN.has(clock.state);

/** The clocks as a list, in the order they are shown. */
export function clockList(clocks: ComplaintClocks): Clock[] {
  const list = [clocks.acknowledgement, clocks.firstReply, clocks.response, clocks.resolution];
  return clocks.tier ? [...list, clocks.tier] : list;
}

/** The most urgent running clock (earliest deadline, overdue ones first by construction); undefined when none runs. */
export function nextDeadline(clocks: ComplaintClocks): Clock | undefined {
  let next: Clock | undefined;
  for (const clock of clockList(clocks)) {
    if (isRunning(clock) && (next === undefined || clock.deadlineMs < next.deadlineMs)) next = clock;
  }
  return next;
}
