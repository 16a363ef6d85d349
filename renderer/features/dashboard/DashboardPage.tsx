import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TILE_MEASURE, type Tile } from '../../../shared/kpi/dashboard';
import { localDayOf } from '../../../shared/kpi/period';
import { useSession } from '../../session/session';
import { useNow } from '../../store';
import { BranchReportAction } from '../report/BranchReportAction';
import { DashboardCharts } from './DashboardCharts';
import { openInRegister, selectionFor, type DrillTarget } from './drill';
import { KpiTiles } from './KpiTiles';
import { PeriodBar } from './PeriodBar';
import { usePeriodChoice } from './periodUrl';
import { RankingTable } from './RankingTable';
import { useDashboard } from './useDashboard';
import './dashboard.css';

/** 统计: the period's KPI tiles, charts and ranking; every figure opens the register on its complaints. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { branch } = useSession();
  const now = useNow();
  const today = localDayOf(now, branch.timeZone);
  const [choice, setChoice] = usePeriodChoice(today);
  const state = useDashboard(choice, now, today, branch.timeZone);
  const drill = state.status === 'ready' ? state.drill : undefined;
  const open = useCallback((target: DrillTarget) => drill && openInRegister(selectionFor(drill, target)), [drill]);

  return (
    <section className="page dashboard" aria-labelledby="page-title" aria-busy={state.status === 'ready' && state.pending}>
      <div className="page-head">
        <h1 id="page-title">{t('dashboard.title')}</h1>
        <span className="spacer" />
        <BranchReportAction today={today} />
      </div>
      <PeriodBar choice={choice} onChange={setChoice} period={state.status === 'ready' ? state.period : undefined} today={today} />
      {state.status === 'problem' && (
        <div className="banner banner-warning" role="alert">
          {t(`dashboard.problem.${state.problem}`)}
        </div>
      )}
      {state.status === 'loading' && <p className="muted">{t('dashboard.loading')}</p>}
      {state.status === 'ready' && (
        <>
          <KpiTiles figures={state.figures} onOpen={(tile: Tile) => open({ measure: TILE_MEASURE[tile.id] })} />
          {state.figures.count === 0 && (
            <div className="banner banner-info" role="status">
              {t('dashboard.empty')}
            </div>
          )}
          <DashboardCharts figures={state.figures} unit={state.period.unit} onOpen={open} />
          <RankingTable figures={state.figures} onOpen={(by, row) => open({ where: { [by]: row.key } })} />
        </>
      )}
    </section>
  );
}
