/** The dashboard's figures for the chosen period, recomputed in memory when the period, the data or "now" moves. */
import { useMemo } from 'react';
import { dashboardFigures, type DashboardFigures } from '../../../shared/kpi/dashboard';
import { bucketsOf, resolvePeriod, type PeriodChoice, type PeriodProblem, type ResolvedPeriod } from '../../../shared/kpi/period';
import { useKpiFacts } from '../../store';
import { usePolicy } from '../../ui/policy';
import type { DrillBase } from './drill';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'problem'; problem: PeriodProblem }
  | { status: 'ready'; period: ResolvedPeriod; figures: DashboardFigures; drill: DrillBase };

export function useDashboard(choice: PeriodChoice, now: string, today: string, timeZone: string): DashboardState {
  const facts = useKpiFacts();
  const policy = usePolicy();
  const { kind, anchor, compare, from, to } = choice;
  return useMemo((): DashboardState => {
    const resolved = resolvePeriod({ kind, anchor, compare, from, to }, timeZone);
    if (!resolved.ok) return { status: 'problem', problem: resolved.problem };
    if (!facts) return { status: 'loading' };
    const period = resolved.value;
    const figures = dashboardFigures(facts, {
      current: period.current,
      comparison: period.comparison,
      buckets: bucketsOf(period.current, period.unit, timeZone),
      nowMs: Date.parse(now),
      today,
      policy,
    });
    return { status: 'ready', period, figures, drill: { range: period.current, now, today } };
  }, [facts, kind, anchor, compare, from, to, now, today, timeZone, policy]);
}
