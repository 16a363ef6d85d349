/**
 * React hooks over the store's live queries: every view stays current as commands write (useLiveQuery
 * re-runs a query when a table it read changes). The app provides the database and the store once, through
 * `DeskStoreContext`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ComplaintId, UserId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import type { KpiFacts } from '../../shared/kpi/facts';
import type { DeskDb } from './db';
import { kpiFactMonthsOf, monthsAhead, monthsCovering, type InstantRange } from './kpi-fact-months';
import {
  branchesHeld,
  countAll,
  countDeadlines,
  countOpenHeldBy,
  isPlainOrder,
  loadActionHolders,
  loadPlainWindow,
  loadTimeline,
  loadUsers,
  queryRegisterIds,
  toComplaintRow,
  type ComplaintRow,
  type RegisterQuery,
} from './queries';
import type { ComplaintRecord, UserRecord } from './records';
import type { DeskStore } from './store';

export interface DeskStoreContextValue {
  db: DeskDb;
  store: DeskStore;
  /** Current instant (ISO); the store's clock, so tests and benchmarks can pin time. */
  clock: () => string;
}

export const DeskStoreContext = createContext<DeskStoreContextValue | null>(null);

export function useDeskStore(): DeskStoreContextValue {
  const value = useContext(DeskStoreContext);
  if (!value) throw new Error('useDeskStore: render inside <DeskStoreContext.Provider>');
  return value;
}

/** "Now", re-read every `intervalMs` (30 s by default): clock states and countdowns move with it. */
export function useNow(intervalMs = 30_000): string {
  const { clock } = useDeskStore();
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}

/** Rows read for positions `from…`; bulkGet keeps a hole where a row is missing, so positions stay aligned. */
interface RowWindow {
  from: number;
  records: readonly (ComplaintRecord | undefined)[];
}

/** Rows are read in pages of this many, so scrolling a few lines does not re-query. */
export const REGISTER_PAGE = 100;

export interface RegisterView {
  /** Matching complaints; undefined until the first query answers. */
  total: number | undefined;
  /** The row at a position of the sorted, filtered register; undefined while its page loads. */
  getRow(index: number): ComplaintRow | undefined;
  /** The ids in register order (for "open next", export of the current view). */
  ids: readonly ComplaintId[];
}

/**
 * The register for a virtualised table: pass the visible index range (e.g. from @tanstack/react-virtual);
 * only the pages around it are read. Clock states are computed at `now` (see `useNow`).
 *
 * The opening view (no filter, plain sort) shows at once from a count and an index window; the full id list
 * is fetched alongside and takes over for scrolling. Filtered views wait for their (smaller) id list.
 */
export function useRegister(query: RegisterQuery, visible: { start: number; end: number }): RegisterView {
  const { db } = useDeskStore();
  const now = useNow();
  const queryKey = JSON.stringify(query);
  const plain = isPlainOrder(query);
  const firstPage = Math.floor(Math.max(visible.start, 0) / REGISTER_PAGE);
  const lastPage = Math.floor(Math.max(visible.end, visible.start, 0) / REGISTER_PAGE);
  const from = firstPage * REGISTER_PAGE;
  const size = (lastPage - firstPage + 1) * REGISTER_PAGE;
  // The query whose id list has shown rows: from then on its windows come from the list.
  const [listedQuery, setListedQuery] = useState<string>();

  const plainTotal = useLiveQuery(() => (plain ? countAll(db) : undefined), [db, plain]);
  const indexWindowWanted = plain && listedQuery !== queryKey;
  const indexWindow = useLiveQuery<RowWindow | undefined>(
    async () => (indexWindowWanted ? { from, records: await loadPlainWindow(db, JSON.parse(queryKey) as RegisterQuery, from, size) } : undefined),
    [db, indexWindowWanted, queryKey, from, size],
  );
  // IndexedDB answers one request after another: start the long key scan only once the first screen is read.
  const idsWanted = !plain || indexWindow !== undefined || listedQuery === queryKey;
  // `now` only matters to the overdue filter; other queries should not re-run on the clock tick.
  const overdueNow = query.overdue ? now : '';
  const ids = useLiveQuery(
    () => (idsWanted ? queryRegisterIds(db, JSON.parse(queryKey) as RegisterQuery, overdueNow || now) : undefined),
    [db, queryKey, overdueNow, idsWanted],
  );
  const windowIds = useMemo(() => ids?.slice(from, from + size), [ids, from, size]);
  const listWindow = useLiveQuery<RowWindow | undefined>(
    async () => (windowIds ? { from, records: await db.complaints.bulkGet([...windowIds]) } : undefined),
    [db, windowIds, from],
  );
  // Adjusting state while rendering (React's "storing information from previous renders"), not in an effect.
  if (listWindow !== undefined && listedQuery !== queryKey) setListedQuery(queryKey);

  const userNames = useUserNames();
  return useMemo(() => {
    // A window answered for an earlier scroll position still serves the rows it holds, at their own positions.
    const shown = listWindow ?? indexWindow;
    return {
      total: ids?.length ?? plainTotal,
      ids: ids ?? [],
      getRow(index: number) {
        const record = shown && index >= shown.from ? shown.records[index - shown.from] : undefined;
        return record ? toComplaintRow(record, userNames, now) : undefined;
      },
    };
  }, [ids, plainTotal, listWindow, indexWindow, userNames, now]);
}

