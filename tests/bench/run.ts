/**
 * npm run bench [-- name … ] [--complaints N]: runs the named benchmarks (all when none is named) and prints
 * their figures. A benchmark is a module exporting `run(options)`; add one by adding a line to BENCHMARKS.
 */
import { z } from 'zod';

export interface BenchOptions {
  /** Size of the generated data set; benchmarks choose their own default when absent. */
  readonly complaints?: number;
}

type Benchmark = {
  readonly describe: string;
  readonly load: () => Promise<{ run(options: BenchOptions): Promise<void> | void }>;
  /** Part of another benchmark, run alone only when named. */
  readonly byNameOnly?: true;
};

const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  domain: { describe: 'fold, clocks and KPIs over generated complaints', load: () => import('./domain.bench') },
  export: { describe: 'register export (rows, Excel, CSV) at 50 000 and 200 000 complaints: time and size', load: () => import('./export.bench') },
  browser: { describe: 'register, search and complaint page in Chromium over the real services', load: () => import('./browser.bench') },
  board: { describe: 'escalation board at 100 000 complaints (5 000 open): first cards, filter changes, scrolling, against a plain read', load: () => import('./board.bench') },
  sync: { describe: 'head office: 100 000 events from 20 branches over loopback, end to end vs raw ingest, PostgreSQL and PGlite', load: () => import('./sync.bench') },
  restore: { describe: "main's journal restored into empty IndexedDB in Chromium, against a bare bulk write of the same rows (part of browser)", load: () => import('./restore.bench'), byNameOnly: true },
  dashboard: { describe: 'dashboard figures and screen in Chromium over the real services (100 000 complaints)', load: () => import('./dashboard.bench') },
};

function parseCommandLine(argv: readonly string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  const options: { complaints?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--complaints') options.complaints = z.coerce.number().int().min(1).max(1_000_000).parse(argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else names.push(arg);
  }
  return { names, options };
}

const { names, options } = parseCommandLine(process.argv.slice(2));
const unknown = names.filter((name) => !Object.hasOwn(BENCHMARKS, name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exitCode = 2;
} else {
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS).filter((key) => !BENCHMARKS[key]?.byNameOnly)) {
    const benchmark = BENCHMARKS[name] as Benchmark;
    console.log(`\n== ${name}: ${benchmark.describe}`);
    await (await benchmark.load()).run(options);
  }
}
