/**
 * npm run bench -- restore [--complaints N]: the restore figures of the browser benchmark alone (issue 8 item 6):
 * main's journal holding N generated complaints (default 100 000, ≈ 11 events each) restored into empty
 * IndexedDB in Debian's Chromium over the real services, against a bare bulk write of the same rows there.
 */
import { withBenchDesk } from './browser/bench-desk';
import { measureRestore } from './browser/restore';
import type { BenchOptions } from './run';

export async function run(options: BenchOptions): Promise<void> {
  const complaints = options.complaints ?? 100_000;
  await withBenchDesk({ complaints, backlog: 0, longEvents: 2 }, async (desk) => {
    const page = await desk.scratchPage();
    await measureRestore(page, desk);
  });
}