/** A complaint's full state, folded from its events; undefined while loading or when there is none. */
export function useComplaint(id: ComplaintId | undefined): ComplaintState | undefined {
  const events = useTimeline(id);
  return useMemo(() => (events && events.length > 0 ? foldComplaint(events) : undefined), [events]);
}

/** A complaint's events in log order (its timeline). */
export function useTimeline(id: ComplaintId | undefined): DomainEvent[] | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => (id ? loadTimeline(db, id) : []), [db, id]);
}

/** Complaints due soon and overdue now (re-counted on the `useNow` tick and on every change). */
export function useDeadlineCounts(): { dueSoon: number; overdue: number } | undefined {
  const { db } = useDeskStore();
  const now = useNow();
  return useLiveQuery(() => countDeadlines(db, now), [db, now]);
}

/** How many open complaints `assignee` holds (warned about before their account is deactivated). */
export function useOpenHeldBy(assignee: UserId): number | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => countOpenHeldBy(db, assignee), [db, assignee]);
}

/** How many events wait to be journaled by main (0 in normal operation). */
export function usePendingJournal(): number | undefined {
  const { store } = useDeskStore();
  return useLiveQuery(() => store.pendingJournalCount(), [store]);
}

export function useUsers(): UserRecord[] | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => loadUsers(db), [db]);
}

/** The branches whose complaints this copy holds: a branch filter is worth showing only with more than one. */
export function useBranchesHeld(): string[] | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => branchesHeld(db), [db]);
}

function useUserNames(): ReadonlyMap<string, string> {
  const users = useUsers();
  return useMemo(() => new Map((users ?? []).map((user) => [user.id, user.displayName])), [users]);
}

/** The KPI facts of the complaints holding corrective actions, read again when a step changes them. */
export function useActionHolders(): KpiFacts[] | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => loadActionHolders(db), [db]);
}

/**
 * The KPI facts of the complaints received in the ranges (and perhaps some around them, in whole months),
 * sorted by `receivedMs`; undefined until every month they span is read. Only those months are read and
 * watched (kpi-fact-months.ts). The month before each range is read along with them (asked for after them),
 * so stepping a period back finds its rows in memory even when it is chosen as soon as the period is shown: read
 * only once the period's own months were, it was still being read when "previous month" came (at 100 000
 * complaints a month is some 8 000 rows).
 */
export function useKpiFactsIn(ranges: readonly InstantRange[]): KpiFacts[] | undefined {
  const { db } = useDeskStore();
  const months = kpiFactMonthsOf(db);
  useSyncExternalStore(months.subscribe, months.getVersion);
  const neededKey = monthsCovering(ranges).join(',');
  const needed = useMemo(() => (neededKey === '' ? [] : neededKey.split(',')), [neededKey]);
  const wanted = [...needed, ...monthsAhead(ranges, needed)];
  const wantedKey = wanted.join(',');
  const held = useRef<readonly string[]>([]);
  useEffect(() => {
    const next = wantedKey === '' ? [] : wantedKey.split(',');
    // The new months are held before the old ones are let go: a month in both is never dropped and read again.
    months.hold(next.filter((key) => !held.current.includes(key)));
    months.release(held.current.filter((key) => !next.includes(key)));
    held.current = next;
  }, [months, wantedKey]);
  useEffect(
    () => () => {
      months.release(held.current);
      held.current = [];
    },
    [months],
  );
  // Re-rendered whenever a held month is read (the external store above); the same rows give the same array.
  return months.factsOf(needed);
}
