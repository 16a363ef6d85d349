/**
 * Every figure of the dashboard (UI.md "Dashboard", SPEC §7) from the complaints' KPI facts: the tiles with
 * their change against the comparison period, the chart series and the ranking. Each figure carries the count
 * of complaints behind it, which the register shows when the figure is clicked (selection.ts).
 *
 * The facts come sorted by `receivedMs` (the store reads them in that order): a period is then two binary
 * searches and one pass over its own complaints, whatever the size of the rest.
 */
import { emptyTally, toRow, type KpiMissing, type KpiRow, type Tally } from './kpi';
import { isActionOverdue, tallyFact, tallyOf, verdictAt, type KpiFacts } from './facts';
import type { Bucket, LocalRange } from './period';
import { valueOf, type Dimension, type Measure } from './selection';
import type { Policy } from '../policy/policy';

export const TILE_IDS = ['volume', 'responseOnTime', 'resolutionOnTime', 'resolutionRate', 'satisfaction', 'repeats', 'composite'] as const;
export type TileId = (typeof TILE_IDS)[number];

/** The denominator a tile's complaints are (what its click opens). */
export const TILE_MEASURE: Readonly<Record<TileId, Measure>> = {
  volume: 'all',
  responseOnTime: 'response_decided',
  resolutionOnTime: 'resolution_decided',
  resolutionRate: 'resolvable',
  satisfaction: 'scored',
  repeats: 'repeat',
  composite: 'all',
};

export interface Tile {
  readonly id: TileId;
  /** null: no denominator in the period (`missing` says why). */
  readonly value: number | null;
  readonly previous: number | null;
  /** value − previous; null when either is. */
  readonly change: number | null;
  readonly missing?: KpiMissing;
  /** For percentages: the part met and the complaints behind it (`whole` = the click's count). */
  readonly part: number;
  readonly whole: number;
}

export interface Count {
  readonly key: string;
  readonly count: number;
}

export interface VolumePoint {
  readonly bucket: Bucket;
  readonly total: number;
  readonly byChannel: Readonly<Record<string, number>>;
}

export interface OnTimePoint {
  readonly bucket: Bucket;
  readonly responsePct: number | null;
  readonly responseDecided: number;
  readonly resolutionPct: number | null;
  readonly resolutionDecided: number;
}

export interface ActionCount {
  readonly owner: string;
  /** Open and not yet overdue. */
  readonly open: number;
  readonly overdue: number;
  /** Complaints with an open action of this owner (a complaint may hold several). */
  readonly complaints: number;
  readonly overdueComplaints: number;
}

export interface RankRow {
  readonly key: string;
  readonly count: number;
  readonly composite: number | null;
  /** Both clocks pooled: met ÷ decided × 100. */
  readonly timeliness: number | null;
  /** Average satisfaction scaled 1–5 → 0–100. */
  readonly satisfaction: number | null;
  readonly resolutionRate: number | null;
  /** Fewer complaints than `RANKING_MIN_SAMPLE`: shown, but not fairly comparable. */
  readonly smallSample: boolean;
}

/** Below this many complaints in the period a ranking row is marked as too small a sample to rank fairly. */
export const RANKING_MIN_SAMPLE = 10;
/** The root causes charted, most frequent first. */
export const TOP_ROOT_CAUSES = 8;
/** Sub-categories charted, most frequent first. */
export const TOP_SUB_CATEGORIES = 10;

export interface DashboardFigures {
  /** Complaints in the period (voided left out). */
  readonly count: number;
  /** The period as one ranking row: the composite's three parts. */
  readonly total: RankRow;
  readonly tiles: readonly Tile[];
  readonly volume: readonly VolumePoint[];
  /** Channels present in the period, most complaints first (the stack's order). */
  readonly channels: readonly string[];
  readonly byCategory: readonly Count[];
  readonly bySubCategory: readonly Count[];
  /** Grades 1–4, each present (0 when none). */
  readonly byGrade: readonly Count[];
  readonly onTime: readonly OnTimePoint[];
  /** Scores 1–5, each present. */
  readonly satisfaction: readonly Count[];
  readonly rootCauses: readonly Count[];
  readonly actions: readonly ActionCount[];
  /** `branch`: head office's comparison of branches (one row at a branch's desk). */
  readonly ranking: { readonly department: readonly RankRow[]; readonly person: readonly RankRow[]; readonly branch: readonly RankRow[] };
}

