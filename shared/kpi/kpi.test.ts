import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchCodeSchema, ComplaintIdSchema, EventIdSchema, UserIdSchema } from '../brand';
import { CN_2026_CALENDAR } from '../calendar';
import type { Clock, ComplaintClocks } from '../deadlines/clocks';
import type { DomainEvent, EventBody } from '../domain/events';
import { foldComplaint } from '../domain/reducer';
import type { ComplaintState } from '../domain/state';
import { DEFAULT_POLICY } from '../policy/policy';
import { generateSeed } from '../seed/generator';
import { createRandom } from '../seed/random';
import { computeKpis, type KpiGroupBy, type KpiOptions, type KpiRow } from './kpi';

const STAFF = UserIdSchema.parse('u-li');
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * 3_600_000).toISOString();

/** A grade-3 complaint (respond 8 h, resolve 72 h, around the clock) and what happened to it, `h` hours after receipt. */
function complaint(id: string, branch: string, receivedAt: string, steps: [h: number, body: EventBody][], repeatOf?: string): ComplaintState {
  const base = { complaintId: ComplaintIdSchema.parse(id), branch: BranchCodeSchema.parse(branch), actor: STAFF, v: 1 as const };
  const registered: EventBody = {
    type: 'Registered',
    payload: {
      number: `${branch}-20261101-0001`,
      receivedAt,
      channel: 'phone',
      complainant: { name: '张伟' },
      anonymous: false,
      incident: {},
      category: 'service_attitude',
      nature: 'people',
      description: '店员态度恶劣',
      requests: ['apology'],
      evidence: [],
      receivedBy: STAFF,
      grade: 3,
      flags: [],
      policyVersion: 1,
      ...(repeatOf ? { repeatOf } : {}),
    },
  };
  const events = [[0, registered] as const, ...steps].map(
    ([h, body], i) => ({ ...base, id: EventIdSchema.parse(`${id}-${i}`), seq: i + 1, at: at(receivedAt, h), ...body }) as DomainEvent,
  );
  return foldComplaint(events);
}

const ack: EventBody = { type: 'Acknowledged', payload: {} };
const resolved: EventBody = { type: 'Resolved', payload: { communicatedBy: 'phone', communicatedAt: '2026-11-01T00:00:00.000Z', summary: '当面致歉' } };
const visit = (satisfaction: number): EventBody => ({ type: 'FollowedUp', payload: { method: 'phone', reached: true, satisfaction } });

const complaints = [
  // SH01 A: everything in time, a repeat, satisfied (5).
  complaint('a', 'SH01', '2026-11-02T01:00:00.000Z', [[1, ack], [10, resolved], [30, visit(5)]], 'SH01-20261001-0003'),
  // SH01 B: acknowledged late (10 h > 8 h), resolved late (100 h > 72 h), satisfaction 3.
  complaint('b', 'SH01', '2026-11-03T01:00:00.000Z', [[10, ack], [100, resolved], [120, visit(3)]]),
  // SH01 C: acknowledged in time, then rejected: no resolution to count, nothing resolvable.
  complaint('c', 'SH01', '2026-11-04T01:00:00.000Z', [[1, ack], [2, { type: 'Rejected', payload: { reason: 'false_material', text: '材料不实' } }]]),
  // SH01 E: a voided record does not count anywhere.
  complaint('e', 'SH01', '2026-11-05T01:00:00.000Z', [[1, { type: 'Voided', payload: { reason: '重复登记' } }]]),
  // SH01 F: received before the period.
  complaint('f', 'SH01', '2026-10-20T01:00:00.000Z', [[1, ack]]),
  // SH02 D: acknowledged in time, never resolved — overdue by `now`, no follow-up.
  complaint('d', 'SH02', '2026-11-05T01:00:00.000Z', [[1, ack]]),
];

const options: KpiOptions = {
  policy: DEFAULT_POLICY,
  calendar: CN_2026_CALENDAR,
  period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
  groupBy: 'branch',
  now: '2026-12-10T00:00:00.000Z',
};

