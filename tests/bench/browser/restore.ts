/**
 * Issue 8 item 6: main's whole journal restored into empty browser storage through the app's own path
 * (store.restoreIfEmpty), against the limit — a bare bulk write of the same rows in the same browser, also into
 * empty storage — and the floor under it: reading the journal's pages over the bridge without writing anything.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { JOURNAL_PAGE_MAX } from '../../../shared/api/contract';
import type { BenchDesk } from './bench-desk';
import { startBlankOrigin } from './blank-origin';
import { below, duration, figureRow, median } from './figures';
import { addBench, BareWriteAnswer, callBench, RestoreAnswer } from './page';
import { browsersSettled } from './settle';

/** Rows per transaction of the bare bulk write: as many as a journal page may hold (JOURNAL_PAGE_MAX). */
const BARE_CHUNK = 5000;
/** A database of the bench's own, never opened by the app (the registration benchmark's bare writes). */
export const BARE_DATABASE = 'bench-bare';
/**
 * Restores and bare writes measured in pairs, each pair in a browser of its own on a new profile: this
 * machine's speed moves by some ±10 % from one minute to the next, and Chromium keeps one store per origin, in
 * which every database written after a restore lay on top of its copy (a second restore there took 64–74 s,
 * not 55–59 s) while a user restores into empty storage.
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
  const rows = `${restored.events.toLocaleString('en-US')} events, ${restored.complaints.toLocaleString('en-US')} rows + search docs (after the last page: ${duration(restored.afterPagesMs)})`;
  // Each figure is printed as soon as it is measured: at full size on a busy machine a step can take many minutes.
  console.log(figureRow('store.restoreIfEmpty (journal.read pages → import)', duration(restored.ms), below(60_000)(restored.ms), rows));
  const blank = await startBlankOrigin();
  const restores: number[] = [];
  const bares: number[] = [];
  try {
    for (let pair = 1; pair <= PAIRS; pair += 1) {
      await desk.withFreshProfile(async (fresh) => {
        await browsersSettled();
        const again = await callBench(fresh, 'restore', [token, appDatabase], RestoreAnswer);
        await browsersSettled();
        const bare = await bareWriteIntoEmptyStorage(fresh, blank.url, appDatabase);
        restores.push(again.ms);
        bares.push(bare.ms);
        console.log(figureRow(`  pair ${pair}, new profile: restore, then bare write`, ratio(again.ms, bare.ms), undefined, `${duration(again.ms)}, ${duration(bare.ms)}`));
        const tables = Object.entries(bare.byTable).map(([table, ms]) => `${table} ${duration(ms)}`);
        console.log(`      restore: after the last page ${duration(again.afterPagesMs)}; bare write: ${tables.join(', ')}`);
      });
    }
  } finally {
    await blank.stop();
  }
  const bare = median(bares);
  const again = median(restores);
  console.log(figureRow(`bare bulkAdd of the same rows (${BARE_CHUNK} per transaction), median`, duration(bare), undefined, `${PAIRS} runs: ${seconds(bares)} s; writes only`));
  console.log(figureRow('store.restoreIfEmpty, median', duration(again), below(60_000)(again), `${PAIRS} runs: ${seconds(restores)} s`));
  console.log(figureRow('  ratio restore / bare write (medians)', ratio(again, bare), { text: '≤ 2×', met: again <= 2 * bare }));
  console.log(figureRow('  ratio restore / (bare write + read floor)', ratio(again, bare + read.ms)));
  const rewrites = `${(seeded.rowWritesByPage / seeded.complaints).toFixed(1)}× the complaints; the restore writes each once`;
  console.log(figureRow(`  row writes of an import page by page (${JOURNAL_PAGE_MAX} events)`, seeded.rowWritesByPage.toLocaleString('en-US'), undefined, rewrites));
}

/**
 * The rows `page` restored into `database`, bulk-written bare by a frame of another origin (`blankUrl`), whose
 * IndexedDB is empty: the same rows, into empty storage, in the same browser.
 */
async function bareWriteIntoEmptyStorage(page: Page, blankUrl: string, database: string): Promise<z.infer<typeof BareWriteAnswer>> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.onload = resolve;
    frame.onerror = reject;
    frame.src = ${JSON.stringify(blankUrl)};
    document.body.append(frame);
  })`);
  const frame = page.frames().find((candidate) => candidate.url() === blankUrl);
  if (!frame) throw new Error(`no frame on ${blankUrl}`);
  await addBench(frame);
  await callBench(frame, 'bareWriteTarget', [BARE_DATABASE], z.undefined());
  return callBench(page, 'bareBulkWriteAcross', [database, BARE_CHUNK], BareWriteAnswer);
}
