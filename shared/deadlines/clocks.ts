/**
 * The clocks of a complaint (SPEC §2, §3, §5) as a pure function of (state, policy, calendar, now):
 * acknowledgement, first reply, graded response, graded resolution and the current tier's limit. Each clock
 * says whether it is on time, due soon, overdue, met, missed or paused, with the time left or overrun — in
 * working minutes for a working-time clock, plain minutes for an around-the-clock one.
 *
 * Rules:
 * - deadlines follow the grade in the state now, so a regrade moves them (and re-judges met / missed);
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
import { gradeRule, type ClockMode, type Policy } from '../policy/policy';
import type { ComplaintState, Pause } from '../domain/state';

export type ClockKind = 'acknowledgement' | 'firstReply' | 'response' | 'resolution' | 'tier';
export type ClockState = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'missed' | 'paused';

export interface Clock {
  readonly kind: ClockKind;
  readonly mode: ClockMode;
  /** ISO instant. While paused: when it would fall due if the customer answered now. */
  readonly deadline: string;
  readonly state: ClockState;
  /** Time left before the deadline (open clocks on time, due soon or paused), whole minutes rounded up. */
  readonly remainingMinutes?: number;
  /** Time past the deadline (overdue, missed, or paused after the deadline), whole minutes rounded up. */
  readonly overrunMinutes?: number;
  /** When the clock was met or missed (the step was done, or the complaint ended). */
  readonly metAt?: string;
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

interface ClockSpec {
  readonly kind: ClockKind;
  readonly mode: ClockMode;
  readonly startMs: number;
  readonly hours: number;
  /** When the step was done, or the complaint ended; undefined while the clock runs. */
  readonly doneMs: number | undefined;
  /** Pauses that push the deadline (resolution and tier clocks only). */
  readonly pauses: readonly Pause[];
  readonly extension?: { readonly atMs: number; readonly deadlineMs: number; readonly replaces: boolean };
  /** The complaint is waiting on the customer now and this clock freezes meanwhile. */
  readonly frozen: boolean;
}

const ceilMinutes = (ms: number): number => Math.ceil(ms / MINUTE_MS);

/** Deadline and the counted span (start → deadline, less the pauses that pushed it) of one clock. */
function deadlineOf(spec: ClockSpec, calendar: WorkingCalendar, horizonMs: number): { deadlineMs: number; spanMs: number } {
  let deadlineMs = addWorkingMs(calendar, spec.startMs, spec.hours * 60);
  const { extension } = spec;
  if (extension) deadlineMs = extension.replaces ? extension.deadlineMs : Math.max(deadlineMs, extension.deadlineMs);
  let pushedMs = 0;
  let previousEnd = spec.startMs;
  const countFrom = extension ? Math.max(spec.startMs, extension.atMs) : spec.startMs;
  for (const pause of spec.pauses) {
    const from = Math.max(Date.parse(pause.from), countFrom, previousEnd);
    const to = Math.min(pause.to === undefined ? horizonMs : Date.parse(pause.to), horizonMs);
    if (from >= deadlineMs || to <= from) continue;
    previousEnd = to;
    const lengthMs = workingMsBetween(calendar, from, to);
    deadlineMs = addWorkingMs(calendar, deadlineMs, lengthMs / MINUTE_MS);
    pushedMs += lengthMs;
  }
  return { deadlineMs, spanMs: workingMsBetween(calendar, spec.startMs, deadlineMs) - pushedMs };
}

function evaluate(spec: ClockSpec, calendar: WorkingCalendar, nowMs: number, dueSoonShare: number): Clock {
  const horizonMs = spec.doneMs ?? nowMs;
  const { deadlineMs, spanMs } = deadlineOf(spec, calendar, horizonMs);
  const base = { kind: spec.kind, mode: spec.mode, deadline: new Date(deadlineMs).toISOString() };
  if (spec.doneMs !== undefined) {
    const metAt = new Date(spec.doneMs).toISOString();
    return spec.doneMs <= deadlineMs
      ? { ...base, state: 'met', metAt }
      : { ...base, state: 'missed', metAt, overrunMinutes: ceilMinutes(workingMsBetween(calendar, deadlineMs, spec.doneMs)) };
  }
  const leftMs = workingMsBetween(calendar, nowMs, deadlineMs);
  const time = leftMs >= 0 ? { remainingMinutes: ceilMinutes(leftMs) } : { overrunMinutes: ceilMinutes(-leftMs) };
  if (spec.frozen) return { ...base, state: 'paused', ...time };
  if (nowMs > deadlineMs) return { ...base, state: 'overdue', ...time };
  return { ...base, state: leftMs <= spanMs * dueSoonShare ? 'due_soon' : 'on_time', ...time };
}

