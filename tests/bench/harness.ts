/**
 * Tiny benchmark harness: time a function (warm up once, median of a few runs) and print aligned rows.
 * Figures are printed, never asserted — timings belong in reports, not in unit tests.
 */

export interface Timing {
  /** Median wall time of the measured runs, ms. */
  readonly medianMs: number;
  /** Median CPU time (user + system) of the process over the same runs, ms: less sensitive to a busy machine. */
  readonly medianCpuMs: number;
  readonly runsMs: readonly number[];
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Runs `fn` once to warm up, then `runs` times; the result of the last run is returned with the timing. */
export function measure<T>(fn: () => T, runs = 5): Timing & { readonly result: T } {
  let result = fn();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = fn();
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(runsMs), medianCpuMs: median(cpuMs), runsMs, result };
}

export const perSecond = (count: number, ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;

/** One line of a results table: name, median, rate, ratio to the plain-loop limit. */
export function row(name: string, timing: Timing, count: number, limit?: Timing): string {
  const ratio = limit ? `${(timing.medianMs / limit.medianMs).toFixed(1)}× the plain loop` : '';
  const cpu = `${timing.medianCpuMs.toFixed(0)} ms cpu`;
  return `  ${name.padEnd(38)} ${timing.medianMs.toFixed(1).padStart(9)} ms ${cpu.padStart(12)}  ${perSecond(count, timing.medianMs).padStart(14)}  ${ratio}`;
}
