/** Statistics and printed rows of the browser benchmarks: every figure with its target and whether it was met. */

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

export const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);

const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;

export const duration = (value: number): string => (value >= 10_000 ? seconds(value) : ms(value));

/** `name  figure  (detail)  target … met/MISSED`, aligned. */
export function figureRow(name: string, figure: string, target?: { readonly text: string; readonly met: boolean }, detail = ''): string {
  const verdict = target ? `target ${target.text}: ${target.met ? 'met' : 'MISSED'}` : '';
  return `  ${name.padEnd(58)} ${figure.padStart(10)}  ${detail.padEnd(44)} ${verdict}`;
}

export const below = (limitMs: number) => (value: number) => ({ text: `< ${duration(limitMs)}`, met: value < limitMs });

export const spread = (values: readonly number[]): string =>
  `p10 ${ms(percentile(values, 10))}, p90 ${ms(percentile(values, 90))}, n=${values.length}`;
