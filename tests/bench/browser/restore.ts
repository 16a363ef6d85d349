/**
 * Issue 8 item 6: main's whole journal restored into empty browser storage through the app's own path
 * (store.restoreIfEmpty), against the limit — a bare bulk write of the same rows in the same browser — and the
 * floor under it: reading the journal's pages over the bridge without writing anything.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { JOURNAL_PAGE_MAX } from '../../../shared/api/contract';
import type { BenchDesk } from './bench-desk';
import { below, duration, figureRow } from './figures';
import { BareWriteAnswer, callBench, RestoreAnswer } from './page';

/** Rows per transaction of the bare bulk write: as many as a journal page may hold (JOURNAL_PAGE_MAX). */
const BARE_CHUNK = 5000;
/** Where the bare write goes: same schema, never opened by the app. */
export const BARE_DATABASE = 'bench-bare';
/** The second restore's database. */
const AGAIN_DATABASE = 'bench-restore-again';

const ratio = (value: number, limit: number) => `${(value / limit).toFixed(2)}×`;

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
  const bare = await callBench(page, 'bareBulkWrite', [appDatabase, BARE_DATABASE, BARE_CHUNK], BareWriteAnswer);
  console.log(figureRow(`bare bulkAdd of the same rows (${BARE_CHUNK} per transaction)`, duration(bare.ms), undefined, `${bare.transactions} transactions, writes only`));
  console.log(figureRow('  ratio restore / bare write', ratio(restored.ms, bare.ms), { text: '≤ 2×', met: restored.ms <= 2 * bare.ms }));
  console.log(figureRow('  ratio restore / (bare write + read floor)', ratio(restored.ms, bare.ms + read.ms)));
  // Chromium keeps one LevelDB per origin: the bare write lands on top of the restored data. A second restore,
  // into another database once the bare one is gone, writes under the same conditions as the bare write did.
  await callBench(page, 'deleteDatabase', [BARE_DATABASE], z.undefined());
  const again = await callBench(page, 'restore', [token, AGAIN_DATABASE], RestoreAnswer);
  await callBench(page, 'deleteDatabase', [AGAIN_DATABASE], z.undefined());
  console.log(figureRow('store.restoreIfEmpty again, beside the restored copy', duration(again.ms), below(60_000)(again.ms), 'another database, same origin'));
  console.log(figureRow('  ratio second restore / bare write (same conditions)', ratio(again.ms, bare.ms), { text: '≤ 2×', met: again.ms <= 2 * bare.ms }));
  const rewrites = `${(seeded.rowWritesByPage / seeded.complaints).toFixed(1)}× the complaints; the restore writes each once`;
  console.log(figureRow(`  row writes of an import page by page (${JOURNAL_PAGE_MAX} events)`, seeded.rowWritesByPage.toLocaleString('en-US'), undefined, rewrites));
}
