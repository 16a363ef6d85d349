/**
 * Issue 8 item 6: main's whole journal restored into empty browser storage through the app's own path
 * (store.restoreIfEmpty), against the limit — a bare bulk write of the same rows in the same browser, the medians
 * of runs alternated with restores under the same conditions — and the floor under it: reading the journal's
 * pages over the bridge without writing anything.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { JOURNAL_PAGE_MAX } from '../../../shared/api/contract';
import type { BenchDesk } from './bench-desk';
import { below, duration, figureRow, median } from './figures';
import { BareWriteAnswer, callBench, RestoreAnswer } from './page';

/** Rows per transaction of the bare bulk write: as many as a journal page may hold (JOURNAL_PAGE_MAX). */
const BARE_CHUNK = 5000;
/** Where the bare write goes: same schema, never opened by the app. */
export const BARE_DATABASE = 'bench-bare';
/** Where the restores measured against the bare writes go. */
const AGAIN_DATABASE = 'bench-restore-again';
/**
 * Bare writes and restores, alternated: this machine's speed moves by some ±10 % from one minute to the next,
 * and one restore against one bare write gave ratios from 1.6× to 2.1× for the same code.
 */
const PAIRS = 3;

const ratio = (value: number, limit: number) => `${(value / limit).toFixed(2)}×`;
const seconds = (values: readonly number[]) => values.map((value) => (value / 1000).toFixed(1)).join(', ');

export async function measureRestore(page: Page, desk: BenchDesk): Promise<void> {
  const { token, appDatabase, seeded } = desk;
  console.log(`\n  1. Restore of main's journal into empty IndexedDB`);
  const read = await callBench(page, 'readJournal', [token], z.object({ ms: z.number(), events: z.number().int() }));
  console.log(figureRow(`floor: every journal.read page over the bridge, parsed`, duration(read.ms), undefined, `${read.events.toLocaleString('en-US')} events, nothing written`));
  const restored = await callBench(page, 'restore', [token, appDatabase], RestoreAnswer);
  if (restored.restoredEvents !== seeded.events) console.log(`  !! restored ${restored.restoredEvents} events, the journal holds ${seeded.events}`);
  const rows = `${restored.events.toLocaleString('en-US')} events, ${restored.complaints.toLocaleString('en-US')} rows + search docs`;
  // Each figure is printed as soon as it is measured: at full size on a busy machine a step can take many minutes.
  console.log(figureRow('store.restoreIfEmpty (journal.read pages → import)', duration(restored.ms), below(60_000)(restored.ms), rows));
  // Chromium keeps one LevelDB per origin: every bare write lands on top of the restored data, and so does every
  // restore it is compared with, into another database once the bare one is gone.
  const bares: number[] = [];
  const agains: number[] = [];
  for (let pair = 1; pair <= PAIRS; pair += 1) {
    const bare = await callBench(page, 'bareBulkWrite', [appDatabase, BARE_DATABASE, BARE_CHUNK], BareWriteAnswer);
    await callBench(page, 'deleteDatabase', [BARE_DATABASE], z.undefined());
    bares.push(bare.ms);
    const again = await callBench(page, 'restore', [token, AGAIN_DATABASE], RestoreAnswer);
    await callBench(page, 'deleteDatabase', [AGAIN_DATABASE], z.undefined());
    agains.push(again.ms);
    console.log(figureRow(`  pair ${pair}: bare write, then restore, beside the restored copy`, ratio(again.ms, bare.ms), undefined, `${duration(bare.ms)}, ${duration(again.ms)}`));
  }
  const bare = median(bares);
  const again = median(agains);
  console.log(figureRow(`bare bulkAdd of the same rows (${BARE_CHUNK} per transaction), median`, duration(bare), undefined, `${PAIRS} runs: ${seconds(bares)} s; writes only`));
  console.log(figureRow('store.restoreIfEmpty beside the restored copy, median', duration(again), below(60_000)(again), `${PAIRS} runs: ${seconds(agains)} s`));
  console.log(figureRow('  ratio restore / bare write (medians, same conditions)', ratio(again, bare), { text: '≤ 2×', met: again <= 2 * bare }));
  console.log(figureRow('  ratio first restore / bare write (median)', ratio(restored.ms, bare), undefined, 'the bare writes had the restored copy under them'));
  console.log(figureRow('  ratio restore / (bare write + read floor)', ratio(again, bare + read.ms)));
  const rewrites = `${(seeded.rowWritesByPage / seeded.complaints).toFixed(1)}× the complaints; the restore writes each once`;
  console.log(figureRow(`  row writes of an import page by page (${JOURNAL_PAGE_MAX} events)`, seeded.rowWritesByPage.toLocaleString('en-US'), undefined, rewrites));
}
