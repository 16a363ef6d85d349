import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The disk's share of a journal append: `count` one-line appends to a file in `dir`, each followed by fsync
 * (what main's journal does per batch). ms of each.
 */
export async function fsyncTimings(dir: string, count: number): Promise<number[]> {
  const file = join(dir, 'bench-fsync.jsonl');
  const handle = await open(file, 'a');
  const timings: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await handle.write(`${JSON.stringify({ seq: i, text: '跟进记录：已电话联系顾客' })}\n`);
      await handle.sync();
      timings.push(performance.now() - started);
    }
  } finally {
    await handle.close();
    await rm(file, { force: true });
  }
  return timings;
}
