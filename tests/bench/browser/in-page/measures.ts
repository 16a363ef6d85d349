/**
 * Benchmark helpers (tests/bench/browser.bench.ts drives them through `window.deskBench`): the bare writes a
 * restore and a registration are measured against, the storage paths the register depends on, and the app's
 * own screens timed from inside the page (Playwright's polling would add its own latency to every figure).
 * Nothing here is used by the app itself.
 */
import type { ComplaintId, EventId } from '../../../../shared/brand';
import type { IndexableType } from 'dexie';
import type { DeskDb } from '../../../../renderer/store/db';
import type { JournalBlock } from '../../../../renderer/store/journal-blocks';
import type { DomainEvent } from '../../../../shared/domain/events';
import type { ComplaintRecord, KpiHour, SearchHour } from '../../../../renderer/store/records';
import { REGISTER_PAGE } from '../../../../renderer/store/hooks';
import { countAll, loadPlainWindow, loadTimeline, queryRegisterIds } from '../../../../renderer/store/queries';

const now = (): number => performance.now();

/** Writes `rows` into `table` of the target database in one transaction; answers the ms the write took. */
export type TimedWrite = (table: BareTable, rows: unknown[]) => Promise<number>;

/** The stores a restore fills, in the order the bare write copies them. */
export const BARE_TABLES = ['journalBlocks', 'complaints', 'searchHours', 'kpiHours'] as const;
export type BareTable = (typeof BARE_TABLES)[number];

/**
 * The limit of a restore: the rows a restore leaves in `from` (journal blocks, complaint rows, the hours of search
 * docs and KPI facts) written once each, in key order, by `write` into an empty database of the same schema, `chunkSize`
 * rows per transaction, nothing folded or projected. Only the writes are timed (the reads from `from` are not).
 */
export async function timeBareBulkWrite(
  from: DeskDb,
  write: TimedWrite,
  chunkSize: number,
): Promise<{ ms: number; byTable: Record<BareTable, number>; events: number; complaints: number; transactions: number }> {
  let ms = 0;
  const byTable: Record<BareTable, number> = { journalBlocks: 0, complaints: 0, searchHours: 0, kpiHours: 0 };
  let transactions = 0;
  let events = 0;
  let complaints = 0;
  for (const table of BARE_TABLES) {
    const key = from.table(table).schema.primKey.name;
    for (let after: IndexableType | undefined; ; ) {
      const query = after === undefined ? from.table(table).orderBy(':id') : from.table(table).where(':id').above(after);
      const rows: unknown[] = await query.limit(chunkSize).toArray();
      if (rows.length === 0) break;
      const written = await write(table, rows);
      ms += written;
      byTable[table] += written;
      transactions += 1;
      if (table === 'journalBlocks') events += rows.reduce<number>((sum, row) => sum + (row as JournalBlock).events.length, 0);
      if (table === 'complaints') complaints += rows.length;
      after = (rows[rows.length - 1] as Record<string, IndexableType>)[key];
    }
  }
  return { ms, byTable, events, complaints, transactions };
}

/** A bare bulkAdd of `rows` into `table` of `to`, timed from the call to the transaction's commit. */
export async function timedBulkAdd(to: DeskDb, table: BareTable, rows: unknown[]): Promise<number> {
  const started = now();
  await to.transaction('rw', to.table(table), () => to.table(table).bulkAdd(rows));
  return now() - started;
}

/**
 * The storage floor under each screen, read the way the app's hooks read it: the plain register's count and
 * first page off the index, a search's id list and first page, a complaint's events. ms of every run.
 */
export async function timeStorageFloors(
  db: DeskDb,
  { searches, complaintId, at, runs }: { searches: readonly string[]; complaintId: ComplaintId; at: string; runs: number },
): Promise<{ plainMs: number[]; searchMs: number[]; timelineMs: number[] }> {
  const timed = async (work: () => Promise<unknown>): Promise<number> => {
    const started = now();
    await work();
    return now() - started;
  };
  const plainMs: number[] = [];
  const timelineMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    plainMs.push(await timed(async () => Promise.all([countAll(db), loadPlainWindow(db, {}, 0, REGISTER_PAGE)])));
    timelineMs.push(await timed(() => loadTimeline(db, complaintId)));
  }
  const searchMs: number[] = [];
  for (const search of searches) searchMs.push(await timed(async () => db.complaints.bulkGet((await queryRegisterIds(db, { search }, at)).slice(0, REGISTER_PAGE))));
  return { plainMs, searchMs, timelineMs };
}