/** When a terminal complaint ended. */
function endedAtMs(state: ComplaintState): number {
  return Date.parse(state.closedAt ?? state.rejection?.at ?? state.voided?.at ?? state.updatedAt);
}

const parseOptional = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

/**
 * All clocks of `state` at `now` (ISO instant). `calendar` is the branch's working calendar, used by the
 * clocks the policy runs in working time.
 */
export function computeClocks(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, now: string): ComplaintClocks {
  const nowMs = Date.parse(now);
  const calendarFor = (mode: ClockMode): WorkingCalendar => (mode === 'working_time' ? calendar : AROUND_THE_CLOCK);
  const run = (spec: ClockSpec): Clock => evaluate(spec, calendarFor(spec.mode), nowMs, policy.dueSoonShare);

  const endedMs = state.terminal ? endedAtMs(state) : undefined;
  const done = (stepMs: number | undefined): number | undefined => (stepMs === undefined ? endedMs : endedMs === undefined ? stepMs : Math.min(stepMs, endedMs));
  const receivedMs = Date.parse(state.receivedAt);
  const acknowledgedMs = done(parseOptional(state.acknowledgedAt));
  const resolvedMs = done(parseOptional(state.resolvedAt));
  const waiting = !state.terminal && state.pauses.some((pause) => pause.to === undefined);
  const grade = gradeRule(policy, state.grade);
  const extension = state.extension && { atMs: Date.parse(state.extension.at), deadlineMs: Date.parse(state.extension.newDeadline) };
  const simple = { pauses: [], frozen: false, startMs: receivedMs };

  const tierRule = policy.tiers[state.tier];
  const tierSinceMs = Date.parse(state.tierSince);
  return {
    acknowledgement: run({ ...simple, kind: 'acknowledgement', mode: policy.acknowledge.clock, hours: policy.acknowledge.hours, doneMs: acknowledgedMs }),
    firstReply: run({ ...simple, kind: 'firstReply', mode: policy.firstReply.clock, hours: policy.firstReply.hours, doneMs: done(parseOptional(state.firstRepliedAt)) }),
    response: run({ ...simple, kind: 'response', mode: grade.clock, hours: grade.respondHours, doneMs: acknowledgedMs }),
    resolution: run({
      kind: 'resolution',
      mode: grade.clock,
      startMs: Date.parse(state.resolutionStartedAt),
      hours: grade.resolveHours,
      doneMs: resolvedMs,
      pauses: state.pauses,
      frozen: waiting && resolvedMs === undefined,
      ...(extension ? { extension: { ...extension, replaces: true } } : {}),
    }),
    tier:
      tierRule.hours === null
        ? null
        : run({
            kind: 'tier',
            mode: tierRule.clock,
            startMs: tierSinceMs,
            hours: tierRule.hours,
            // Resolved before this tier began: nothing was left for it to do.
            doneMs: resolvedMs === undefined ? undefined : Math.max(resolvedMs, tierSinceMs),
            pauses: state.pauses,
            frozen: false,
            ...(extension ? { extension: { ...extension, replaces: false } } : {}),
          }),
  };
}

const OPEN: ReadonlySet<ClockState> = new Set(['on_time', 'due_soon', 'overdue']);

/** The clocks as a list, in the order they are shown. */
export function clockList(clocks: ComplaintClocks): Clock[] {
  const list = [clocks.acknowledgement, clocks.firstReply, clocks.response, clocks.resolution];
  return clocks.tier ? [...list, clocks.tier] : list;
}

/** The most urgent running clock (earliest deadline, overdue ones first by construction); undefined when none runs. */
export function nextDeadline(clocks: ComplaintClocks): Clock | undefined {
  let next: Clock | undefined;
  for (const clock of clockList(clocks)) {
    if (OPEN.has(clock.state) && (next === undefined || clock.deadline < next.deadline)) next = clock;
  }
  return next;
}
