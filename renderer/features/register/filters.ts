/**
 * The register's filter bar as plain strings (what the inputs hold, what survives in sessionStorage), and the
 * store query it stands for. Dates are whole days in the branch's time zone.
 */
import { z } from 'zod';
import type { RegisterFilter } from '../../../shared/api/documents';
import type { UserId } from '../../../shared/brand';
import { localToEpochMs } from '../../../shared/calendar/zone';
import { GradeSchema, MajorFlagSchema, TierSchema } from '../../../shared/domain/vocabulary';
import { KpiSelectionSchema } from '../../../shared/kpi/selection';
import type { RegisterQuery, RegisterSortColumn } from '../../store/queries';

export const SORT_COLUMNS = ['receivedAt', 'number', 'nextDeadlineAt', 'grade'] as const satisfies readonly RegisterSortColumn[];

export const RegisterFiltersSchema = z.object({
  search: z.string().max(200).catch(''),
  status: z.string().max(64).catch(''),
  grade: z.string().max(1).catch(''),
  category: z.string().max(64).catch(''),
  channel: z.string().max(64).catch(''),
  assignee: z.string().max(64).catch(''),
  overdue: z.boolean().catch(false),
  /** Due soon or overdue now: what the top bar's bell lists. */
  dueSoon: z.boolean().catch(false),
  /** '' (any), or T1–T4. */
  tier: z.string().max(8).catch(''),
  /** '' (any complaint), 'any' (major complaints), or one major flag. */
  major: z.string().max(32).catch(''),
  from: z.string().max(10).catch(''),
  to: z.string().max(10).catch(''),
  /** Exactly the complaints behind a figure the dashboard opened (shared/kpi/selection.ts); removed, not edited. */
  kpi: KpiSelectionSchema.optional().catch(undefined),
  /** '' (every branch), or one branch's code (head office). */
  branch: z.string().max(8).catch(''),
  sort: z
    .object({ by: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .catch({ by: 'receivedAt', direction: 'desc' }),
});
export type RegisterFilters = z.infer<typeof RegisterFiltersSchema>;

export const EMPTY_FILTERS: RegisterFilters = RegisterFiltersSchema.parse({});

/** The "major" filter's value for any major flag. */
export const ANY_MAJOR = 'any';

const validTier = (value: string): boolean => TierSchema.safeParse(value).success;
const validMajor = (value: string): boolean => value === ANY_MAJOR || MajorFlagSchema.safeParse(value).success;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Start of a local day (`YYYY-MM-DD`) in the zone, plus `addDays`, as an ISO instant; undefined if not a date. */
export function startOfLocalDay(day: string, timeZone: string, addDays = 0): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(wall)) return undefined;
  return new Date(localToEpochMs(timeZone, wall)).toISOString();
}

export function toRegisterQuery(filters: RegisterFilters, timeZone: string): RegisterQuery {
  const query: RegisterQuery = { sort: filters.sort };
  const search = filters.search.trim();
  if (search) query.search = search;
  if (filters.status) query.status = [filters.status];
  const grade = GradeSchema.safeParse(Number(filters.grade));
  if (filters.grade && grade.success) query.grade = [grade.data];
  if (filters.category) query.category = [filters.category];
  if (filters.channel) query.channel = [filters.channel];
  if (filters.assignee) query.assignee = [filters.assignee as UserId];
  if (filters.overdue) query.overdue = true;
  if (filters.dueSoon) query.dueSoon = true;
  if (validTier(filters.tier)) query.tier = [filters.tier];
  if (validMajor(filters.major)) query.major = filters.major === ANY_MAJOR ? true : [filters.major];
  const from = startOfLocalDay(filters.from, timeZone);
  if (from) query.receivedFrom = from;
  const to = startOfLocalDay(filters.to, timeZone, 1); // the "to" day is included
  if (to) query.receivedTo = to;
  if (filters.kpi) query.kpi = filters.kpi;
  if (filters.branch) query.branch = [filters.branch];
  return query;
}

/**
 * The filters that chose the register's rows, for an export's audit line (`exports.register`'s `filter`): the
 * values the query applies (the search trimmed, a real grade, whole dates), unset ones left out.
 */
