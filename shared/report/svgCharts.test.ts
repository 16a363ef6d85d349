import { describe, expect, it } from 'vitest';
import { columnChart, rowChart } from './svgCharts';

const format = (value: number) => value.toFixed(0);
const bars = (svg: string) => svg.match(/<rect [^>]*height="[\d.]+" fill/g) ?? [];

describe('report charts', () => {
  it('draw one bar per value with its figure as text, and "—" with no bar for a value that cannot be computed', () => {
    const svg = columnChart({ title: 'On time', columns: [{ label: '2026-10', values: [80, null] }, { label: '2026-11', values: [50, 100] }], series: ['Response', 'Resolution'], max: 100, format, emptyText: 'No data' });
    expect(bars(svg)).toHaveLength(3 + 2); // three bars and the two legend swatches
    expect(svg).toContain('>—</text>');
    expect(svg).toContain('>80</text>');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('say so when there is nothing to draw', () => {
    expect(columnChart({ title: 'Volume', columns: [{ label: '11-01', values: [null] }], series: [], format, emptyText: '无数据' })).toContain('>无数据</text>');
    expect(rowChart({ title: 'By category', rows: [], format, emptyText: '无数据' })).toContain('>无数据</text>');
  });

  it('escape labels and shorten one too long for the label column', () => {
    const svg = rowChart({ title: 'By category', rows: [{ label: '<b>&', value: 2 }, { label: 'x'.repeat(80), value: 1 }], format, emptyText: '' });
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toContain('…</text>');
    expect(svg).not.toContain('x'.repeat(80));
  });
});
