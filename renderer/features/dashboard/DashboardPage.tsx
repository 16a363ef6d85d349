import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TILE_MEASURE, type Tile } from '../../../shared/kpi/dashboard';
import { localDayOf } from '../../../shared/kpi/period';
import { useSession } from '../../session/session';
import { useNow } from '../../store';
import { useCategoryName } from '../../ui/categories';
import { ActionsChart, CountBars, GRADE_COLOURS, OnTimeChart, VolumeChart } from './Charts';
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
  const categoryName = useCategoryName();
  const drill = state.status === 'ready' ? state.drill : undefined;
  const open = useCallback((target: DrillTarget) => drill && openInRegister(selectionFor(drill, target)), [drill]);

  return (
    <section className="page dashboard" aria-labelledby="page-title" aria-busy={state.status === 'ready' && state.pending}>
      <div className="page-head">
        <h1 id="page-title">{t('dashboard.title')}</h1>
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
          <div className="chart-grid">
            <VolumeChart figures={state.figures} unit={state.period.unit} onOpen={open} />
            <OnTimeChart figures={state.figures} unit={state.period.unit} onOpen={open} />
            <CountBars
              title={t('dashboard.chart.grade')}
              counts={state.figures.byGrade}
              nameOf={(key) => t('grade.label', { grade: key })}
              colourOf={(key) => GRADE_COLOURS[key] ?? '#6b7280'}
              emptyText={t('dashboard.chartEmpty.grade')}
              onBar={(count) => open({ where: { grade: count.key } })}
              vertical={false}
              axisLabel={t('dashboard.axis.complaints')}
            />
            <CountBars
              title={t('dashboard.chart.category')}
              counts={state.figures.byCategory}
              nameOf={categoryName}
              emptyText={t('dashboard.chartEmpty.category')}
              onBar={(count) => open({ where: { category: count.key } })}
              axisLabel={t('dashboard.axis.complaints')}
            />
            <CountBars
              title={t('dashboard.chart.subCategory')}
              counts={state.figures.bySubCategory}
              nameOf={categoryName}
              emptyText={t('dashboard.chartEmpty.subCategory')}
              onBar={(count) => open({ where: { subCategory: count.key } })}
              axisLabel={t('dashboard.axis.complaints')}
            />
            <CountBars
              title={t('dashboard.chart.satisfaction')}
              counts={state.figures.satisfaction}
              nameOf={(key) => t('dashboard.scoreLabel', { score: key })}
              emptyText={t('dashboard.chartEmpty.satisfaction')}
              onBar={(count) => open({ measure: 'scored', score: Number(count.key) })}
              vertical={false}
              axisLabel={t('dashboard.axis.complaints')}
            />
            <CountBars
              title={t('dashboard.chart.rootCauses')}
              counts={state.figures.rootCauses}
              nameOf={(key) => key}
              emptyText={t('dashboard.chartEmpty.rootCauses')}
              onBar={(count) => open({ where: { rootCause: count.key } })}
              axisLabel={t('dashboard.axis.complaints')}
            />
            <ActionsChart actions={state.figures.actions} onOpen={open} />
          </div>
          <RankingTable figures={state.figures} onOpen={(by, row) => open({ where: { [by]: row.key } })} />
        </>
      )}
    </section>
  );
}