describe('computeKpis', () => {
  const table = computeKpis(complaints, { ...options, groups: ['SH03'] });

  it('computes the hand-worked figures of a branch', () => {
    expect(table.rows.map((row) => row.key)).toEqual(['SH01', 'SH02', 'SH03']);
    const sh01 = table.rows[0];
    expect(sh01).toMatchObject({ count: 3, repeatComplaints: 1, averageSatisfaction: 4, resolutionRate: 100, resolutionOnTimePct: 50, missing: [] });
    expect(sh01?.responseOnTimePct).toBeCloseTo(200 / 3, 9);
    // timeliness (2 + 1 met of 3 + 2 decided) 60 × 0.3 + satisfaction 4 → 75 × 0.4 + resolution rate 100 × 0.3
    expect(sh01?.composite).toBeCloseTo(18 + 30 + 30, 9);
  });

  it('leaves a figure without a denominator null, says why, and then has no composite', () => {
    expect(table.rows[1]).toMatchObject({ key: 'SH02', count: 1, responseOnTimePct: 100, resolutionOnTimePct: 0, resolutionRate: 0 });
    expect(table.rows[1]).toMatchObject({ averageSatisfaction: null, composite: null, missing: ['no_satisfaction_score'] });
    expect(table.rows[2]).toMatchObject({
      key: 'SH03',
      count: 0,
      responseOnTimePct: null,
      resolutionOnTimePct: null,
      resolutionRate: null,
      averageSatisfaction: null,
      repeatComplaints: 0,
      composite: null,
      missing: ['no_complaints', 'no_response_decided', 'no_resolution_decided', 'nothing_resolvable', 'no_satisfaction_score'],
    });
  });

  it('totals every complaint in scope', () => {
    expect(table.total).toMatchObject({ count: 4, responseOnTimePct: 75, averageSatisfaction: 4, repeatComplaints: 1 });
    expect(table.total.resolutionOnTimePct).toBeCloseTo(100 / 3, 9);
    expect(table.total.resolutionRate).toBeCloseTo(200 / 3, 9);
  });

  it('counts a clock still running as undecided, not as missed', () => {
    const early = computeKpis(complaints, { ...options, groupBy: 'grade', now: '2026-11-05T03:00:00.000Z' });
    // D was received 2 h before: its resolution clock runs; B's and A's are decided.
    expect(early.rows).toHaveLength(1);
    expect(early.rows[0]).toMatchObject({ key: '3', resolutionOnTimePct: 50 });
    expect(early.rows[0]?.basis).toMatchObject({ resolutionDecided: 2, responseDecided: 4 });
  });

  it('groups by channel, category, person and department', () => {
    expect(computeKpis(complaints, { ...options, groupBy: 'channel' }).rows.map((r) => [r.key, r.count])).toEqual([['phone', 4]]);
    expect(computeKpis(complaints, { ...options, groupBy: 'category' }).rows.map((r) => r.key)).toEqual(['service_attitude']);
    expect(computeKpis(complaints, { ...options, groupBy: 'person' }).rows.map((r) => r.key)).toEqual(['u-li']);
    // No department recorded: the '' group.
    expect(computeKpis(complaints, { ...options, groupBy: 'department' }).rows.map((r) => r.key)).toEqual(['']);
  });

  it('uses the clocks the caller already has instead of computing them', () => {
    const metClock: Clock = { kind: 'response', mode: 'around_the_clock', deadline: options.now, deadlineMs: Date.parse(options.now), state: 'met' };
    const allMet: ComplaintClocks = { acknowledgement: metClock, firstReply: metClock, response: metClock, resolution: { ...metClock, kind: 'resolution' }, tier: null };
    const table = computeKpis(complaints, { ...options, clocksOf: () => allMet });
    expect(table.total).toMatchObject({ responseOnTimePct: 100, resolutionOnTimePct: 100 });
  });

  it('returns a defined, empty table for no complaints', () => {
    const empty = computeKpis([], options);
    expect(empty.rows).toEqual([]);
    expect(empty.total).toMatchObject({ count: 0, composite: null, responseOnTimePct: null });
  });
});

