/**
 * The monthly / quarterly branch report (SPEC §6 "Reports", UI.md "Print views") as one self-contained HTML
 * document: inline style and SVG, no script, no remote content, every value escaped. Main renders it from its
 * own journal for the preview, PDF and printing; head office renders it over several branches, and then a
 * section compares them. Pure: the period, the complaints' KPI facts, "now" and the names are passed in; the
 * figures are reportFigures.ts', i.e. the dashboard's.
 */
import { DAY_MS, dayNumberOf } from '../calendar/dates';
import { RANKING_MIN_SAMPLE, type RankRow, type Tile, type TileId } from '../kpi/dashboard';
import { isActionOverdue, verdictAt, type CorrectiveActionFact, type KpiFacts } from '../kpi/facts';
import { categoryLabel, findCategory } from '../policy/policy';
import { escapeHtml, formatDateTime } from '../print/text';
import { REPORT_WORDS, reportPeriodName, type ReportWords } from './reportWords';
import { reportFigures, type ReportFigures, type ReportInput, type ReportOutcome } from './reportFigures';
import { reportStyle } from './reportStyle';
import { columnChart, rowChart } from './svgCharts';

export interface BranchReport {
  readonly html: string;
  /** "上海徐汇店 客户投诉月度报告 2026年11月": the document's title and its file's name. */
  readonly title: string;
  /** Complaints received in the period (all branches). */
  readonly complaintCount: number;
}

