import { describe, expect, it } from 'vitest';
import { RegisterFilterSchema } from '../../../shared/api/documents';
import { DUE_SOON_FILTERS, EMPTY_FILTERS, RegisterFiltersSchema, clearAllFilters, describeFilters, filtersKey, hasFilters, isReversedRange, kpiFilters, loadFilters, saveFilters, startOfLocalDay, toRegisterQuery, toggleSort } from './filters';

describe('register filters → store query', () => {
  it('asks for everything, newest first, when nothing is set', () => {
    expect(toRegisterQuery(EMPTY_FILTERS, 'Asia/Shanghai')).toEqual({ sort: { by: 'receivedAt', direction: 'desc' } });
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('turns each chosen value into a one-value filter and trims the search', () => {
    const query = toRegisterQuery(
      { ...EMPTY_FILTERS, search: '  138 ', status: 'registered', grade: '2', category: 'product_quality', channel: 'phone', assignee: 'u1', overdue: true },
      'Asia/Shanghai',
    );
    expect(query).toMatchObject({ search: '138', status: ['registered'], grade: [2], category: ['product_quality'], channel: ['phone'], assignee: ['u1'], overdue: true });
  });

  it('filters by tier and by major flags (any, or one), ignoring values that do not exist', () => {
    expect(toRegisterQuery({ ...EMPTY_FILTERS, tier: 'T3', major: 'any' }, 'Asia/Shanghai')).toMatchObject({ tier: ['T3'], major: true });
    expect(toRegisterQuery({ ...EMPTY_FILTERS, major: 'media' }, 'Asia/Shanghai')).toMatchObject({ major: ['media'] });
    expect(toRegisterQuery({ ...EMPTY_FILTERS, tier: 'T9', major: 'gossip' }, 'Asia/Shanghai')).toEqual({ sort: EMPTY_FILTERS.sort });
    expect(hasFilters({ ...EMPTY_FILTERS, tier: 'T2' })).toBe(true);
    expect(hasFilters({ ...EMPTY_FILTERS, major: 'any' })).toBe(true);
  });

  it('asks for what the bell counts, most urgent first, when "due soon" is set', () => {
    expect(toRegisterQuery(DUE_SOON_FILTERS, 'Asia/Shanghai')).toEqual({ dueSoon: true, sort: { by: 'nextDeadlineAt', direction: 'asc' } });
    expect(hasFilters(DUE_SOON_FILTERS)).toBe(true);
    const described = describeFilters(DUE_SOON_FILTERS);
    expect(described).toEqual({ dueSoon: true, sort: { by: 'nextDeadlineAt', direction: 'asc' } });
    expect(RegisterFilterSchema.parse(described)).toEqual(described);
  });

  it('includes the whole "to" day in the branch time zone', () => {
    const query = toRegisterQuery({ ...EMPTY_FILTERS, from: '2026-11-01', to: '2026-11-23' }, 'Asia/Shanghai');
    expect(query.receivedFrom).toBe('2026-10-31T16:00:00.000Z');
    expect(query.receivedTo).toBe('2026-11-23T16:00:00.000Z');
  });

  it('ignores a half-typed date or a grade that does not exist', () => {
    expect(startOfLocalDay('2026-11', 'Asia/Shanghai')).toBeUndefined();
    expect(toRegisterQuery({ ...EMPTY_FILTERS, grade: '7', from: '2026-1' }, 'Asia/Shanghai')).toEqual({ sort: EMPTY_FILTERS.sort });
  });

  it('restores junk from storage as empty filters instead of failing', () => {
    expect(RegisterFiltersSchema.parse({ grade: 42, sort: 'sideways', overdue: 'yes' })).toEqual(EMPTY_FILTERS);
  });

  it('flips the direction on a second click of the same column', () => {
    expect(toggleSort({ by: 'receivedAt', direction: 'desc' }, 'receivedAt')).toEqual({ by: 'receivedAt', direction: 'asc' });
    expect(toggleSort({ by: 'receivedAt', direction: 'desc' }, 'nextDeadlineAt')).toEqual({ by: 'nextDeadlineAt', direction: 'asc' });
  });
});

describe('register filters → the export audit description', () => {
  it('describes what the query applies, leaves out what is unset, and passes the contract', () => {
    expect(describeFilters(EMPTY_FILTERS)).toEqual({ sort: { by: 'receivedAt', direction: 'desc' } });
    const described = describeFilters({ ...EMPTY_FILTERS, search: '  138 ', status: 'registered', grade: '7', overdue: true, from: '2026-11-01', to: '2026-1' });
    expect(described).toEqual({ search: '138', status: 'registered', overdue: true, from: '2026-11-01', sort: EMPTY_FILTERS.sort });
    expect(RegisterFilterSchema.parse(described)).toEqual(described);
    const major = describeFilters({ ...EMPTY_FILTERS, tier: 'T4', major: 'legal' });
    expect(major).toEqual({ tier: 'T4', major: 'legal', sort: EMPTY_FILTERS.sort });
    expect(RegisterFilterSchema.parse(major)).toEqual(major);
    expect(describeFilters({ ...EMPTY_FILTERS, tier: 'T0', major: 'nope' })).toEqual({ sort: EMPTY_FILTERS.sort });
    const longest = RegisterFiltersSchema.parse({ search: 'x'.repeat(200), status: 's'.repeat(64), category: 'c'.repeat(64), channel: 'h'.repeat(64), assignee: 'a'.repeat(64), grade: '1', from: '2026-01-01', to: '2026-12-31' });
    expect(RegisterFilterSchema.safeParse(describeFilters(longest)).success).toBe(true);
  });
});

describe('register filters: per person, and honest about an impossible range', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
      removeItem: (key: string) => void map.delete(key),
      key: (index: number) => [...map.keys()][index] ?? null,
      get length() {
        return map.size;
      },
      map,
    };
  };

  it('keeps each person’s filters apart and clears them all at sign-out', () => {
    const storage = memory();
    saveFilters(storage, filtersKey('SH01', 'u1'), { ...EMPTY_FILTERS, search: '张', tier: 'T2', major: 'any' });
    expect(loadFilters(storage, filtersKey('SH01', 'u1'))).toMatchObject({ search: '张', tier: 'T2', major: 'any' });
    expect(loadFilters(storage, filtersKey('SH01', 'u2'))).toEqual(EMPTY_FILTERS);
    storage.setItem('complaint-desk.registration-draft.SH01.u1', '{}');
    clearAllFilters(storage);
    expect(loadFilters(storage, filtersKey('SH01', 'u1'))).toEqual(EMPTY_FILTERS);
    expect([...storage.map.keys()]).toEqual(['complaint-desk.registration-draft.SH01.u1']);
  });

  it('reads damaged storage as no filters', () => {
    const storage = memory();
    storage.setItem(filtersKey('SH01', 'u1'), '{not json');
    expect(loadFilters(storage, filtersKey('SH01', 'u1'))).toEqual(EMPTY_FILTERS);
  });

  it('knows a reversed date range', () => {
    expect(isReversedRange({ from: '2026-11-23', to: '2026-11-01' })).toBe(true);
    expect(isReversedRange({ from: '2026-11-01', to: '2026-11-23' })).toBe(false);
    expect(isReversedRange({ from: '2026-11-23', to: '2026-11-23' })).toBe(false);
    expect(isReversedRange({ from: '2026-11-23', to: '' })).toBe(false);
  });
});

