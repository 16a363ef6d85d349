import { useTranslation } from 'react-i18next';
import type { KpiSelection } from '../../../shared/kpi/selection';
import { useSession } from '../../session/session';
import { localDayOf } from '../../../shared/kpi/period';
import { useCategoryName } from '../../ui/categories';
import { useUserName } from '../../ui/useUserName';
import './kpiChip.css';

/**
 * What the dashboard figure the register was opened from stands for — its measure, group and period — as one
 * removable chip: the register shows exactly those complaints until it is removed.
 */
export function KpiFilterChip({ selection, onRemove }: { selection: KpiSelection; onRemove: () => void }) {
  const { t } = useTranslation();
  const { branch } = useSession();
  const categoryName = useCategoryName();
  const userName = useUserName();
  const { where } = selection;
  const lastDay = localDayOf(new Date(Date.parse(selection.to) - 1).toISOString(), branch.timeZone);
  const parts = [
    t(`kpiFilter.measure.${selection.measure}`),
    selection.score !== undefined ? t('kpiFilter.score', { score: selection.score }) : undefined,
    selection.owner !== undefined ? t('kpiFilter.owner', { owner: selection.owner }) : undefined,
    where.channel !== undefined ? t(`channel.${where.channel}`) : undefined,
    where.category !== undefined ? categoryName(where.category) : undefined,
    where.subCategory !== undefined ? categoryName(where.subCategory) : undefined,
    where.grade !== undefined ? t('grade.label', { grade: where.grade }) : undefined,
    where.department !== undefined ? where.department || t('dashboard.none') : undefined,
    where.person !== undefined ? userName(where.person) : undefined,
    where.rootCause !== undefined ? where.rootCause || t('dashboard.none') : undefined,
    where.branch !== undefined ? `${t('headOffice.branch')} ${where.branch}` : undefined,
    t('kpiFilter.period', { from: localDayOf(selection.from, branch.timeZone), to: lastDay }),
  ].filter((part): part is string => part !== undefined);
  return (
    <span className="kpi-chip" data-testid="kpi-filter">
      <span className="kpi-chip-label">{t('kpiFilter.label')}</span>
      <span className="kpi-chip-text">{parts.join(' · ')}</span>
      <button type="button" className="kpi-chip-remove" onClick={onRemove} aria-label={t('kpiFilter.remove')} title={t('kpiFilter.remove')}>
        ×
      </button>
    </span>
  );
}
