/**
 * The branch report's figures (shared/report/branchReport.ts renders them): the dashboard's own figures
 * (shared/kpi/dashboard.ts) for the period against the one before, the on-time rates of the six months up to its end,
 * each branch on its own, and the lists — overdue and major complaints of the period, every open corrective action.
 * Computed by the dashboard's functions at the same "now", so a report and the dashboard never disagree.
 */
import type { Language } from '../api/schemas';
import { dashboardFigures, type DashboardFigures } from '../kpi/dashboard';
import { verdictAt, type CorrectiveActionFact, type KpiFacts } from '../kpi/facts';
import { bucketsOf, localDayOf } from '../kpi/period';
import type { Policy } from '../policy/policy';
import { reportRanges, type ReportPeriod, type ReportPeriodProblem, type ReportRanges } from './reportPeriod';

export interface ReportBranch {
  readonly code: string;
  readonly name: string;
  /** The KPI facts of the branch's complaints (any period: the report picks its own), sorted by `receivedMs`. */
  readonly facts: readonly KpiFacts[];
}

export interface ReportInput {
  readonly period: ReportPeriod;
  /** One branch, or several (head office): then the report compares them. */
  readonly branches: readonly ReportBranch[];
  /** What the heading and every page name: by default the one branch's name, or all names joined. */
  readonly scopeName?: string;
  /** The zone the period's local days are in. */
  readonly timeZone: string;
  readonly policy: Policy;
  /** User id → display name; an unknown id is shown as it is. */
  readonly users: ReadonlyMap<string, string>;
  readonly language: Language;
  /** ISO instant: on-time verdicts and overdue actions are as of now, as on the dashboard. */
  readonly now: string;
  /** Display name of the person generating the report. */
  readonly generatedBy: string;
}

/** An open corrective action and its complaint (whose number names the branch). */
export interface ListedAction {
  readonly facts: KpiFacts;
  readonly action: CorrectiveActionFact;
}

export interface ReportFigures {
  readonly ranges: ReportRanges;
  /** All branches together. */
  readonly figures: DashboardFigures;
  /** The on-time rates month by month over the six months up to the period's end. */
  readonly trend: DashboardFigures;
  /** Each branch on its own (used when there are several). */
  readonly byBranch: readonly { readonly branch: ReportBranch; readonly figures: DashboardFigures }[];
  /** Received in the period with a response or resolution deadline missed (as of now). */
  readonly overdue: readonly KpiFacts[];
  /** Received in the period with a major-complaint flag. */
  readonly major: readonly KpiFacts[];
  /** Every corrective action still open now, whenever its complaint was received; overdue first. */
  readonly openActions: readonly ListedAction[];
  /** The zone's local day at now. */
  readonly today: string;
}

export type ReportOutcome<T> = { ok: true; value: T } | { ok: false; problem: ReportPeriodProblem };

const byReceived = (a: KpiFacts, b: KpiFacts) => a.receivedMs - b.receivedMs;

/** The report's figures, or why its period cannot be reported at `now`. */
export function reportFigures(input: Pick<ReportInput, 'period' | 'branches' | 'timeZone' | 'policy' | 'now'>): ReportOutcome<ReportFigures> {
  const nowMs = Date.parse(input.now);
  const today = localDayOf(input.now, input.timeZone);
  const resolved = reportRanges(input.period, today, input.timeZone);
  if (!resolved.ok) return resolved;
  const ranges = resolved.value;
  const weeks = bucketsOf(ranges.current, 'week', input.timeZone);
  const months = bucketsOf(ranges.trend, 'month', input.timeZone);
  const options = { current: ranges.current, comparison: ranges.comparison, buckets: weeks, nowMs, today, policy: input.policy };
  const all = input.branches.length === 1 ? (input.branches[0]?.facts ?? []) : input.branches.flatMap((branch) => branch.facts).sort(byReceived);
  const fromMs = Date.parse(ranges.current.from);
  const toMs = Date.parse(ranges.current.to);
  const listed: KpiFacts[] = [];
  const openActions: ListedAction[] = [];
  for (const facts of all) {
    if (facts.voided) continue;
    if (facts.receivedMs >= fromMs && facts.receivedMs < toMs) listed.push(facts);
    for (const action of facts.correctiveActions) if (action.closedAt === undefined) openActions.push({ facts, action });
  }
  const missed = (facts: KpiFacts) => verdictAt(facts.response, nowMs) === 'missed' || verdictAt(facts.resolution, nowMs) === 'missed';
  openActions.sort((a, b) => (a.action.dueDate < b.action.dueDate ? -1 : a.action.dueDate > b.action.dueDate ? 1 : byReceived(a.facts, b.facts)));
  return {
    ok: true,
    value: {
      ranges,
      figures: dashboardFigures(all, options),
      trend: dashboardFigures(all, { ...options, current: ranges.trend, buckets: months }),
      byBranch: input.branches.map((branch) => ({ branch, figures: dashboardFigures(branch.facts, options) })),
      overdue: listed.filter(missed),
      major: listed.filter((facts) => facts.flags.length > 0),
      openActions,
      today,
    },
  };
}

