import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../calendar';
import type { DomainEvent } from '../domain/events';
import { foldComplaint } from '../domain/reducer';
import type { ComplaintState } from '../domain/state';
import { DEFAULT_POLICY } from '../policy/policy';
import { generateSeed } from '../seed/generator';
import { createRandom } from '../seed/random';
import { dashboardFigures, RANKING_MIN_SAMPLE, TILE_MEASURE, type DashboardFigures } from './dashboard';
import { kpiFactsOf, type KpiFacts } from './facts';
import { computeKpis } from './kpi';
import { bucketsOf, resolvePeriod, type PeriodChoice, type ResolvedPeriod } from './period';
import { selectionMatcher, type KpiSelection } from './selection';

const TZ = 'Asia/Shanghai';
const seed = generateSeed({ branches: 2, complaints: 1500, days: 400 }, createRandom(11));
const states: ComplaintState[] = (() => {
  const byComplaint = new Map<string, DomainEvent[]>();
  for (const event of seed.events) byComplaint.set(event.complaintId, [...(byComplaint.get(event.complaintId) ?? []), event]);
  return [...byComplaint.values()].map(foldComplaint);
})();
const facts: KpiFacts[] = states.map((state) => kpiFactsOf(state, DEFAULT_POLICY, CN_2026_CALENDAR)).sort((a, b) => a.receivedMs - b.receivedMs);

function resolved(choice: PeriodChoice): ResolvedPeriod {
  const period = resolvePeriod(choice, TZ);
  if (!period.ok) throw new Error(period.problem);
  return period.value;
}

function figuresAt(choice: PeriodChoice, now: string): DashboardFigures {
  const period = resolved(choice);
  return dashboardFigures(facts, {
    current: period.current,
    comparison: period.comparison,
    buckets: bucketsOf(period.current, period.unit, TZ),
    nowMs: Date.parse(now),
    today: now.slice(0, 10),
    policy: DEFAULT_POLICY,
  });
}

describe('periods', () => {
  it('are whole local days: a month in Shanghai starts at 16:00 UTC the day before', () => {
    const { current, comparison, unit } = resolved({ kind: 'month', anchor: '2026-11-20', compare: 'previous' });
    expect([current.from, current.to]).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect([comparison.from, comparison.to]).toEqual(['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z']);
    expect(unit).toBe('day');
  });

  it('compare a week Monday to Sunday, with the week before or the same weekdays a year earlier', () => {
    const previous = resolved({ kind: 'week', anchor: '2026-11-20', compare: 'previous' });
    expect([previous.current.from, previous.comparison.from]).toEqual(['2026-11-15T16:00:00.000Z', '2026-11-08T16:00:00.000Z']);
    const lastYear = resolved({ kind: 'week', anchor: '2026-11-20', compare: 'last_year' });
    expect(lastYear.comparison.from).toBe('2025-11-16T16:00:00.000Z'); // Monday 17 November 2025
  });

  it('chart a quarter by week (short first and last weeks) and a year by month', () => {
    const quarter = resolved({ kind: 'quarter', anchor: '2026-11-20', compare: 'last_year' });
    const weeks = bucketsOf(quarter.current, quarter.unit, TZ);
    expect(weeks[0]?.label).toBe('2026-10-01');
    expect(weeks[1]?.label).toBe('2026-10-05');
    expect(weeks.at(-1)?.to).toBe(quarter.current.to);
    expect(quarter.comparison.from).toBe('2025-09-30T16:00:00.000Z');
    const year = resolved({ kind: 'year', anchor: '2026-02-03', compare: 'previous' });
    expect(bucketsOf(year.current, year.unit, TZ).map((b) => b.label)).toHaveLength(12);
  });

  it('refuse a custom range that is missing, backwards or absurdly long, and compare a custom range with as many days before', () => {
    expect(resolvePeriod({ kind: 'custom', anchor: '2026-11-20', compare: 'previous', from: '2026-11-10' }, TZ)).toEqual({ ok: false, problem: 'custom_range_missing' });
    expect(resolvePeriod({ kind: 'custom', anchor: '2026-11-20', compare: 'previous', from: '2026-11-10', to: '2026-11-01' }, TZ)).toEqual({ ok: false, problem: 'custom_range_reversed' });
    expect(resolvePeriod({ kind: 'custom', anchor: '2026-11-20', compare: 'previous', from: '2000-01-01', to: '2026-11-01' }, TZ)).toEqual({ ok: false, problem: 'custom_range_too_long' });
    const custom = resolved({ kind: 'custom', anchor: '2026-11-20', compare: 'previous', from: '2026-11-10', to: '2026-11-19' });
    expect([custom.comparison.from, custom.comparison.to]).toEqual(['2026-10-30T16:00:00.000Z', '2026-11-09T16:00:00.000Z']);
  });
});

