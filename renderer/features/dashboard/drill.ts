/** Opening the register on exactly the complaints behind a figure (shared/kpi/selection.ts). */
import type { Bucket, LocalRange } from '../../../shared/kpi/period';
import type { KpiSelection } from '../../../shared/kpi/selection';
import { navigate } from '../../session/useRoute';
import { kpiFilters, requestRegisterFilters } from '../register/filters';

export interface DrillBase {
  readonly range: Pick<LocalRange, 'from' | 'to'>;
  readonly now: string;
  readonly today: string;
}

export type DrillTarget = Partial<Pick<KpiSelection, 'measure' | 'score' | 'owner' | 'where'>> & { bucket?: Bucket };

export function selectionFor(base: DrillBase, target: DrillTarget): KpiSelection {
  const range = target.bucket ?? base.range;
  return {
    from: range.from,
    to: range.to,
    now: base.now,
    today: base.today,
    measure: target.measure ?? 'all',
    where: target.where ?? {},
    ...(target.score === undefined ? {} : { score: target.score }),
    ...(target.owner === undefined ? {} : { owner: target.owner }),
  };
}

/** The register, filtered to the selection; Back returns to the dashboard's URL, period and all. */
export function openInRegister(selection: KpiSelection): void {
  requestRegisterFilters(kpiFilters(selection));
  navigate({ name: 'register' });
}