describe('on-time figures are not rescued after the fact', () => {
  const kpisOf = (state: ComplaintState, now = '2026-12-10T00:00:00.000Z') => computeKpis([state], { ...options, now }).total.basis;
  const paused: EventBody = { type: 'Paused', payload: { reason: '等待顾客补充材料' } };
  const assessed = (grade: 1 | 2 | 3 | 4): EventBody => ({
    type: 'Assessed',
    payload: { validity: 'liable', severity: 'low', urgency: 'low', spread: 'individual', flags: [], grade, suggestedGrade: grade, policyVersion: 1 },
  });

  it('a resolution clock already overdue when the complaint was paused counts as missed', () => {
    // Grade 3: resolve within 72 h; paused at 80 h, still waiting on the customer.
    const late = complaint('p1', 'SH01', '2026-11-02T01:00:00.000Z', [[1, ack], [80, paused]]);
    expect(kpisOf(late)).toMatchObject({ resolutionDecided: 1, resolutionMet: 0 });
    // Paused in time: the clock is frozen and still undecided.
    const inTime = complaint('p2', 'SH01', '2026-11-02T01:00:00.000Z', [[1, ack], [20, paused]]);
    expect(kpisOf(inTime)).toMatchObject({ resolutionDecided: 0, resolutionMet: 0 });
  });

  it('a response missed under one grade stays missed after a downgrade', () => {
    // Grade 3 responds within 8 h: acknowledged at 10 h, then assessed grade 4 (24 h) at 20 h.
    const downgraded = complaint('g1', 'SH01', '2026-11-02T01:00:00.000Z', [[10, ack], [20, assessed(4)]]);
    expect(downgraded.gradeChanges).toEqual([{ at: '2026-11-02T21:00:00.000Z', from: 3, to: 4 }]);
    expect(kpisOf(downgraded)).toMatchObject({ responseDecided: 1, responseMet: 0 });
  });

  it('a response overdue when downgraded stays missed; one still open is judged by the new grade', () => {
    const overdue = complaint('g2', 'SH01', '2026-11-02T01:00:00.000Z', [[9, assessed(4)], [12, ack]]);
    expect(kpisOf(overdue)).toMatchObject({ responseDecided: 1, responseMet: 0 });
    const inTime = complaint('g3', 'SH01', '2026-11-02T01:00:00.000Z', [[2, assessed(4)], [12, ack]]);
    expect(kpisOf(inTime)).toMatchObject({ responseDecided: 1, responseMet: 1 });
  });
});

describe('computeKpis on any input (property)', () => {
  const figures = (row: KpiRow) => [row.responseOnTimePct, row.resolutionOnTimePct, row.resolutionRate, row.averageSatisfaction, row.composite];
  const instant = fc.integer({ min: Date.parse('2026-05-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());

  it('never yields NaN or Infinity, and every percentage stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 40 }),
        instant,
        instant,
        instant,
        fc.constantFrom<KpiGroupBy>('branch', 'department', 'person', 'category', 'channel', 'grade'),
        (seed, count, from, to, now, groupBy) => {
          const generated = generateSeed({ branches: 2, complaints: count }, createRandom(seed)).events;
          const streams = new Map<string, DomainEvent[]>();
          for (const event of generated) streams.set(event.complaintId, [...(streams.get(event.complaintId) ?? []), event]);
          const states = [...streams.values()].map((stream) => foldComplaint(stream));
          const table = computeKpis(states, { ...options, period: { from, to }, now, groupBy, groups: ['', 'SH09'] });
          for (const row of [...table.rows, table.total]) {
            for (const value of figures(row)) expect(value === null || (Number.isFinite(value) && value >= 0 && value <= 100)).toBe(true);
            expect(row.count).toBe(row.basis.count);
          }
          expect(table.rows.reduce((sum, row) => sum + row.count, 0)).toBe(table.total.count);
        },
      ),
      { numRuns: 40 },
    );
  });
});
