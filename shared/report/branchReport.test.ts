import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../calendar';
import type { DomainEvent } from '../domain/events';
import { foldComplaint } from '../domain/reducer';
import { DEFAULT_POLICY } from '../policy/policy';
import { generateSeed } from '../seed/generator';
import { createRandom } from '../seed/random';
import { dashboardFigures } from '../kpi/dashboard';
import { kpiFactsOf, type KpiFacts } from '../kpi/facts';
import { bucketsOf, resolvePeriod } from '../kpi/period';
import { renderBranchReport } from './branchReport';
import { reportFigures, type ReportBranch, type ReportInput } from './reportFigures';
import { lastCompletePeriod, reportPeriodChoices } from './reportPeriod';

const TZ = 'Asia/Shanghai';
const NOW = '2026-12-01T02:00:00.000Z';
const seed = generateSeed({ branches: 2, complaints: 600, days: 200, now: '2026-11-28T08:00:00.000Z' }, createRandom(7));

function branchesOf(): ReportBranch[] {
  return seed.branches.map((branch) => {
    const byComplaint = new Map<string, DomainEvent[]>();
    for (const event of seed.events) if (event.branch === branch.code) byComplaint.set(event.complaintId, [...(byComplaint.get(event.complaintId) ?? []), event]);
    const facts: KpiFacts[] = [...byComplaint.values()].map((events) => kpiFactsOf(foldComplaint(events), DEFAULT_POLICY, CN_2026_CALENDAR));
    return { code: branch.code, name: branch.name, facts: facts.sort((a, b) => a.receivedMs - b.receivedMs) };
  });
}
const branches = branchesOf();
const users = new Map(seed.branches.flatMap((branch) => branch.users.map((user) => [user.id as string, user.name] as const)));

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  period: { kind: 'month', start: '2026-11-01' },
  branches: branches.slice(0, 1),
  timeZone: TZ,
  policy: DEFAULT_POLICY,
  users,
  language: 'zh-CN',
  now: NOW,
  generatedBy: '王建国',
  ...overrides,
});

function rendered(overrides: Partial<ReportInput> = {}): string {
  const report = renderBranchReport(input(overrides));
  if (!report.ok) throw new Error(report.problem);
  return report.value.html;
}