export interface DashboardOptions {
  readonly current: LocalRange;
  readonly comparison: LocalRange;
  readonly buckets: readonly Bucket[];
  readonly nowMs: number;
  /** The branch's local day at now (overdue corrective actions). */
  readonly today: string;
  readonly policy: Pick<Policy, 'kpiWeights'>;
}

/** First index whose `receivedMs` is ≥ ms (facts sorted by it). */
function lowerBound(facts: readonly KpiFacts[], ms: number): number {
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((facts[mid] as KpiFacts).receivedMs < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The facts received in the range, voided ones left out. */
export function factsIn(sorted: readonly KpiFacts[], range: Pick<LocalRange, 'from' | 'to'>): KpiFacts[] {
  const slice = sorted.slice(lowerBound(sorted, Date.parse(range.from)), lowerBound(sorted, Date.parse(range.to)));
  return slice.filter((facts) => !facts.voided);
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

function tiles(current: KpiRow, previous: KpiRow): Tile[] {
  const b = current.basis;
  const tile = (id: TileId, pick: (row: KpiRow) => number | null, part: number, whole: number, missing?: KpiMissing): Tile => {
    const value = pick(current);
    const before = pick(previous);
    return {
      id,
      value,
      previous: before,
      change: value === null || before === null ? null : value - before,
      part,
      whole,
      ...(value === null && missing ? { missing } : {}),
    };
  };
  const compositeMissing = current.missing.find((reason) => reason !== 'no_response_decided' && reason !== 'no_resolution_decided') ?? current.missing[0];
  return [
    tile('volume', (row) => row.count, b.count, b.count),
    tile('responseOnTime', (row) => row.responseOnTimePct, b.responseMet, b.responseDecided, 'no_response_decided'),
    tile('resolutionOnTime', (row) => row.resolutionOnTimePct, b.resolutionMet, b.resolutionDecided, 'no_resolution_decided'),
    tile('resolutionRate', (row) => row.resolutionRate, b.resolved, b.resolvable, 'nothing_resolvable'),
    tile('satisfaction', (row) => row.averageSatisfaction, b.satisfactionCount, b.satisfactionCount, 'no_satisfaction_score'),
    tile('repeats', (row) => row.repeatComplaints, b.repeats, b.repeats),
    tile('composite', (row) => row.composite, b.count, b.count, compositeMissing),
  ];
}

const byCountThenKey = (a: Count, b: Count): number => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function countBy(facts: readonly KpiFacts[], dimension: Dimension, skipEmpty: boolean): Count[] {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    const key = valueOf(fact, dimension);
    if (skipEmpty && key === '') continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort(byCountThenKey);
}

function series(facts: readonly KpiFacts[], buckets: readonly Bucket[], nowMs: number): { volume: VolumePoint[]; onTime: OnTimePoint[] } {
  const volume: VolumePoint[] = [];
  const onTime: OnTimePoint[] = [];
  let index = 0;
  for (const bucket of buckets) {
    const toMs = Date.parse(bucket.to);
    const byChannel: Record<string, number> = {};
    let total = 0;
    let responseMet = 0;
    let responseDecided = 0;
    let resolutionMet = 0;
    let resolutionDecided = 0;
    for (; index < facts.length && (facts[index] as KpiFacts).receivedMs < toMs; index += 1) {
      const fact = facts[index] as KpiFacts;
      total += 1;
      byChannel[fact.channel] = (byChannel[fact.channel] ?? 0) + 1;
      const response = verdictAt(fact.response, nowMs);
      if (response !== 'undecided') responseDecided += 1;
      if (response === 'met') responseMet += 1;
      const resolution = verdictAt(fact.resolution, nowMs);
      if (resolution !== 'undecided') resolutionDecided += 1;
      if (resolution === 'met') resolutionMet += 1;
    }
    volume.push({ bucket, total, byChannel });
    onTime.push({ bucket, responsePct: percent(responseMet, responseDecided), responseDecided, resolutionPct: percent(resolutionMet, resolutionDecided), resolutionDecided });
  }
  return { volume, onTime };
}

function actionCounts(facts: readonly KpiFacts[], today: string): ActionCount[] {
  const byOwner = new Map<string, { open: number; overdue: number; complaints: Set<string>; overdueComplaints: Set<string> }>();
  for (const fact of facts) {
    for (const action of fact.correctiveActions) {
      if (action.closedAt !== undefined) continue;
      let entry = byOwner.get(action.owner);
      if (!entry) {
        entry = { open: 0, overdue: 0, complaints: new Set(), overdueComplaints: new Set() };
        byOwner.set(action.owner, entry);
      }
      entry.complaints.add(fact.id);
      if (isActionOverdue(action, today)) {
        entry.overdue += 1;
        entry.overdueComplaints.add(fact.id);
      } else entry.open += 1;
    }
  }
  return [...byOwner]
    .map(([owner, e]) => ({ owner, open: e.open, overdue: e.overdue, complaints: e.complaints.size, overdueComplaints: e.overdueComplaints.size }))
    .sort((a, b) => b.overdue + b.open - (a.overdue + a.open) || (a.owner < b.owner ? -1 : 1));
}

export function rankRowOf(key: string, tally: Tally, policy: Pick<Policy, 'kpiWeights'>): RankRow {
  const row = toRow(key, tally, policy);
  return {
    key,
    count: row.count,
    composite: row.composite,
    timeliness: percent(tally.responseMet + tally.resolutionMet, tally.responseDecided + tally.resolutionDecided),
    satisfaction: row.averageSatisfaction === null ? null : ((row.averageSatisfaction - 1) / 4) * 100,
    resolutionRate: row.resolutionRate,
    smallSample: row.count < RANKING_MIN_SAMPLE,
  };
}

/** Composite per group, best first; rows without a composite last, then by count. */
export function ranking(facts: readonly KpiFacts[], dimension: 'department' | 'person' | 'branch', nowMs: number, policy: Pick<Policy, 'kpiWeights'>): RankRow[] {
  const tallies = new Map<string, Tally>();
  for (const fact of facts) {
    const key = valueOf(fact, dimension);
    let tally = tallies.get(key);
    if (!tally) {
      tally = emptyTally();
      tallies.set(key, tally);
    }
    tallyFact(tally, fact, nowMs);
  }
  return [...tallies]
    .map(([key, tally]) => rankRowOf(key, tally, policy))
    .sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || b.count - a.count || (a.key < b.key ? -1 : 1));
}

export function dashboardFigures(sorted: readonly KpiFacts[], options: DashboardOptions): DashboardFigures {
  const { nowMs, policy } = options;
  const current = factsIn(sorted, options.current);
  const previous = factsIn(sorted, options.comparison);
  const currentTally = tallyOf(current, nowMs);
  const currentRow = toRow('', currentTally, policy);
  const previousRow = toRow('', tallyOf(previous, nowMs), policy);
  const { volume, onTime } = series(current, options.buckets, nowMs);
  const channels = countBy(current, 'channel', false).map((count) => count.key);
  const grades = new Map(countBy(current, 'grade', false).map((count) => [count.key, count.count]));
  const scores = new Map<number, number>();
  for (const fact of current) if (fact.satisfaction !== undefined) scores.set(fact.satisfaction, (scores.get(fact.satisfaction) ?? 0) + 1);
  return {
    count: current.length,
    total: rankRowOf('', currentTally, policy),
    tiles: tiles(currentRow, previousRow),
    volume,
    channels,
    byCategory: countBy(current, 'category', false),
    bySubCategory: countBy(current, 'subCategory', true).slice(0, TOP_SUB_CATEGORIES),
    byGrade: ['1', '2', '3', '4'].map((key) => ({ key, count: grades.get(key) ?? 0 })),
    onTime,
    satisfaction: [1, 2, 3, 4, 5].map((score) => ({ key: String(score), count: scores.get(score) ?? 0 })),
    rootCauses: countBy(current, 'rootCause', true).slice(0, TOP_ROOT_CAUSES),
    actions: actionCounts(current, options.today),
    ranking: { department: ranking(current, 'department', nowMs, policy), person: ranking(current, 'person', nowMs, policy), branch: ranking(current, 'branch', nowMs, policy) },
  };
}
