/**
 * The dashboard's eight charts, drawn again only when their figures, bucket unit or drill-down change: a period
 * whose rows are still being read keeps the figures before (useDashboard), and a URL change re-renders the page,
 * neither of which redraws a chart.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFigures } from '../../../shared/kpi/dashboard';
import type { BucketUnit } from '../../../shared/kpi/period';
import { useCategoryName } from '../../ui/categories';
import { ActionsChart, CountBars, GRADE_COLOURS, OnTimeChart, VolumeChart } from './Charts';
import type { DrillTarget } from './drill';

const gradeColour = (grade: string): string => GRADE_COLOURS[grade] ?? '#6b7280';

export const DashboardCharts = memo(function DashboardCharts({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: (target: DrillTarget) => void }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  return (
    <div className="chart-grid">
      <VolumeChart figures={figures} unit={unit} onOpen={onOpen} />
      <OnTimeChart figures={figures} unit={unit} onOpen={onOpen} />
      <CountBars
        title={t('dashboard.chart.grade')}
        counts={figures.byGrade}
        nameOf={(key) => t('grade.label', { grade: key })}
        colourOf={gradeColour}
        emptyText={t('dashboard.chartEmpty.grade')}
        onBar={(count) => onOpen({ where: { grade: count.key } })}
        vertical={false}
        axisLabel={t('dashboard.axis.complaints')}
      />
      <CountBars
        title={t('dashboard.chart.category')}
        counts={figures.byCategory}
        nameOf={categoryName}
        emptyText={t('dashboard.chartEmpty.category')}
        onBar={(count) => onOpen({ where: { category: count.key } })}
        axisLabel={t('dashboard.axis.complaints')}
      />
      <CountBars
        title={t('dashboard.chart.subCategory')}
        counts={figures.bySubCategory}
        nameOf={categoryName}
        emptyText={t('dashboard.chartEmpty.subCategory')}
        onBar={(count) => onOpen({ where: { subCategory: count.key } })}
        axisLabel={t('dashboard.axis.complaints')}
      />
      <CountBars
        title={t('dashboard.chart.satisfaction')}
        counts={figures.satisfaction}
        nameOf={(key) => t('dashboard.scoreLabel', { score: key })}
        emptyText={t('dashboard.chartEmpty.satisfaction')}
        onBar={(count) => onOpen({ measure: 'scored', score: Number(count.key) })}
        vertical={false}
        axisLabel={t('dashboard.axis.complaints')}
      />
      <CountBars
        title={t('dashboard.chart.rootCauses')}
        counts={figures.rootCauses}
        nameOf={(key) => key}
        emptyText={t('dashboard.chartEmpty.rootCauses')}
        onBar={(count) => onOpen({ where: { rootCause: count.key } })}
        axisLabel={t('dashboard.axis.complaints')}
      />
      <ActionsChart actions={figures.actions} onOpen={onOpen} />
    </div>
  );
});