describe('the dashboard filter', () => {
  const selection = {
    from: '2026-10-31T16:00:00.000Z',
    to: '2026-11-30T16:00:00.000Z',
    now: '2026-12-01T02:00:00.000Z',
    today: '2026-12-01',
    measure: 'scored' as const,
    score: 4,
    where: { department: '收银部' },
  };

  it('goes to the query and the export audit line as it came, and counts as a filter', () => {
    const filters = kpiFilters(selection);
    expect(toRegisterQuery(filters, 'Asia/Shanghai').kpi).toEqual(selection);
    expect(describeFilters(filters)).toEqual({ kpi: selection, sort: EMPTY_FILTERS.sort });
    expect(RegisterFilterSchema.parse(describeFilters(filters))).toEqual({ kpi: selection, sort: EMPTY_FILTERS.sort });
    expect(hasFilters(filters)).toBe(true);
  });

  it('is dropped, with the other filters kept, when what storage holds is not one', () => {
    const storage = new Map<string, string>();
    const store = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
      key: (index: number) => [...storage.keys()][index] ?? null,
      get length() {
        return storage.size;
      },
    };
    store.setItem('k', JSON.stringify({ ...EMPTY_FILTERS, channel: 'phone', kpi: { ...selection, measure: 'everything', where: { colour: 'red' } } }));
    expect(loadFilters(store, 'k')).toEqual({ ...EMPTY_FILTERS, channel: 'phone' });
  });
});
