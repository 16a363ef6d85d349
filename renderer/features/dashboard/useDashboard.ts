/**
 * The dashboard's figures for the chosen period, recomputed in memory when the period, the data or "now" moves.
 * Only the facts of the period and its comparison are read (by month, useKpiFactsIn). While another period's are
 * read, the figures shown stay those of the period before, whole and labelled as such, never a mix.
 */
import { useMemo, useState } from 'react';
import { dashboardFigures, type DashboardFigures } from '../../../shared/kpi/dashboard';
import { bucketsOf, resolvePeriod, type PeriodChoice, type PeriodProblem, type ResolvedPeriod } from '../../../shared/kpi/period';
import { useKpiFactsIn } from '../../store';
import { usePolicy } from '../../ui/policy';
import type { DrillBase } from './drill';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'problem'; problem: PeriodProblem }
  | ReadyState;

interface ReadyState {
  status: 'ready';
  period: ResolvedPeriod;
  figures: DashboardFigures;
  drill: DrillBase;
  /** Another period was chosen and its facts are being read: these figures are still the period before's. */
  pending: boolean;
}

export function useDashboard(choice: PeriodChoice, now: string, today: string, timeZone: string): DashboardState {
  const policy = usePolicy();
  const { kind, anchor, compare, from, to } = choice;
  const resolved = useMemo(() => resolvePeriod({ kind, anchor, compare, from, to }, timeZone), [kind, anchor, compare, from, to, timeZone]);
  const ranges = useMemo(() => (resolved.ok ? [resolved.value.comparison, resolved.value.current] : []), [resolved]);
  const facts = useKpiFactsIn(ranges);
  const state = useMemo((): DashboardState => {
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
    return { status: 'ready', period, figures, drill: { range: period.current, now, today }, pending: false };
  }, [facts, resolved, now, today, timeZone, policy]);
  const [lastReady, setLastReady] = useState<ReadyState | undefined>(undefined);
  if (state.status === 'ready' && state !== lastReady) setLastReady(state);
  return state.status === 'loading' && lastReady ? { ...lastReady, pending: true } : state;
}