export function describeFilters(filters: RegisterFilters): RegisterFilter {
  const search = filters.search.trim();
  const grade = GradeSchema.safeParse(Number(filters.grade));
  return {
    ...(search ? { search } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.grade && grade.success ? { grade: filters.grade } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.dueSoon ? { dueSoon: true } : {}),
    ...(validTier(filters.tier) ? { tier: filters.tier } : {}),
    ...(validMajor(filters.major) ? { major: filters.major } : {}),
    ...(DAY.test(filters.from) ? { from: filters.from } : {}),
    ...(DAY.test(filters.to) ? { to: filters.to } : {}),
    ...(filters.kpi ? { kpi: filters.kpi } : {}),
    sort: filters.sort,
  };
}

export function hasFilters(filters: RegisterFilters): boolean {
  const { sort: _sort, ...rest } = filters;
  const { sort: _emptySort, ...empty } = EMPTY_FILTERS;
  return JSON.stringify(rest) !== JSON.stringify(empty);
}

/** Both dates set and the "from" day after the "to" day: no complaint can match, and the bar says so. */
export function isReversedRange(filters: Pick<RegisterFilters, 'from' | 'to'>): boolean {
  return DAY.test(filters.from) && DAY.test(filters.to) && filters.from > filters.to;
}

const STORAGE_PREFIX = 'complaint-desk.register-filters';

/** Filters belong to one person at one branch: another clerk signing in at the same window starts clean. */
export function filtersKey(branch: string, userId: string): string {
  return `${STORAGE_PREFIX}.${branch}.${userId}`;
}

type FilterStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The filters kept for this key, parsed (what storage holds is untrusted); empty when none or unreadable. */
export function loadFilters(storage: FilterStorage, key: string): RegisterFilters {
  try {
    const raw = storage.getItem(key);
    return raw ? RegisterFiltersSchema.parse(JSON.parse(raw)) : EMPTY_FILTERS;
  } catch {
    return EMPTY_FILTERS;
  }
}

export function saveFilters(storage: FilterStorage, key: string, filters: RegisterFilters): void {
  try {
    storage.setItem(key, JSON.stringify(filters));
  } catch {
    // storage disabled: filters simply reset next time
  }
}

/** At sign-out: every kept filter goes, so the next person (or the same one later) starts with the whole register. */
export function clearAllFilters(storage: FilterStorage): void {
  try {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null && key.startsWith(STORAGE_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}

/** What a figure of the dashboard opens: exactly its complaints, newest first. */
export const kpiFilters = (kpi: NonNullable<RegisterFilters['kpi']>): RegisterFilters => ({ ...EMPTY_FILTERS, kpi });

/** What the bell's "show all in the register" opens: every complaint due soon or overdue, most urgent first. */
export const DUE_SOON_FILTERS: RegisterFilters = { ...EMPTY_FILTERS, dueSoon: true, sort: { by: 'nextDeadlineAt', direction: 'asc' } };

const SHOW_EVENT = 'desk:register-filters';
let requested: RegisterFilters | undefined;

/**
 * Opens the register with these filters (the caller navigates): kept until the register takes them, whether it
 * is on screen already or mounts next.
 */
export function requestRegisterFilters(filters: RegisterFilters): void {
  requested = filters;
  window.dispatchEvent(new Event(SHOW_EVENT));
}

/** Calls `apply` with filters requested before mount and on every later request; returns the unsubscribe. */
export function onRegisterFiltersRequest(apply: (filters: RegisterFilters) => void): () => void {
  const handle = () => {
    const next = requested;
    requested = undefined;
    if (next) apply(next);
  };
  handle();
  window.addEventListener(SHOW_EVENT, handle);
  return () => window.removeEventListener(SHOW_EVENT, handle);
}

/** Clicking a column header: sort by it (newest/highest first), or flip the direction if it already is. */
export function toggleSort(current: RegisterFilters['sort'], by: RegisterFilters['sort']['by']): RegisterFilters['sort'] {
  if (current.by !== by) return { by, direction: by === 'nextDeadlineAt' || by === 'grade' ? 'asc' : 'desc' };
  return { by, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
