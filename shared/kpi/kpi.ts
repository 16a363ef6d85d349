/**
 * The KPI table (SPEC §7) over any set of complaints and period, one row per group. Definitions (also in
 * shared/README.md, "KPIs"):
 * - in scope: complaints *received* in [period.from, period.to), voided records excluded (they were mistakes);
 * - responseOnTimePct / resolutionOnTimePct: met ÷ decided × 100 over the graded response and resolution clocks
 *   of shared/deadlines at `now`; a clock is decided once met, missed, overdue, or paused past its deadline (a
 *   regrade does not re-judge a decided clock, shared/deadlines); clocks still running are
 *   left out, and so is the resolution clock of a complaint that ended without a resolution (rejected, or
 *   closed unresolved) — there was nothing to resolve in time;
 * - resolutionRate: resolved ÷ resolvable × 100 — resolvable = not rejected and not assessed `not_liable`;
 *   resolved = has a resolution in force (resolved, followed up, or closed after resolving);
 * - averageSatisfaction: mean of each complaint's latest reached follow-up score (1–5);
 * - repeatComplaints: complaints registered as a repeat of an earlier one (or flagged `repeat`), and at head
 *   office those whose customer complained before at any branch (`repeatOfCustomer`, shared/kpi/repeats.ts);
 * - composite = timeliness × w.timeliness + satisfaction × w.satisfaction + resolutionRate × w.resolutionRate,
 *   where timeliness pools both clocks (all met ÷ all decided × 100) and satisfaction is scaled 1–5 → 0–100.
 * A figure with no denominator is `null` — never 0, never NaN — and its reason is listed in `missing`; the
 * composite is `null` when any of its three parts is.
 *
 * One pass over the complaints with one accumulator per group, so 100 000 records take milliseconds.
 */
import type { WorkingCalendar } from '../calendar';
import { instantMs } from '../calendar/instant';
import type { ComplaintState } from '../domain/state';
import type { Policy } from '../policy/policy';
import { computeGradedClocks, type Clock, type GradedClocks } from '../deadlines/clocks';

/**
 * A clock counts once decided: met, or missed — including still open past its deadline, and paused after it
 * (a wait on the customer that began once the deadline had passed does not rescue it, so it is missed).
 */
export type Outcome = 'met' | 'missed' | 'undecided';
export function outcomeOf(clock: Clock): Outcome {
  switch (clock.state) {
    case 'met':
      return 'met';
    case 'missed':
    case 'overdue':
      return 'missed';
    case 'paused':
      return clock.overrunMinutes === undefined ? 'undecided' : 'missed';
    default:
      return 'undecided';
  }
}

export type KpiGroupBy = 'branch' | 'department' | 'person' | 'category' | 'channel' | 'grade';

export interface KpiOptions {
  readonly policy: Policy;
  readonly calendar: WorkingCalendar;
  /** ISO instants; `to` is exclusive. */
  readonly period: { readonly from: string; readonly to: string };
  readonly groupBy: KpiGroupBy;
  /** Clocks still running at `now` are pending; past their limit they count as missed. */
  readonly now: string;
  /** Groups to show even when they have no complaints in the period (e.g. every branch). */
  readonly groups?: readonly string[];
  /**
   * The complaint's clocks at `now` when the caller already has them (the board computes them anyway; all of
   * computeClocks' or only the graded two); by default the graded two are computed here. Computing clocks is most
   * of the cost of this table.
   */
  readonly clocksOf?: (state: ComplaintState) => GradedClocks;
  /** Also a repeat: the customer complained before (head office links branches this way, shared/kpi/repeats.ts). */
  readonly repeatOfCustomer?: (state: ComplaintState) => boolean;
}

/** Why a figure is null. */
export type KpiMissing = 'no_complaints' | 'no_response_decided' | 'no_resolution_decided' | 'nothing_resolvable' | 'no_satisfaction_score';

export interface KpiRow {
  /** The group's value: branch code, department, assignee id, category code, channel, or grade '1'–'4'; '' = not set. */
  readonly key: string;
  readonly count: number;
  readonly responseOnTimePct: number | null;
  readonly resolutionOnTimePct: number | null;
  readonly resolutionRate: number | null;
  readonly averageSatisfaction: number | null;
  readonly repeatComplaints: number;
  readonly composite: number | null;
  readonly missing: readonly KpiMissing[];
  /** The counts behind the percentages, for drill-down and for checking. */
  readonly basis: Readonly<Tally>;
}

export interface KpiTable {
  readonly groupBy: KpiGroupBy;
  /** Sorted by key. */
  readonly rows: readonly KpiRow[];
  /** All complaints in scope together. */
  readonly total: KpiRow;
}

/** The counts a KPI row is made of (shared with the dashboard's per-complaint facts, shared/kpi/facts.ts). */
export interface Tally {
  count: number;
  responseMet: number;
  responseDecided: number;
  resolutionMet: number;
  resolutionDecided: number;
  resolved: number;
  resolvable: number;
  satisfactionSum: number;
  satisfactionCount: number;
  repeats: number;
}