describe('KPI facts taken at the last step', () => {
  // Before, at and long after the seed's "now": clocks still running then turn missed later without an event.
  const nows = [seed.now, '2026-11-25T00:00:00.000Z', '2027-03-01T00:00:00.000Z'];
  const periods = [
    { from: '2025-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
  ];

  it.each(nows)('give computeKpis’ figures (clocks computed at now) for every department and person at %s', (now) => {
    for (const period of periods) {
      for (const groupBy of ['department', 'person'] as const) {
        const table = computeKpis(states, { policy: DEFAULT_POLICY, calendar: CN_2026_CALENDAR, period, groupBy, now });
        const figures = dashboardFigures(facts, {
          current: { ...period, fromDay: 0, toDay: 0 },
          comparison: { ...period, fromDay: 0, toDay: 0 },
          buckets: [],
          nowMs: Date.parse(now),
          today: now.slice(0, 10),
          policy: DEFAULT_POLICY,
        });
        const ranked = new Map(figures.ranking[groupBy].map((row) => [row.key, row]));
        expect(ranked.size).toBe(table.rows.length);
        for (const row of table.rows) {
          expect(ranked.get(row.key), `${groupBy} ${row.key}`).toMatchObject({ count: row.count, composite: row.composite, resolutionRate: row.resolutionRate });
        }
        const tile = (id: string) => figures.tiles.find((t) => t.id === id)?.value;
        expect([tile('volume'), tile('responseOnTime'), tile('resolutionOnTime'), tile('resolutionRate'), tile('satisfaction'), tile('repeats'), tile('composite')]).toEqual([
          table.total.count,
          table.total.responseOnTimePct,
          table.total.resolutionOnTimePct,
          table.total.resolutionRate,
          table.total.averageSatisfaction,
          table.total.repeatComplaints,
          table.total.composite,
        ]);
      }
    }
  });

  it('keep a clock running at the last step undecided until its deadline, then missed', () => {
    const running = facts.find((f) => f.resolution.verdict === 'undecided' && f.resolution.missAtMs !== undefined);
    expect(running).toBeDefined();
  });
});

describe('dashboard figures', () => {
  const choice: PeriodChoice = { kind: 'quarter', anchor: '2026-10-15', compare: 'previous' };
  const figures = figuresAt(choice, seed.now);
  const period = resolved(choice);
  const selection = (measure: KpiSelection['measure'], extra: Partial<KpiSelection> = {}): KpiSelection => ({
    from: period.current.from,
    to: period.current.to,
    now: seed.now,
    today: seed.now.slice(0, 10),
    measure,
    where: {},
    ...extra,
  });
  const countOf = (s: KpiSelection): number => facts.filter(selectionMatcher(s)).length;

  it('open each tile onto as many complaints as it stands on', () => {
    for (const tile of figures.tiles) expect(countOf(selection(TILE_MEASURE[tile.id])), tile.id).toBe(tile.whole);
    expect(figures.tiles[0]).toMatchObject({ id: 'volume', value: figures.count });
    expect(figures.count).toBeGreaterThan(100);
  });

  it('give each tile its change against the comparison period', () => {
    const before = figuresAt({ kind: 'quarter', anchor: '2026-07-15', compare: 'previous' }, seed.now);
    for (const [index, tile] of figures.tiles.entries()) {
      const previous = before.tiles[index]?.value ?? null;
      expect(tile.previous).toBe(previous);
      expect(tile.change).toBe(tile.value === null || previous === null ? null : tile.value - previous);
    }
  });

  it('say why a figure is undefined instead of showing 0 or NaN', () => {
    const empty = figuresAt({ kind: 'month', anchor: '2030-01-10', compare: 'previous' }, seed.now);
    const byId = new Map(empty.tiles.map((tile) => [tile.id, tile]));
    expect(byId.get('volume')).toMatchObject({ value: 0, change: 0 });
    expect(byId.get('responseOnTime')).toMatchObject({ value: null, missing: 'no_response_decided', change: null });
    expect(byId.get('satisfaction')).toMatchObject({ value: null, missing: 'no_satisfaction_score' });
    expect(byId.get('composite')).toMatchObject({ value: null, missing: 'no_complaints' });
    expect(empty.volume.every((point) => point.total === 0)).toBe(true);
  });

  it('split the volume by bucket and channel, and each bucket opens onto its complaints', () => {
    expect(figures.volume.reduce((sum, point) => sum + point.total, 0)).toBe(figures.count);
    for (const point of figures.volume) {
      for (const [channel, count] of Object.entries(point.byChannel)) {
        expect(countOf(selection('all', { from: point.bucket.from, to: point.bucket.to, where: { channel } }))).toBe(count);
      }
    }
    for (const point of figures.onTime) {
      expect(countOf(selection('response_decided', { from: point.bucket.from, to: point.bucket.to }))).toBe(point.responseDecided);
      expect(countOf(selection('resolution_decided', { from: point.bucket.from, to: point.bucket.to }))).toBe(point.resolutionDecided);
    }
  });

  it('count categories, grades, scores, root causes and open actions as their drill-downs do', () => {
    for (const c of figures.byCategory) expect(countOf(selection('all', { where: { category: c.key } }))).toBe(c.count);
    for (const c of figures.bySubCategory) expect(countOf(selection('all', { where: { subCategory: c.key } }))).toBe(c.count);
    for (const g of figures.byGrade) expect(countOf(selection('all', { where: { grade: g.key } }))).toBe(g.count);
    for (const s of figures.satisfaction) expect(countOf(selection('scored', { score: Number(s.key) }))).toBe(s.count);
    for (const r of figures.rootCauses) expect(countOf(selection('all', { where: { rootCause: r.key } }))).toBe(r.count);
    expect(figures.rootCauses.length).toBeGreaterThan(0);
    for (const a of figures.actions) {
      expect(countOf(selection('actions_open', { owner: a.owner }))).toBe(a.complaints);
      expect(countOf(selection('actions_overdue', { owner: a.owner }))).toBe(a.overdueComplaints);
    }
  });

  it('rank departments best first with their parts and warn where the sample is small', () => {
    const rows = figures.ranking.department;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(countOf(selection('all', { where: { department: row.key } }))).toBe(row.count);
      expect(row.smallSample).toBe(row.count < RANKING_MIN_SAMPLE);
      if (row.composite !== null && row.timeliness !== null && row.satisfaction !== null && row.resolutionRate !== null) {
        expect(row.composite).toBeCloseTo(0.3 * row.timeliness + 0.4 * row.satisfaction + 0.3 * row.resolutionRate, 9);
      }
    }
    const composites = rows.flatMap((row) => (row.composite === null ? [] : [row.composite]));
    expect(composites).toEqual([...composites].sort((a, b) => b - a));
  });
});
