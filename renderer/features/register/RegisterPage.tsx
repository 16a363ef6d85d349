import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { navigate } from '../../app/useRoute';
import { onSearchFocusRequest } from '../../app/searchFocus';
import type { ComplaintId } from '../../../shared/brand';
import type { ComplaintRow } from '../../store';
import { RegisterExportButtons } from '../export/RegisterExportButtons';
import { FilterBar } from './FilterBar';
import { RegisterTable } from './RegisterTable';
import { EMPTY_FILTERS, RegisterFiltersSchema, describeFilters, hasFilters, toRegisterQuery, type RegisterFilters } from './filters';

const STORAGE_KEY = 'complaint-desk.register-filters';

/** Filters survive opening a complaint and coming back (this window only). */
function restoredFilters(): RegisterFilters {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? RegisterFiltersSchema.parse(JSON.parse(raw)) : EMPTY_FILTERS;
  } catch {
    return EMPTY_FILTERS;
  }
}

/** 投诉登记簿: every complaint, searchable, filterable, sortable. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { branch } = useSession();
  const [filters, setFilters] = useState<RegisterFilters>(restoredFilters);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  // Typing in the search box stays responsive while the query for the previous keystroke runs.
  const deferred = useDeferredValue(filters);
  const query = useMemo(() => toRegisterQuery(deferred, branch.timeZone), [deferred, branch.timeZone]);
  // The filters the listed rows (and so an export of them) came from: the deferred ones, like the query.
  const exportFilter = useMemo(() => describeFilters(deferred), [deferred]);
  const filtered = hasFilters(filters);
  const [result, setResult] = useState<{ total: number | undefined; ids: readonly ComplaintId[] }>({ total: undefined, ids: [] });

  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
    } catch {
      // storage disabled: filters simply reset next time
    }
  }, [filters]);

  useEffect(() => onSearchFocusRequest(() => searchRef.current?.focus()), []);

  const change = useCallback((next: RegisterFilters) => {
    setFilters(next);
    setSelected(0);
  }, []);

  const open = useCallback((row: ComplaintRow) => navigate({ name: 'complaint', id: row.id }), []);

  return (
    <section className="page page-fill" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('registerList.title')}</h1>
        <RegisterExportButtons ids={result.ids} filter={exportFilter} />
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
        emptyText={filtered ? t('registerList.empty') : t('registerList.emptyAll')}
      />
    </section>
  );
}
