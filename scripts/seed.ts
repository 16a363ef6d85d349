/**
 * npm run seed -- --branches N --complaints M --seed S [--out events.jsonl] [--meta branches.json] [--now ISO] [--days D]
 *
 * Writes the generated events as JSON lines (one event per line, by branch then seq) to --out, or to stdout;
 * --meta writes the branches and their users (ids, Chinese names, roles) as JSON. A summary goes to stderr.
 *
 * A Node program over the pure seed in shared/seed (which stays free of Node, as all of shared/ is).
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { parseWith } from '../shared/result';
import { generateSeed } from '../shared/seed/generator';
import { createRandom } from '../shared/seed/random';

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const CliOptions = z.strictObject({
  branches: count(999).min(1).default(3),
  complaints: count(1_000_000).default(1000),
  seed: count(2 ** 32 - 1).default(1),
  out: z.string().min(1).optional(),
  meta: z.string().min(1).optional(),
  now: z.iso.datetime().optional(),
  days: count(3650).min(1).optional(),
});

/** `--name value` pairs; anything else is refused by the schema (unknown names) or here (a missing value). */
function readArgs(argv: readonly string[]): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? '';
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined) return `expected --name value pairs, got "${name}"`;
    values[name.slice(2)] = value;
  }
  return values;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const parsed = typeof args === 'string' ? { ok: false as const, error: { message: args } } : parseWith(CliOptions, args);
  if (!parsed.ok) {
    process.stderr.write(`seed: ${parsed.error.message}\nusage: npm run seed -- --branches N --complaints M --seed S [--out file] [--meta file] [--now ISO] [--days D]\n`);
    process.exitCode = 2;
    return;
  }
  const options = parsed.value;
  const started = performance.now();
  const data = generateSeed(
    { branches: options.branches, complaints: options.complaints, ...(options.now ? { now: options.now } : {}), ...(options.days ? { days: options.days } : {}) },
    createRandom(options.seed),
  );
  const generatedMs = performance.now() - started;

  const out: NodeJS.WritableStream = options.out === undefined ? process.stdout : createWriteStream(options.out);
  const BATCH = 5000;
  for (let i = 0; i < data.events.length; i += BATCH) {
    const chunk = data.events.slice(i, i + BATCH).map((event) => JSON.stringify(event)).join('\n') + '\n';
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  if (options.out !== undefined) await new Promise<void>((resolve, reject) => out.once('error', reject).end(resolve));
  if (options.meta) writeFileSync(options.meta, JSON.stringify({ now: data.now, branches: data.branches }, null, 2) + '\n');

  process.stderr.write(
    `seed ${options.seed}: ${data.branches.length} branches, ${data.complaints.length} complaints, ${data.events.length} events ` +
      `(generated in ${(generatedMs / 1000).toFixed(1)} s, now = ${data.now})${options.out ? ` → ${options.out}` : ''}\n`,
  );
}

await main();