/** The document's text as a reader sees it: tags dropped, entities decoded, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');

describe('the branch report', () => {
  it('shows the figures the dashboard computes for the same month and "now"', () => {
    const period = resolvePeriod({ kind: 'month', anchor: '2026-11-01', compare: 'previous' }, TZ);
    if (!period.ok) throw new Error(period.problem);
    const [first] = branches;
    if (!first) throw new Error('no branch');
    const dashboard = dashboardFigures(first.facts, {
      current: period.value.current,
      comparison: period.value.comparison,
      buckets: bucketsOf(period.value.current, 'week', TZ),
      nowMs: Date.parse(NOW),
      today: '2026-12-01',
      policy: DEFAULT_POLICY,
    });
    const figures = reportFigures(input());
    if (!figures.ok) throw new Error(figures.problem);
    expect(figures.value.figures).toEqual(dashboard);
    expect(dashboard.count).toBeGreaterThan(20);
    const text = textOf(rendered());
    const tile = (id: string) => dashboard.tiles.find((t) => t.id === id)?.value;
    expect(text).toContain(`投诉量（件） ${dashboard.count} `);
    expect(text).toContain(`响应及时率 ${(tile('responseOnTime') ?? NaN).toFixed(1)}%`);
    expect(text).toContain(`平均满意度（1–5 分） ${(tile('satisfaction') ?? NaN).toFixed(2)}`);
    expect(text).toContain(`${first.name}`);
    expect(text).toContain('2026年11月（2026-11-01 至 2026-11-30）');
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it('writes "cannot be computed" for a figure without a denominator, never 0 or NaN', () => {
    const text = textOf(rendered({ period: { kind: 'month', start: '2026-01-01' } }));
    expect(text).toContain('投诉量（件） 0 ');
    expect(text).toContain('响应及时率 无已到期的响应时限，无法计算');
    expect(text).toContain('本期没有逾期投诉。');
    expect(text).not.toMatch(/NaN|undefined|null/);
    const english = textOf(rendered({ period: { kind: 'month', start: '2026-01-01' }, language: 'en' }));
    expect(english).toContain('Average satisfaction (1–5) no follow-up scores: undefined');
  });

  it('lists the overdue and major complaints of the period and every open corrective action', () => {
    const figures = reportFigures(input({ period: { kind: 'quarter', start: '2026-10-01' } }));
    if (!figures.ok) throw new Error(figures.problem);
    const { overdue, major, openActions } = figures.value;
    expect(overdue.length).toBeGreaterThan(0);
    expect(major.every((facts) => facts.flags.length > 0)).toBe(true);
    const text = textOf(rendered({ period: { kind: 'quarter', start: '2026-10-01' } }));
    for (const facts of [...overdue, ...major]) expect(text).toContain(facts.number);
    for (const { action } of openActions) expect(text).toContain(action.dueDate);
    expect(text).toContain('2026年第4季度');
  });

  it('compares the branches when there are several, and adds them up', () => {
    const figures = reportFigures(input({ branches }));
    if (!figures.ok) throw new Error(figures.problem);
    const counts = figures.value.byBranch.map(({ figures: f }) => f.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(figures.value.figures.count);
    const text = textOf(rendered({ branches, scopeName: '华东区总部' }));
    expect(text).toContain('二、网点对比');
    for (const branch of branches) expect(text).toContain(`${branch.name}（${branch.code}）`);
    expect(textOf(rendered())).not.toContain('网点对比');
  });

  it('escapes what people typed', () => {
    const [first] = branches;
    if (!first) throw new Error('no branch');
    const html = rendered({ branches: [{ ...first, name: '<script>alert(1)</script>' }] });
    expect(html).not.toContain('<script>');
  });

  it('refuses a period that is not the first day of a month or quarter, or has not begun', () => {
    expect(renderBranchReport(input({ period: { kind: 'month', start: '2026-11-02' } }))).toEqual({ ok: false, problem: 'report_period_invalid' });
    expect(renderBranchReport(input({ period: { kind: 'quarter', start: '2026-11-01' } }))).toEqual({ ok: false, problem: 'report_period_invalid' });
    expect(renderBranchReport(input({ period: { kind: 'month', start: '2026-02-30' } }))).toEqual({ ok: false, problem: 'report_period_invalid' });
    expect(renderBranchReport(input({ period: { kind: 'month', start: '2027-01-01' } }))).toEqual({ ok: false, problem: 'report_period_future' });
    // In Shanghai it is already 1 December at 02:00 UTC: the month has begun.
    expect(renderBranchReport(input({ period: { kind: 'month', start: '2026-12-01' } })).ok).toBe(true);
  });

  it('offers the last whole month or quarter first, among the periods that have begun', () => {
    expect(lastCompletePeriod('month', '2026-12-01')).toEqual({ kind: 'month', start: '2026-11-01' });
    expect(lastCompletePeriod('month', '2026-01-15')).toEqual({ kind: 'month', start: '2025-12-01' });
    expect(lastCompletePeriod('quarter', '2026-02-10')).toEqual({ kind: 'quarter', start: '2025-10-01' });
    const quarters = reportPeriodChoices('quarter', '2026-12-31');
    expect(quarters.map((period) => period.start)).toEqual(['2026-10-01', '2026-07-01', '2026-04-01', '2026-01-01', '2025-10-01', '2025-07-01', '2025-04-01', '2025-01-01']);
    for (const period of [...quarters, ...reportPeriodChoices('month', '2026-12-31')]) {
      expect(renderBranchReport(input({ period, now: '2026-12-31T04:00:00.000Z' })).ok).toBe(true);
    }
  });
});
