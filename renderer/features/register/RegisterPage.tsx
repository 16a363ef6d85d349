import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly, useSession } from '../../session/session';
import { navigate } from '../../session/useRoute';
import { onSearchFocusRequest } from '../../session/searchFocus';
import type { ComplaintId } from '../../../shared/brand';
import type { ComplaintRow } from '../../store';
import { RegisterExportButtons } from '../export/RegisterExportButtons';
import { FilterBar } from './FilterBar';
import { RegisterTable } from './RegisterTable';
import { EMPTY_FILTERS, describeFilters, filtersKey, hasFilters, isReversedRange, loadFilters, onRegisterFiltersRequest, saveFilters, toRegisterQuery, type RegisterFilters } from './filters';

/** 投诉登记簿: every complaint, searchable, filterable, sortable. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { branch, user } = useSession();
  // Filters survive opening a complaint and coming back (this window, this person; cleared at sign-out).
  const storageKey = filtersKey(branch.code, user.id);
  const [filters, setFilters] = useState<RegisterFilters>(() => loadFilters(window.sessionStorage, storageKey));
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  // Typing in the search box stays responsive while the query for the previous keystroke runs.
  const deferred = useDeferredValue(filters);
  const query = useMemo(() => toRegisterQuery(deferred, branch.timeZone), [deferred, branch.timeZone]);
  // The filters the listed rows (and so an export of them) came from: the deferred ones, like the query.
  const exportFilter = useMemo(() => describeFilters(deferred), [deferred]);
  const filtered = hasFilters(filters);
  const readOnly = useReadOnly();
  const [result, setResult] = useState<{ total: number | undefined; ids: readonly ComplaintId[] }>({ total: undefined, ids: [] });

  useEffect(() => saveFilters(window.sessionStorage, storageKey, filters), [filters, storageKey]);

  useEffect(() => onSearchFocusRequest(() => searchRef.current?.focus()), []);

  const change = useCallback((next: RegisterFilters) => {
    setFilters(next);
    setSelected(0);
  }, []);

  // The bell's "show all in the register" (or another screen) asks for these filters.
  useEffect(() => onRegisterFiltersRequest(change), [change]);

  const open = useCallback((row: ComplaintRow) => navigate({ name: 'complaint', id: row.id }), []);

  return (
    <section className="page page-fill" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('registerList.title')}</h1>
        {/* Head office exports nothing of a branch's personal data: a branch exports its own register. */}
        {!readOnly && <RegisterExportButtons ids={result.ids} filter={exportFilter} />}
      </div>
      <FilterBar ref={searchRef} filters={filters} onChange={change} onClear={() => change({ ...EMPTY_FILTERS, sort: filters.sort })} total={result.total} filtered={filtered} onLeaveSearch={() => document.getElementById('register-body')?.focus()} />
      <RegisterTable
        query={query}
        sort={filters.sort}
        onSort={(sort) => change({ ...filters, sort })}
        selected={selected}
        onSelect={setSelected}
        onOpen={open}
        onResult={setResult}
        emptyText={isReversedRange(filters) ? t('registerList.reversedRange') : filtered ? t('registerList.empty') : t('registerList.emptyAll')}
      />
    </section>
  );
}
