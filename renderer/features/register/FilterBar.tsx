import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelSchema, MajorFlagSchema, StatusSchema, TIERS } from '../../../shared/domain/vocabulary';
import { localName } from '../../ui/categories';
import { usePolicy } from '../../ui/policy';
import { useBranchesHeld, useUsers } from '../../store';
import { ANY_MAJOR, isReversedRange, type RegisterFilters } from './filters';
import { KpiFilterChip } from './KpiFilterChip';

interface FilterBarProps {
  filters: RegisterFilters;
  onChange: (next: RegisterFilters) => void;
  onClear: () => void;
  total: number | undefined;
  filtered: boolean;
  /** ↓ in the search box moves on to the results. */
  onLeaveSearch: () => void;
}

type TextFilter = Exclude<keyof RegisterFilters, 'overdue' | 'dueSoon' | 'sort' | 'kpi'>;

/** Status, grade, tier, major flags, category, channel, assignee, overdue, date range and free text, with the result count. */
export const FilterBar = forwardRef<HTMLInputElement, FilterBarProps>(function FilterBar({ filters, onChange, onClear, total, filtered, onLeaveSearch }, searchRef) {
  const { t, i18n } = useTranslation();
  const policy = usePolicy();
  const users = useUsers();
  // Only head office holds more than one branch; a branch's own register stays as it was.
  const branches = useBranchesHeld() ?? [];
  const reversed = isReversedRange(filters);
  const set = (key: TextFilter) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value });

  const select = (key: TextFilter, label: string, options: readonly { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filters[key]} onChange={set(key)}>
        <option value="">{t('common.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="filter-bar" role="search">
      <div className="field field-search">
        <label htmlFor="filter-search">{t('registerList.search')}</label>
        <input
          ref={searchRef}
          id="filter-search"
          type="search"
          placeholder={t('registerList.searchPlaceholder')}
          value={filters.search}
          onChange={set('search')}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              onLeaveSearch();
            }
          }}
          autoComplete="off"
        />
      </div>
      {branches.length > 1 && select('branch', t('headOffice.branchFilter'), branches.map((code) => ({ value: code, label: code })))}
      {select('status', t('registerList.status'), StatusSchema.options.map((value) => ({ value, label: t(`status.${value}`) })))}
      {select('grade', t('registerList.grade'), ['1', '2', '3', '4'].map((value) => ({ value, label: t('grade.label', { grade: value }) })))}
      {select('tier', t('registerList.tier'), TIERS.map((value) => ({ value, label: `${value} · ${t(`tier.${value}`)}` })))}
      {select('major', t('registerList.major'), [
        { value: ANY_MAJOR, label: t('registerList.majorAny') },
        ...MajorFlagSchema.options.map((value) => ({ value, label: t(`flag.${value}`) })),
      ])}
      {select('category', t('registerList.category'), policy.categories.map((c) => ({ value: c.code, label: localName(c, i18n.language) })))}
      {select('channel', t('registerList.channel'), ChannelSchema.options.map((value) => ({ value, label: t(`channel.${value}`) })))}
      {select('assignee', t('registerList.assignee'), (users ?? []).map((user) => ({ value: user.id, label: user.displayName || user.username })))}
      <div className="field field-date">
        <label htmlFor="filter-from">{t('registerList.from')}</label>
        <input id="filter-from" type="date" value={filters.from} onChange={set('from')} />
      </div>
      <div className="field field-date">
        <label htmlFor="filter-to">{t('registerList.to')}</label>
        <input
          id="filter-to"
          type="date"
          value={filters.to}
          onChange={set('to')}
          aria-invalid={reversed || undefined}
          aria-describedby={reversed ? 'filter-range-error' : undefined}
        />
      </div>
      {reversed && (
        <span id="filter-range-error" className="field-error" role="alert">
          {t('registerList.reversedRange')}
        </span>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.overdue} onChange={(event) => onChange({ ...filters, overdue: event.target.checked })} />
        {t('registerList.overdueOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.dueSoon} onChange={(event) => onChange({ ...filters, dueSoon: event.target.checked })} />
        {t('registerList.dueSoonOnly')}
      </label>
      {filters.kpi && <KpiFilterChip selection={filters.kpi} onRemove={() => onChange({ ...filters, kpi: undefined })} />}
      {filtered && (
        <button type="button" className="btn-link" onClick={onClear}>
          {t('registerList.clearFilters')}
        </button>
      )}
      <span className="result-count" role="status" aria-live="polite">
        {total === undefined ? t('registerList.loading') : t('registerList.count', { count: total })}
      </span>
    </div>
  );
});