export const emptyTally = (): Tally => ({
  count: 0,
  responseMet: 0,
  responseDecided: 0,
  resolutionMet: 0,
  resolutionDecided: 0,
  resolved: 0,
  resolvable: 0,
  satisfactionSum: 0,
  satisfactionCount: 0,
  repeats: 0,
});

const KEY_OF: Record<KpiGroupBy, (state: ComplaintState) => string> = {
  branch: (s) => s.branch,
  department: (s) => s.department ?? '',
  person: (s) => s.assignee,
  category: (s) => s.category,
  channel: (s) => s.channel,
  grade: (s) => String(s.grade),
};

export function computeKpis(complaints: Iterable<ComplaintState>, options: KpiOptions): KpiTable {
  const { policy, calendar, groupBy } = options;
  const fromMs = instantMs(options.period.from);
  const toMs = instantMs(options.period.to);
  const keyOf = KEY_OF[groupBy];
  const clocksOf = options.clocksOf ?? ((state: ComplaintState) => computeGradedClocks(state, policy, calendar, options.now));
  const tallies = new Map<string, Tally>((options.groups ?? []).map((key) => [key, emptyTally()]));
  const total = emptyTally();

  for (const state of complaints) {
    if (state.status === 'voided') continue;
    const receivedMs = instantMs(state.receivedAt);
    if (!(receivedMs >= fromMs && receivedMs < toMs)) continue;
    const key = keyOf(state);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = emptyTally();
      tallies.set(key, tally);
    }
    const clocks = clocksOf(state);
    const response = outcomeOf(clocks.response);
    const resolution = state.terminal && state.resolvedAt === undefined ? 'undecided' : outcomeOf(clocks.resolution);
    const resolvable = state.status !== 'rejected' && state.validity !== 'not_liable';
    const score = latestSatisfaction(state);
    const repeat = state.repeatOf !== undefined || state.flags.includes('repeat') || options.repeatOfCustomer?.(state) === true;
    addTo(tally, response, resolution, resolvable, state.resolvedAt !== undefined, score, repeat);
    addTo(total, response, resolution, resolvable, state.resolvedAt !== undefined, score, repeat);
  }

  const rows = [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, tally]) => toRow(key, tally, policy));
  return { groupBy, rows, total: toRow('', total, policy) };
}

export function addTo(
  t: Tally,
  response: Outcome,
  resolution: Outcome,
  resolvable: boolean,
  resolved: boolean,
  score: number | undefined,
  repeat: boolean,
): void {
  t.count += 1;
  if (response !== 'undecided') t.responseDecided += 1;
  if (response === 'met') t.responseMet += 1;
  if (resolution !== 'undecided') t.resolutionDecided += 1;
  if (resolution === 'met') t.resolutionMet += 1;
  if (resolvable) {
    t.resolvable += 1;
    if (resolved) t.resolved += 1;
  }
  if (score !== undefined) {
    t.satisfactionSum += score;
    t.satisfactionCount += 1;
  }
  if (repeat) t.repeats += 1;
}

export function latestSatisfaction(state: ComplaintState): number | undefined {
  for (let i = state.followUps.length - 1; i >= 0; i--) {
    const followUp = state.followUps[i];
    if (followUp?.reached && followUp.satisfaction !== undefined) return followUp.satisfaction;
  }
  return undefined;
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

export function toRow(key: string, t: Tally, policy: Pick<Policy, 'kpiWeights'>): KpiRow {
  const responseOnTimePct = percent(t.responseMet, t.responseDecided);
  const resolutionOnTimePct = percent(t.resolutionMet, t.resolutionDecided);
  const resolutionRate = percent(t.resolved, t.resolvable);
  const averageSatisfaction = t.satisfactionCount > 0 ? t.satisfactionSum / t.satisfactionCount : null;
  const timeliness = percent(t.responseMet + t.resolutionMet, t.responseDecided + t.resolutionDecided);

  const missing: KpiMissing[] = [];
  if (t.count === 0) missing.push('no_complaints');
  if (responseOnTimePct === null) missing.push('no_response_decided');
  if (resolutionOnTimePct === null) missing.push('no_resolution_decided');
  if (resolutionRate === null) missing.push('nothing_resolvable');
  if (averageSatisfaction === null) missing.push('no_satisfaction_score');

  const w = policy.kpiWeights;
  const composite =
    timeliness === null || averageSatisfaction === null || resolutionRate === null
      ? null
      : timeliness * w.timeliness + ((averageSatisfaction - 1) / 4) * 100 * w.satisfaction + resolutionRate * w.resolutionRate;

  return {
    key,
    count: t.count,
    responseOnTimePct,
    resolutionOnTimePct,
    resolutionRate,
    averageSatisfaction,
    repeatComplaints: t.repeats,
    composite,
    missing,
    basis: { ...t },
  };
}
