/**
 * The escalation board as data (SPEC §5, UI.md "Escalation board"): open complaints into tier columns and
 * legal / PR lanes, filtered, most urgent first, with each column's count and overdue count. Pure: the page
 * hands in the rows (store/board.ts), "now" and who is looking.
 */
import type { ComplaintRecord } from '../../store/records';
import { rowClockState, type RowClockState } from '../../store/projection';
import { TIERS, type Route, type Tier } from '../../../shared/domain/vocabulary';
import type { ComplaintState } from '../../../shared/domain/state';
import type { Refusal } from '../../../shared/result';

export const ROUTE_LANES: readonly Route[] = ['legal', 'pr'];
export type ColumnKey = Tier | Route;

export const isTier = (key: string): key is Tier => (TIERS as readonly string[]).includes(key);
export const isRouteLane = (key: string): key is Route => (ROUTE_LANES as readonly string[]).includes(key);

/** What the board shows; remembered per user (boardFilters.ts). */
export interface BoardFilters {
  grades: readonly (1 | 2 | 3 | 4)[];
  category: string;
  assignee: string;
  mine: boolean;
  overdue: boolean;
  dueSoon: boolean;
  text: string;
}

export const NO_FILTERS: BoardFilters = { grades: [], category: '', assignee: '', mine: false, overdue: false, dueSoon: false, text: '' };

export interface BoardCard {
  record: ComplaintRecord;
  clock: RowClockState;
}

export interface BoardColumn {
  key: ColumnKey;
  cards: BoardCard[];
  overdue: number;
}

export interface Viewer {
  userId: string;
  /** Lower-cased words a free-text filter may match besides the number (category name, assignee name, customer as shown). */
  wordsOf: (record: ComplaintRecord) => string;
}

const RANK: Record<RowClockState, number> = { overdue: 0, due_soon: 1, on_time: 2, paused: 3, none: 4 };

/**
 * Most urgent first: overdue by overrun (the longest overrun first), then due soon by time left, then the rest;
 * within a state the lower grade number (more serious) first, then the nearer deadline, then the number.
 */
export function compareUrgency(a: BoardCard, b: BoardCard): number {
  const byRank = RANK[a.clock] - RANK[b.clock];
  if (byRank !== 0) return byRank;
  const deadline = compareText(a.record.nextDeadlineAt, b.record.nextDeadlineAt);
  if (a.clock === 'overdue' || a.clock === 'due_soon') return deadline || a.record.grade - b.record.grade || compareText(a.record.number, b.record.number);
  return a.record.grade - b.record.grade || deadline || compareText(a.record.number, b.record.number);
}

function compareText(x: string | undefined, y: string | undefined): number {
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return x < y ? -1 : 1;
}

export function matchesFilters(card: BoardCard, filters: BoardFilters, viewer: Viewer): boolean {
  const { record } = card;
  if (filters.grades.length > 0 && !filters.grades.includes(record.grade)) return false;
  if (filters.category && record.category !== filters.category) return false;
  if (filters.mine && record.assignee !== viewer.userId) return false;
  if (!filters.mine && filters.assignee && record.assignee !== filters.assignee) return false;
  // Overdue and due soon together mean "either": the two urgent states.
  if (filters.overdue || filters.dueSoon) {
    const wanted = (filters.overdue && card.clock === 'overdue') || (filters.dueSoon && card.clock === 'due_soon');
    if (!wanted) return false;
  }
  const text = filters.text.trim().toLowerCase();
  if (text && !record.number.toLowerCase().includes(text) && !viewer.wordsOf(record).includes(text)) return false;
  return true;
}

/**
 * The columns at `now`: the four tiers always, a legal or PR lane only while some open complaint is on that route
 * (whatever the filters), each filtered and sorted. A routed complaint shows in its tier and in its lane.
 */
export function buildBoard(records: readonly ComplaintRecord[], now: string, filters: BoardFilters, viewer: Viewer): BoardColumn[] {
  const lanes = ROUTE_LANES.filter((route) => records.some((record) => record.terminal === 0 && (record.routes ?? []).includes(route)));
  const columns = new Map<ColumnKey, BoardCard[]>([...TIERS, ...lanes].map((key) => [key, []]));
  for (const record of records) {
    if (record.terminal !== 0) continue;
    const card: BoardCard = { record, clock: rowClockState(record, now) };
    if (!matchesFilters(card, filters, viewer)) continue;
    columns.get(record.tier as ColumnKey)?.push(card);
    for (const route of record.routes ?? []) if (isRouteLane(route)) columns.get(route)?.push(card);
  }
  return [...columns].map(([key, cards]) => {
    cards.sort(compareUrgency);
    return { key, cards, overdue: cards.filter((card) => card.clock === 'overdue').length };
  });
}

/** What dropping a card on a column asks of the escalate command; undefined when it is its own column. */
export function moveTarget(record: Pick<ComplaintRecord, 'tier' | 'routes'>, to: ColumnKey): { toTier: Tier } | { route: Route } | undefined {
  if (isTier(to)) return to === record.tier ? undefined : { toTier: to };
  return (record.routes ?? []).includes(to) ? undefined : { route: to };
}

/** The column one step to the left or right of `from` (keyboard moves), or undefined at the edge. */
export function neighbour(columns: readonly ColumnKey[], from: ColumnKey, step: 1 | -1): ColumnKey | undefined {
  const index = columns.indexOf(from);
  return index < 0 ? undefined : columns[index + step];
}

/**
 * Why the escalate command would refuse this move before anyone types a reason: its own gate (`refusedByGate`:
 * a clerk on someone else's complaint, an ended one) and its rule that escalation only goes up. Main still
 * decides on save.
 */
export function moveRefusal(state: Pick<ComplaintState, 'tier'>, to: ColumnKey, refusedByGate: Refusal | undefined): Refusal | undefined {
  if (refusedByGate) return refusedByGate;
  if (isTier(to) && TIERS.indexOf(to) < TIERS.indexOf(state.tier)) {
    return { code: 'not_higher_tier', message: `Escalation goes up from ${state.tier}` };
  }
  return undefined;
}
