/**
 * The period a branch report covers: a calendar month or quarter of local days in the branch's zone, named by its
 * first day. The report compares it with the period just before (the dashboard's "previous"), and charts the
 * on-time rates of the six months up to its end.
 */
import { z } from 'zod';
import { DAY_MS, dayNumberOf } from '../calendar/dates';
import { resolvePeriod, rangeOf, type LocalRange, type ResolvedPeriod } from '../kpi/period';

export const REPORT_KINDS = ['month', 'quarter'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportPeriodSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  /** The period's first local day, `YYYY-MM-DD`: the 1st of a month (of January, April, July or October for a quarter). */
  start: z.iso.date(),
});
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

/** Why a period cannot be reported: its start is not the first day of a month / quarter, or it has not begun. */
export type ReportPeriodProblem = 'report_period_invalid' | 'report_period_future';

export interface ReportRanges extends ResolvedPeriod {
  /** The six whole months ending with the period (the on-time chart). */
  readonly trend: LocalRange;
}

const TREND_MONTHS = 6;

/** The period's ranges in the zone, or why it cannot be reported on `today` (the branch's local day). */
export function reportRanges(period: ReportPeriod, today: string, timeZone: string): { ok: true; value: ReportRanges } | { ok: false; problem: ReportPeriodProblem } {
  const [year, month, day] = period.start.split('-').map(Number) as [number, number, number];
  const startsPeriod = day === 1 && (period.kind === 'month' || (month - 1) % 3 === 0);
  if (!startsPeriod || dayNumberOf(period.start) === undefined) return { ok: false, problem: 'report_period_invalid' };
  if (period.start > today) return { ok: false, problem: 'report_period_future' };
  const resolved = resolvePeriod({ kind: period.kind, anchor: period.start, compare: 'previous' }, timeZone);
  if (!resolved.ok) return { ok: false, problem: 'report_period_invalid' };
  const { current } = resolved.value;
  const trendFrom = Date.UTC(year, month - 1 + (period.kind === 'quarter' ? 3 : 1) - TREND_MONTHS, 1) / DAY_MS;
  return { ok: true, value: { ...resolved.value, trend: rangeOf(trendFrom, current.toDay, timeZone) } };
}

/** The periods a person may pick on `today`, newest first: this month and the 23 before, or this quarter and the 7 before. */
export function reportPeriodChoices(kind: ReportKind, today: string): ReportPeriod[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const step = kind === 'month' ? 1 : 3;
  const first = kind === 'month' ? month - 1 : month - 1 - ((month - 1) % 3);
  return Array.from({ length: kind === 'month' ? 24 : 8 }, (_, i) => ({ kind, start: new Date(Date.UTC(year, first - i * step, 1)).toISOString().slice(0, 10) }));
}

/** What the report offers first: the last whole month (or quarter) before `today`. */
export function lastCompletePeriod(kind: ReportKind, today: string): ReportPeriod {
  return reportPeriodChoices(kind, today)[1] as ReportPeriod;
}