/**
 * Baseline for "register through the store": add the same projection row (search words included) `count`
 * times with one bare Dexie `add` each. Returns the ms of every add.
 */
export async function timeBareAdds(db: DeskDb, template: ComplaintRecord, count: number): Promise<number[]> {
  const templateId = template.id;
  const timings: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = now();
    await db.complaints.add({ ...template, id: `${templateId}-bare-${i}` as ComplaintId, number: `${template.number}-bare-${i}` });
    timings.push(now() - started);
  }
  return timings;
}

/**
 * The store's rows without the store: one transaction writing a copy of the complaint's events (a journal block), its projection
 * row, its hour's search docs and KPI facts with its own added, and two counters — what importing a registration's
 * events writes, without main's round trip, folding or projecting. ms of each.
 */
export async function timeBareTransactions(
  db: DeskDb,
  { record, searchHour, kpiHour, events }: { record: ComplaintRecord; searchHour: SearchHour; kpiHour: KpiHour; events: readonly DomainEvent[] },
  count: number,
): Promise<number[]> {
  const searchDoc = searchHour.items.find((doc) => doc.id === record.id);
  const facts = kpiHour.items.find((fact) => fact.id === record.id);
  if (!searchDoc || !facts) throw new Error(`no search doc or KPI facts of ${record.id} in its hour`);
  const templateId = record.id;
  const timings: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `${templateId}-tx-${i}` as ComplaintId;
    const started = now();
    await db.transaction('rw', [db.journalBlocks, db.complaints, db.searchHours, db.kpiHours, db.counters], async () => {
      await db.journalBlocks.put({ block: 1_000_000_000 + i, events: events.map((event, e) => ({ ...event, id: `${event.id}-tx-${i}-${e}` as EventId, complaintId: id, seq: 1_000_000_000 + i * 10 + e })) });
      await db.complaints.put({ ...record, id, number: `${record.number}-tx-${i}` });
      await db.searchHours.put({ ...searchHour, items: [...searchHour.items, { ...searchDoc, id }] });
      await db.kpiHours.put({ ...kpiHour, items: [...kpiHour.items, { ...facts, id }] });
      await db.counters.bulkPut([
        { key: 'bench-tx-day', last: i },
        { key: 'bench-tx-seq', last: i },
      ]);
    });
    timings.push(now() - started);
  }
  return timings;
}

/** The register's first real row (cells, not the "…" placeholder) is in the document and has a size. */
export const FIRST_ROW_SELECTOR = '[role="grid"] [role="rowgroup"] [role="row"] [role="gridcell"]';

export function firstRowShown(): boolean {
  const cell = document.querySelector(FIRST_ROW_SELECTOR);
  return cell !== null && cell.getBoundingClientRect().height > 0;
}

/**
 * Resolves with the time the next frame is drawn after `holds()` first becomes true, checking after every
 * DOM change (so the figure is the app's, not a poll interval's).
 */
export function whenShown(holds: () => boolean, timeoutMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const afterNextFrame = () => requestAnimationFrame(() => setTimeout(() => resolve(now()), 0));
    if (holds()) return afterNextFrame();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not shown within ${timeoutMs} ms`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      clearTimeout(timer);
      afterNextFrame();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/**
 * Times a real user action done by Playwright: `arm` starts listening for the action's DOM event (capture
 * phase, so the clock starts before the app's handlers run); `collect` resolves with the ms from that event
 * until `holds()` is shown.
 */
export function armedTimer(eventType: 'click' | 'input', holds: () => boolean): { collect: () => Promise<number> } {
  const started = new Promise<number>((resolve) => window.addEventListener(eventType, () => resolve(now()), { capture: true, once: true }));
  const shown = started.then(() => whenShown(holds));
  return { collect: async () => (await shown) - (await started) };
}
