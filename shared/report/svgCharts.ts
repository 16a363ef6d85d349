/**
 * The report's charts as inline SVG (black and greys on white, so they print on any office laser printer and
 * need no script): grouped columns (volume by week, on-time % by month, satisfaction 1–5) and horizontal bars
 * (by category, whose names are long). Every bar carries its value as text: a printed chart is read, not hovered.
 * A value that cannot be computed (`null`) draws no bar and says "—", never a zero.
 */
import { escapeHtml } from '../print/text';

/** Fills of the series, in order: black, then mid grey (told apart on a monochrome print). */
const FILLS = ['#000', '#8c8c8c'] as const;
const WIDTH = 340;
const FONT = 11;

export interface Column {
  readonly label: string;
  /** One value per series; null = not computable. */
  readonly values: readonly (number | null)[];
}

export interface ColumnChart {
  readonly title: string;
  readonly columns: readonly Column[];
  /** Legend names, one per series (no legend for a single series). */
  readonly series: readonly string[];
  /** The top of the scale (100 for percentages); by default the largest value. */
  readonly max?: number;
  readonly format: (value: number) => string;
  readonly emptyText: string;
}

export interface RowChart {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly value: number }[];
  readonly format: (value: number) => string;
  readonly emptyText: string;
}

const text = (x: number, y: number, content: string, attributes = '') =>
  `<text x="${round(x)}" y="${round(y)}" font-size="${FONT}"${attributes}>${escapeHtml(content)}</text>`;
const round = (value: number) => Math.round(value * 10) / 10;
const MAX_LABEL = 180;
/** A label's approximate width in the chart's units. */
const textWidth = (label: string) => Array.from(label).reduce((width, char) => width + ((char.codePointAt(0) ?? 0) > 0x2e7f ? FONT : FONT * 0.56), 0);

function frame(title: string, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}" class="chart">${body}</svg>`;
}

function empty(title: string, emptyText: string): string {
  return frame(title, 60, text(WIDTH / 2, 34, emptyText, ' text-anchor="middle" fill="#555"'));
}

/** Grouped columns over a baseline, value above each column, labels below, a legend for two series. */
export function columnChart(chart: ColumnChart): string {
  const values = chart.columns.flatMap((column) => column.values.filter((value): value is number => value !== null));
  if (chart.columns.length === 0 || values.length === 0) return empty(chart.title, chart.emptyText);
  const max = chart.max ?? Math.max(...values, 1);
  const legend = chart.series.length > 1 ? 16 : 0;
  const top = 14 + legend;
  const plotHeight = 110;
  const base = top + plotHeight;
  const left = 4;
  const slot = (WIDTH - left * 2) / chart.columns.length;
  const seriesCount = Math.max(1, ...chart.columns.map((column) => column.values.length));
  const barWidth = Math.min(28, (slot * 0.7) / seriesCount);
  const parts: string[] = [];
  chart.series.forEach((name, index) => {
    if (legend === 0) return;
    const x = left + index * 110;
    parts.push(`<rect x="${x}" y="2" width="10" height="10" fill="${FILLS[index % FILLS.length]}"/>`, text(x + 14, 11, name));
  });
  parts.push(`<line x1="${left}" y1="${base}" x2="${WIDTH - left}" y2="${base}" stroke="#000" stroke-width="0.8"/>`);
  chart.columns.forEach((column, index) => {
    const groupLeft = left + index * slot + (slot - barWidth * seriesCount) / 2;
    column.values.forEach((value, series) => {
      const x = groupLeft + series * barWidth;
      if (value === null) {
        parts.push(text(x + barWidth / 2, base - 3, '—', ' text-anchor="middle"'));
        return;
      }
      const height = (Math.min(value, max) / max) * plotHeight;
      parts.push(`<rect x="${round(x + 0.5)}" y="${round(base - height)}" width="${round(barWidth - 1)}" height="${round(height)}" fill="${FILLS[series % FILLS.length]}"/>`);
      parts.push(text(x + barWidth / 2, base - height - 2, chart.format(value), ` text-anchor="middle" font-size="${seriesCount > 1 ? 9 : FONT}"`));
    });
    parts.push(text(left + index * slot + slot / 2, base + 13, column.label, ' text-anchor="middle"'));
  });
  return frame(chart.title, base + 18, parts.join(''));
}

/** One horizontal bar per row, the label on the left and the value after the bar. */
export function rowChart(chart: RowChart): string {
  if (chart.rows.length === 0) return empty(chart.title, chart.emptyText);
  const max = Math.max(...chart.rows.map((row) => row.value), 1);
  // Room for the longest label (CJK characters are about a font size wide, Latin ones about half), within reason:
  // a longer one is shortened with an ellipsis.
  const labelWidth = Math.min(MAX_LABEL, 8 + Math.max(...chart.rows.map((row) => textWidth(row.label))));
  const valueWidth = 34;
  const rowHeight = 16;
  const plotWidth = WIDTH - labelWidth - valueWidth;
  const parts = chart.rows.map((row, index) => {
    const y = 4 + index * rowHeight;
    const width = (row.value / max) * plotWidth;
    return [
      text(labelWidth - 4, y + 11, fitted(row.label), ' text-anchor="end"'),
      `<rect x="${labelWidth}" y="${y + 1}" width="${round(width)}" height="${rowHeight - 5}" fill="${FILLS[0]}"/>`,
      text(labelWidth + width + 3, y + 11, chart.format(row.value)),
    ].join('');
  });
  const height = 8 + chart.rows.length * rowHeight;
  parts.push(`<line x1="${labelWidth}" y1="2" x2="${labelWidth}" y2="${height - 2}" stroke="#000" stroke-width="0.8"/>`);
  return frame(chart.title, height, parts.join(''));
}

/** The label, cut with an ellipsis where it would not fit the widest label column. */
function fitted(label: string): string {
  if (textWidth(label) + 8 <= MAX_LABEL) return label;
  const chars = Array.from(label);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) + 8 > MAX_LABEL) chars.pop();
  return `${chars.join('')}…`;
}
