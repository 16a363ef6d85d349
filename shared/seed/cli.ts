/**
 * npm run seed -- --branches N --complaints M --seed S [--out events.jsonl] [--meta branches.json] [--now ISO] [--days D]
 *
 * Writes the generated events as JSON lines (one event per line, by branch then seq) to --out, or to stdout;
 * --meta writes the branches and their users (ids, Chinese names, roles) as JSON. A summary goes to stderr.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseWith } from '../result';
import { generateSeed } from './generator';
import { createRandom } from './random';

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const CliOptions = z.object({
  branches: count(999).min(1).default(3),
  complaints: count(1_000_000).default(1000),
  seed: count(2 ** 32 - 1).default(1),
  out: z.string().min(1).optional(),
  meta: z.string().min(1).optional(),
  now: z.iso.datetime().optional(),
  days: count(3650).min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      branches: { type: 'string' },
      complaints: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      meta: { type: 'string' },
      now: { type: 'string' },
      days: { type: 'string' },
    },
    strict: true,
  });
  const parsed = parseWith(CliOptions, values);
  if (!parsed.ok) {
    process.stderr.write(`seed: ${parsed.error.message}\n`);
    process.exit(2);
  }
  const options = parsed.value;
  const started = performance.now();
  const data = generateSeed(
    { branches: options.branches, complaints: options.complaints, ...(options.now ? { now: options.now } : {}), ...(options.days ? { days: options.days } : {}) },
    createRandom(options.seed),
  );
  const generatedMs = performance.now() - started;

  const out: NodeJS.WritableStream = options.out ? createWriteStream(options.out) : process.stdout;
  const BATCH = 5000;
  for (let i = 0; i < data.events.length; i += BATCH) {
    const chunk = data.events.slice(i, i + BATCH).map((event) => JSON.stringify(event)).join('\n') + '\n';
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  if (options.out) await new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject));
  if (options.meta) writeFileSync(options.meta, JSON.stringify({ now: data.now, branches: data.branches }, null, 2) + '\n');

  process.stderr.write(
    `seed ${options.seed}: ${data.branches.length} branches, ${data.complaints.length} complaints, ${data.events.length} events ` +
      `(generated in ${(generatedMs / 1000).toFixed(1)} s, now = ${data.now})${options.out ? ` → ${options.out}` : ''}\n`,
  );
}

await main();