/** The report as a document, or why its period cannot be reported at `now`. */
export function renderBranchReport(input: ReportInput): ReportOutcome<BranchReport> {
  const computed = reportFigures(input);
  if (!computed.ok) return computed;
  const r = computed.value;
  const W = REPORT_WORDS[input.language];
  const scope = input.scopeName ?? input.branches.map((branch) => branch.name).join(W.list);
  const periodName = reportPeriodName(input.period, input.language);
  const title = `${scope} ${W.title[input.period.kind]} ${periodName}`;
  const generatedAt = formatDateTime(input.now, input.timeZone);
  const report: Report = { input, r, W, several: input.branches.length > 1 };
  const style = reportStyle({ left: `${scope} · ${periodName}`, pageOf: W.pageOf, right: W.generated(generatedAt, input.generatedBy) }, input.language);
  const last = (range: { toDay: number }) => formatDay(range.toDay - 1);
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${input.language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>`,
    `<header class="report-head"><div class="scope">${escapeHtml(scope)}</div><h1>${escapeHtml(W.title[input.period.kind])}</h1>`,
    `<div class="period">${escapeHtml(W.periodLine(periodName, W.range(formatDay(r.ranges.current.fromDay), last(r.ranges.current))))}</div>`,
    `<div class="meta"><span>${escapeHtml(W.comparedWith(formatDay(r.ranges.comparison.fromDay), last(r.ranges.comparison)))}</span><span>${escapeHtml(W.generated(generatedAt, input.generatedBy))}</span></div>`,
    report.several ? `<div class="meta"><span>${escapeHtml(W.branches(input.branches.map((b) => `${b.name}（${b.code}）`).join(W.list)))}</span></div>` : '',
    '</header>',
    ...sections(report).map(([heading, body], index) => `<section><h2>${escapeHtml(W.numbered(index + 1, heading))}</h2>${body}</section>`),
    '</body></html>',
  ].join('\n');
  return { ok: true, value: { html, title, complaintCount: r.figures.count } };
}

interface Report {
  readonly input: ReportInput;
  readonly r: ReportFigures;
  readonly W: ReportWords;
  readonly several: boolean;
}

const formatDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const fixed = (value: number, decimals: number) => value.toFixed(decimals);
const percentText = (value: number) => `${fixed(value, 1)}%`;

/** How a tile's value is written; `decimals` also rounds its change. */
const TILE_FORMAT: Readonly<Record<TileId, { decimals: number; percent: boolean }>> = {
  volume: { decimals: 0, percent: false },
  responseOnTime: { decimals: 1, percent: true },
  resolutionOnTime: { decimals: 1, percent: true },
  resolutionRate: { decimals: 1, percent: true },
  satisfaction: { decimals: 2, percent: false },
  repeats: { decimals: 0, percent: false },
  composite: { decimals: 1, percent: false },
};

const valueText = (id: TileId, value: number) => (TILE_FORMAT[id].percent ? percentText(value) : fixed(value, TILE_FORMAT[id].decimals));

function changeText(W: ReportWords, tile: Tile): string {
  if (tile.change === null) return W.noComparison;
  const { decimals, percent } = TILE_FORMAT[tile.id];
  const rounded = Number(Math.abs(tile.change).toFixed(decimals));
  const sign = rounded === 0 ? '±' : tile.change > 0 ? '+' : '−';
  return `${sign}${fixed(rounded, decimals)}${percent ? W.points : ''}`;
}

function basisText(W: ReportWords, tile: Tile): string {
  switch (tile.id) {
    case 'volume':
    case 'repeats':
    case 'composite':
      return W.basis.complaints(tile.whole);
    case 'satisfaction':
      return W.basis.scores(tile.whole);
    default:
      return W.basis.ofWhole(tile.part, tile.whole);
  }
}

const cell = (content: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${escapeHtml(content)}</td>`;
const headRow = (columns: readonly string[], numeric: ReadonlySet<number> = new Set()) =>
  `<thead><tr>${columns.map((column, index) => `<th${numeric.has(index) ? ' class="number"' : ''}>${escapeHtml(column)}</th>`).join('')}</tr></thead>`;
const table = (columns: readonly string[], rows: readonly string[], widths: readonly string[], numeric?: ReadonlySet<number>) =>
  `<table><colgroup>${widths.map((width) => `<col style="width:${width}">`).join('')}</colgroup>${headRow(columns, numeric)}<tbody>${rows.join('\n')}</tbody></table>`;

function kpiSection({ r, W }: Report): string {
  const rows = r.figures.tiles.map((tile) => {
    const value = tile.value === null ? cell(W.missing[tile.missing ?? 'no_complaints'], 'undefined') : cell(valueText(tile.id, tile.value), 'number');
    const previous = tile.previous === null ? cell('—', 'number') : cell(valueText(tile.id, tile.previous), 'number');
    return `<tr>${cell(W.tiles[tile.id])}${value}${previous}${cell(tile.value === null ? '—' : changeText(W, tile), 'number')}${cell(basisText(W, tile))}</tr>`;
  });
  return table(W.kpiColumns, rows, ['25%', '25%', '13%', '18%', '19%'], new Set([1, 2, 3]));
}

const orDash = (value: number | null, text: (value: number) => string) => (value === null ? '—' : text(value));

function comparisonSection({ r, W }: Report): string {
  const rows = r.byBranch.map(({ branch, figures }) => {
    const tile = (id: TileId) => figures.tiles.find((t) => t.id === id)?.value ?? null;
    return `<tr>${cell(`${branch.name}（${branch.code}）`)}${(['volume', 'responseOnTime', 'resolutionOnTime', 'resolutionRate', 'satisfaction', 'repeats', 'composite'] as const)
      .map((id) => cell(orDash(tile(id), (value) => valueText(id, value)), 'number'))
      .join('')}</tr>`;
  });
  return table(W.comparisonColumns, rows, ['22%', '9%', '12%', '12%', '12%', '11%', '10%', '12%'], new Set([1, 2, 3, 4, 5, 6, 7]));
}

function categoryName({ input }: Report, code: string): string {
  const found = findCategory(input.policy, code);
  return found.ok ? categoryLabel(found.value, input.language) : code;
}

function chartsSection(report: Report): string {
  const { r, W } = report;
  const count = (value: number) => fixed(value, 0);
  const figure = (caption: string, svg: string) => `<figure><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
  const charts = [
    figure(W.charts.volumeByWeek, columnChart({
      title: W.charts.volumeByWeek,
      columns: r.figures.volume.map((point) => ({ label: W.charts.weekOf(point.bucket.label), values: [point.total] })),
      series: [],
      format: count,
      emptyText: W.charts.empty,
    })),
    figure(W.charts.byCategory, rowChart({
      title: W.charts.byCategory,
      rows: r.figures.byCategory.map((entry) => ({ label: categoryName(report, entry.key), value: entry.count })),
      format: count,
      emptyText: W.charts.empty,
    })),
    figure(W.charts.onTimeByMonth, columnChart({
      title: W.charts.onTimeByMonth,
      columns: r.trend.onTime.map((point) => ({ label: point.bucket.label.slice(0, 7), values: [point.responsePct, point.resolutionPct] })),
      series: [W.charts.response, W.charts.resolution],
      max: 100,
      format: (value) => fixed(value, 0),
      emptyText: W.charts.empty,
    })),
    figure(W.charts.satisfaction, columnChart({
      title: W.charts.satisfaction,
      columns: r.figures.satisfaction.map((entry) => ({ label: W.charts.score(entry.key), values: [entry.count] })),
      series: [],
      format: count,
      emptyText: W.charts.empty,
    })),
  ];
  return `<div class="charts">${charts.join('\n')}</div>`;
}

/** A vocabulary word for a code the facts keep as plain text; an unknown code is shown as it is. */
const wordOf = (words: Readonly<Record<string, string>>, code: string) => words[code] ?? code;

const nameOf = ({ input, W }: Report, id: string) => (id === '' ? W.ranking.notSet : (input.users.get(id) ?? id));

function rankingTable(report: Report, caption: string, rows: readonly RankRow[], names: (key: string) => string): string {
  const { W } = report;
  const parts = (row: RankRow) => [row.timeliness, row.satisfaction, row.resolutionRate].map((value) => orDash(value, percentText)).join(' / ');
  // As on the dashboard: rows with enough complaints are ranked (composite order), the small samples follow unranked.
  const ordered = [...rows.filter((row) => !row.smallSample), ...rows.filter((row) => row.smallSample)];
  const body = ordered.map(
    (row, index) =>
      `<tr>${cell(row.smallSample ? '—' : String(index + 1), 'number')}${cell(names(row.key))}${cell(String(row.count), 'number')}${cell(orDash(row.composite, (value) => fixed(value, 1)), 'number')}${cell(parts(row))}${cell(row.smallSample ? W.ranking.smallSample : '', 'nowrap')}</tr>`,
  );
  return `<h3>${escapeHtml(caption)}</h3>${body.length === 0 ? `<p class="none">${escapeHtml(W.charts.empty)}</p>` : table(W.ranking.columns, body, ['8%', '22%', '12%', '11%', '32%', '15%'], new Set([0, 2, 3]))}`;
}

function rankingSection(report: Report): string {
  const { r, W } = report;
  return [
    rankingTable(report, W.ranking.byDepartment, r.figures.ranking.department, (key) => (key === '' ? W.ranking.notSet : key)),
    rankingTable(report, W.ranking.byPerson, r.figures.ranking.person, (key) => nameOf(report, key)),
    `<p class="note">${escapeHtml(W.ranking.smallSampleNote(RANKING_MIN_SAMPLE))}</p>`,
  ].join('\n');
}

function complaintsTable(report: Report, which: 'overdue' | 'major'): string {
  const { input, r, W } = report;
  const c = W.complaintColumns;
  const v = W.vocabulary;
  const nowMs = Date.parse(input.now);
  const listed = which === 'overdue' ? r.overdue : r.major;
  if (listed.length === 0) return `<p class="none">${escapeHtml(W.none[which])}</p>`;
  const detail = (facts: KpiFacts) =>
    which === 'overdue'
      ? (['response', 'resolution'] as const).filter((clock) => verdictAt(facts[clock], nowMs) === 'missed').map((clock) => v.clockKind[clock]).join(W.list)
      : facts.flags.map((flag) => wordOf(v.flag, flag)).join(W.list);
  const columns = [c.number, c.receivedAt, c.grade, c.category, c.status, c.assignee, which === 'overdue' ? c.missedClocks : c.flags];
  const widths = ['19%', '15%', '7%', '15%', '11%', '10%', '23%'];
  const rows = listed.map(
    (facts) =>
      `<tr>${cell(facts.number, 'nowrap')}${cell(formatDateTime(facts.receivedAt, input.timeZone), 'nowrap')}${cell(W.grade(facts.grade), 'nowrap')}${cell(categoryName(report, facts.category))}${cell(wordOf(v.status, facts.status))}${cell(nameOf(report, facts.person))}${cell(detail(facts))}</tr>`,
  );
  return table(columns, rows, widths);
}

function actionsTable(report: Report): string {
  const { r, W } = report;
  if (r.openActions.length === 0) return `<p class="none">${escapeHtml(W.none.actions)}</p>`;
  const today = dayNumberOf(r.today) ?? 0;
  const state = (action: CorrectiveActionFact) =>
    isActionOverdue(action, r.today) ? W.actionState.overdueDays(today - (dayNumberOf(action.dueDate) ?? today)) : W.actionState.open;
  const [complaint, description, owner, due, status] = W.actionColumns;
  const columns = [complaint, description, owner, due, status];
  const widths = ['19%', '40%', '14%', '12%', '15%'];
  const rows = r.openActions.map(
    ({ facts, action }) =>
      `<tr>${cell(facts.number, 'nowrap')}${cell(action.description)}${cell(action.owner)}${cell(action.dueDate, 'nowrap')}${cell(state(action), 'nowrap')}</tr>`,
  );
  return table(columns, rows, widths);
}

/** The report's sections in order, each a heading and its body; the comparison only over several branches. */
function sections(report: Report): [string, string][] {
  const { W } = report;
  return [
    [W.sections.kpis, kpiSection(report)],
    ...(report.several ? [[W.sections.comparison, comparisonSection(report)] as [string, string]] : []),
    [W.sections.charts, chartsSection(report)],
    [W.sections.ranking, rankingSection(report)],
    [W.sections.overdue, complaintsTable(report, 'overdue')],
    [W.sections.major, complaintsTable(report, 'major')],
    [W.sections.actions, actionsTable(report)],
  ];
}
