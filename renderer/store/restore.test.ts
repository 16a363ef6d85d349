import 'fake-indexeddb/auto';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { foldComplaint } from '../../shared/domain/reducer';
import { deleteDeskDb } from './open';
import { allKpiFacts } from './kpi-hours';
import { countAll, loadTimeline } from './queries';
import { allSearchDocs } from './search-hours';
import { BLOCKS_PER_PAGE, pageLimit, type RestoreProgress } from './restore';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import { EVENTS_PER_BLOCK } from './journal-blocks';
import type { StoreApi } from './ports';
import type { ApiOutput } from '../../shared/api/contract';
import { createEventImporter } from './import-events';
import { stateSummarizer } from './summarize';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { freshName, storedEvents, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';

const desk = testDesks();

async function registerThree(d: TestDesk) {
  const numbers: string[] = [];
  for (const name of ['张三', '李四', '王五']) {
    const registered = await d.store.register(walkIn({ complainant: { name, phone: '13800001234' } }));
    if (!registered.ok) throw new Error(registered.error.message);
    numbers.push(registered.value.number);
  }
  const [first, second] = await d.db.complaints.orderBy('number').primaryKeys();
  if (!first || !second) throw new Error('setup');
  expect((await d.store.perform(first, 'acknowledge', {})).ok).toBe(true);
  expect((await d.store.perform(second, 'acknowledge', {})).ok).toBe(true);
  expect((await d.store.perform(second, 'pause', { reason: '等待顾客提供购物小票' })).ok).toBe(true);
  return numbers;
}

async function statesOf(d: TestDesk) {
  const rows = await d.db.complaints.orderBy('number').toArray();
  return Promise.all(rows.map(async (row) => ({ row, state: foldComplaint(await loadTimeline(d.db, row.id)) })));
}

describe('restoreIfEmpty', () => {
  it('rebuilds every complaint, the users and the numbering from main’s journal after IndexedDB is wiped', async () => {
    const name = freshName();
    const before = await desk({ name });
    expect(await registerThree(before)).toEqual(['SH01-20261123-0001', 'SH01-20261123-0002', 'SH01-20261123-0003']);
    const expected = await statesOf(before);
    before.db.close();
    await deleteDeskDb(name);

    const after = await desk({ name, main: before.main });
    expect((await storedEvents(after.db)).length).toBe(0);
    const journal = await after.main.journal();
    const restored = await after.store.restoreIfEmpty();
    expect(restored).toEqual({ ok: true, value: { restoredEvents: journal.length, discarded: 0 } });
    expect(await statesOf(after)).toEqual(expected);
    expect(await after.store.pendingJournalCount()).toBe(0);
    expect((await after.db.users.toArray()).map((user) => user.displayName).sort()).toEqual(['admin', '李华', '王芳'].sort());

    expect(await countAll(after.db)).toBe(3);
    const next = await after.store.register(walkIn());
    expect(next.ok && next.value.number).toBe('SH01-20261123-0004');
    expect(await countAll(after.db)).toBe(4);
  });

  it('reports how far the replay has come, page by page, up to every event of the journal', async () => {
    const writer = await desk();
    await registerThree(writer);
    const journal = await writer.main.journal();
    const reader = await desk({ main: writer.main });
    // The real main, read two events a page.
    const paged: StoreApi = { call: (method, input) => reader.api.call(method, method === 'journal.read' ? { ...input, limit: 2 } : input) };
    const { createDeskStore } = await import('./store');
    const store = createDeskStore({ db: reader.db, api: paged, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    const steps: RestoreProgress[] = [];
    expect(await store.restoreIfEmpty((step) => steps.push(step))).toMatchObject({ ok: true, value: { restoredEvents: journal.length } });
    const eventSteps = steps.filter((step) => !step.rows);
    expect(eventSteps.length).toBe(Math.ceil(journal.length / 2));
    expect(eventSteps.map((step) => step.total)).toEqual(eventSteps.map(() => journal.length));
    expect(eventSteps.map((step) => step.restored)).toEqual(eventSteps.map((_, i) => Math.min((i + 1) * 2, journal.length)));
    // The rows are held until every page is read, then written: how many of them are, too.
    expect(steps.slice(eventSteps.length).map((step) => step.rows)).toEqual([
      { written: 0, total: 3 },
      { written: 3, total: 3 },
    ]);
    expect(await statesOf(reader)).toEqual(await statesOf(writer));
  });

  it('writes each row once, as soon as main says its history is complete, while the next pages are read', async () => {
    const writer = await desk();
    await registerThree(writer);
    const reader = await desk({ main: writer.main });
    const paged: StoreApi = { call: (method, input) => reader.api.call(method, method === 'journal.read' ? { ...input, limit: 2 } : input) };
    const puts: string[] = [];
    const transactions = new Map<string, unknown>();
    reader.db.complaints.hook('creating', (id, _row, transaction) => {
      puts.push(String(id));
      transactions.set(String(id), transaction);
    });
    const { createDeskStore } = await import('./store');
    const store = createDeskStore({ db: reader.db, api: paged, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, restoreRowsHeld: 1 });
    expect((await store.restoreIfEmpty()).ok).toBe(true);
    // Pages of two: [reg 1, reg 2] [reg 3, ack 1] [ack 2, pause 2]. Complaints 1 and 3 are complete on the second
    // page, complaint 2 on the third: holding back no more than a row, two transactions, one per page that
    // completed something.
    const [first, second, third] = (await writer.db.complaints.orderBy('number').primaryKeys()).map(String);
    expect(puts.sort()).toEqual([first, second, third].sort());
    expect(transactions.get(first ?? '')).toBe(transactions.get(third ?? ''));
    expect(transactions.get(second ?? '')).not.toBe(transactions.get(first ?? ''));
    expect(await statesOf(reader)).toEqual(await statesOf(writer));
  });

  it('holds the rows of completed histories back until as many as it may hold are projected, then writes them together', async () => {
    const writer = await desk();
    await registerThree(writer);
    const reader = await desk({ main: writer.main });
    const paged: StoreApi = { call: (method, input) => reader.api.call(method, method === 'journal.read' ? { ...input, limit: 2 } : input) };
    const transactions = new Map<string, unknown>();
    reader.db.complaints.hook('creating', (id, _row, transaction) => void transactions.set(String(id), transaction));
    const { createDeskStore } = await import('./store');
    const store = createDeskStore({ db: reader.db, api: paged, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, restoreRowsHeld: 3 });
    expect((await store.restoreIfEmpty()).ok).toBe(true);
    // The same pages: complaints 1 and 3 complete on the second, 2 on the third; three rows held, one transaction.
    const [first, second, third] = (await writer.db.complaints.orderBy('number').primaryKeys()).map(String);
    expect(transactions.size).toBe(3);
    expect(new Set([first, second, third].map((id) => transactions.get(id ?? '')))).toHaveProperty('size', 1);
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });

  it('a hint that a history is complete when it is not still leaves every row showing its whole history', async () => {
    const writer = await desk();
    await registerThree(writer);
    const reader = await desk({ main: writer.main });
    // Every page claims every complaint on it is complete: rows written early must be written again when more comes.
    const lying = rewrittenPages(reader, 1, (page) => ({ ...page, completedHistories: page.events.map((event) => event.complaintId) }));
    const { createDeskStore } = await import('./store');
    const store = createDeskStore({ db: reader.db, api: lying, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    const rowWrites = countRowWrites(reader);
    expect((await store.restoreIfEmpty()).ok).toBe(true);
    expect(await statesOf(reader)).toEqual(await statesOf(writer));
    // A row projected early and not written yet is dropped when more of its history comes: still one write each.
    expect(rowWrites.writes).toBe(3);
    // The hour's search docs and KPI facts were written early too, and written again as the rows were.
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });

  it('writes an hour’s search docs and KPI facts with the row of its last complaint, not at the end', async () => {
    const writer = await desk();
    const register = async (receivedAt: string) => {
      const registered = await writer.store.register(walkIn({ receivedAt }));
      if (!registered.ok) throw new Error(registered.error.message);
      return String(registered.value.id);
    };
    // Pages of two: [A (00h), B (01h)] [ack B, C (00h, registered late)] [note B]. A's hour is written with A's row,
    // then again with C's; B's hour with B's row, on the last page.
    const a = await register('2026-11-23T00:10:00.000Z');
    const b = await register('2026-11-23T01:30:00.000Z');
    expect((await writer.store.perform(b as never, 'acknowledge', {})).ok).toBe(true);
    const c = await register('2026-11-23T00:20:00.000Z');
    expect((await writer.store.perform(b as never, 'addNote', { text: '已回电顾客' })).ok).toBe(true);
    const reader = await desk({ main: writer.main });
    const rowWrites = new Map<string, unknown>();
    const hourWrites: { hour: string; transaction: unknown }[] = [];
    reader.db.complaints.hook('creating', (id, _row, transaction) => void rowWrites.set(String(id), transaction));
    reader.db.searchHours.hook('creating', (hour, _row, transaction) => void hourWrites.push({ hour: String(hour), transaction }));
    reader.db.searchHours.hook('updating', (_changes, hour, _row, transaction) => void hourWrites.push({ hour: String(hour), transaction }));
    expect((await (await pagedStore(reader, 2)).restoreIfEmpty()).ok).toBe(true);
    expect(hourWrites).toEqual([
      { hour: '2026-11-23T00', transaction: rowWrites.get(a) },
      { hour: '2026-11-23T00', transaction: rowWrites.get(c) },
      { hour: '2026-11-23T01', transaction: rowWrites.get(b) },
    ]);
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
    expect((await allSearchDocs(reader.db.searchHours)).map((doc) => String(doc.id))).toEqual([a, c, b]);
  });

  it('catches up a database that is behind the journal, folding new events into existing complaints', async () => {
    const writer = await desk();
    const registered = await writer.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const reader = await desk({ main: writer.main });
    await reader.store.restoreIfEmpty();
    expect((await reader.db.complaints.get(registered.value.id))?.status).toBe('registered');
    await writer.store.perform(registered.value.id, 'acknowledge', {});
    expect(await reader.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 1, discarded: 0 } });
    expect((await reader.db.complaints.get(registered.value.id))?.status).toBe('acknowledged');
  });

  it('catches up several complaints at once, each folded from its own history in IndexedDB', async () => {
    const writer = await desk();
    await registerThree(writer);
    const reader = await desk({ main: writer.main });
    await reader.store.restoreIfEmpty();
    const ids = await writer.db.complaints.orderBy('number').primaryKeys();
    for (const id of ids) await writer.store.perform(id, 'addNote', { text: '已回电顾客' });
    await writer.store.register(walkIn());
    expect(await reader.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: ids.length + 1, discarded: 0 } });
    expect(await statesOf(reader)).toEqual(await statesOf(writer));
    expect(await countAll(reader.db)).toBe(4);
  });

  it('does nothing to a database that is level with the journal', async () => {
    const d = await desk();
    await registerThree(d);
    const rows = await d.db.complaints.toArray();
    expect(await d.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 0, discarded: 0 } });
    expect(await d.db.complaints.toArray()).toEqual(rows);
  });

  it('rebuilds a copy holding events main never journaled (an older version’s unsent work), and says how many', async () => {
    const d = await desk();
    await registerThree(d);
    const journal = await d.main.journal();
    const last = journal[journal.length - 1];
    if (!last) throw new Error('setup');
    // An event this copy has but main's journal never had.
    const stray = { ...last, id: 'never-journaled', seq: last.seq + 1, type: 'NoteAdded' as const, v: 1 as const, payload: { text: '未保存的备注' } };
    await createEventImporter(d.db, stateSummarizer(DEFAULT_POLICY_BOOK, AROUND_THE_CLOCK)).importChunk([stray as never]);
    expect((await storedEvents(d.db)).length).toBe(journal.length + 1);
    expect(await d.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: journal.length, discarded: journal.length + 1 } });
    expect((await storedEvents(d.db)).map((event) => event.id)).toEqual(journal.map((event) => event.id));
  });

  it('rebuilds a copy of another journal (same seqs, other events) instead of mixing the two', async () => {
    const other = await desk();
    await registerThree(other);
    const name = other.db.name;
    other.db.close();
    const d = await desk({ name });
    const registered = await d.store.register(walkIn({ complainant: { name: '赵六', phone: '13900002222' } }));
    expect(registered.ok && registered.value.number).toBe('SH01-20261123-0001');
    const restored = await d.store.restoreIfEmpty();
    expect(restored).toMatchObject({ ok: true, value: { discarded: expect.any(Number) } });
    expect(restored.ok && restored.value.discarded).toBeGreaterThan(0);
    expect(await countAll(d.db)).toBe(1);
    expect((await d.db.complaints.toArray()).map((row) => row.customerName)).toEqual(['赵六']);
  });
});

/** A store on `d`'s database whose `journal.read` pages hold `limit` events (the real main's journal, read in small pages). */
async function pagedStore(d: TestDesk, limit: number, read: (input: { afterSeq: number }) => Promise<unknown> | undefined = () => undefined) {
  const { createDeskStore } = await import('./store');
  const paged: StoreApi = {
    call: (method, input) => {
      if (method !== 'journal.read') return d.api.call(method, input);
      return (read(input as { afterSeq: number }) ?? d.api.call(method, { ...input, limit })) as never;
    },
  };
  // No more than a row held back: rows are written along the way, page by page.
  return createDeskStore({ db: d.db, api: paged, clock: d.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, restoreRowsHeld: 1 });
}

/** `d`'s API with `journal.read` pages of `limit` events, each rewritten by `rewrite` after it was read (what main never sends). */
function rewrittenPages(d: TestDesk, limit: number, rewrite: (page: JournalPage) => unknown): StoreApi {
  return {
    call: async (method, input) => {
      const answer = await d.api.call(method, method === 'journal.read' ? { ...input, limit } : input);
      if (method !== 'journal.read' || !answer.ok) return answer;
      return { ok: true, value: rewrite(answer.value as JournalPage) } as typeof answer;
    },
  };
}

type JournalPage = ApiOutput<'journal.read'>;

/** Every transaction `db` opens from now on goes through `decide`, with its tables and the call that opens it. */
function onTransaction(db: TestDesk['db'], decide: (scope: readonly unknown[], run: () => Promise<unknown>) => Promise<unknown>): void {
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  db.transaction = ((...args: unknown[]) => decide(Array.isArray(args[1]) ? (args[1] as unknown[]) : [], () => transaction(...args))) as unknown as typeof db.transaction;
}

/** Counts every write of a complaint row (added or replaced) from now on. */
function countRowWrites(d: TestDesk): { readonly writes: number } {
  const counted = { writes: 0 };
  d.db.complaints.hook('creating', () => void (counted.writes += 1));
  d.db.complaints.hook('updating', () => void (counted.writes += 1));
  return counted;
}

/** Three complaints whose steps interleave, so each one's events are spread over the journal's pages. */
async function interleavedWork(d: TestDesk) {
  await registerThree(d);
  for (const id of await d.db.complaints.orderBy('number').primaryKeys()) expect((await d.store.perform(id, 'addNote', { text: '已回电顾客' })).ok).toBe(true);
}

const rowsOf = async (d: TestDesk) => ({
  complaints: await d.db.complaints.orderBy('id').toArray(),
  searchDocs: (await allSearchDocs(d.db.searchHours)).sort((a, b) => (a.id < b.id ? -1 : 1)),
  kpiFacts: (await allKpiFacts(d.db.kpiHours)).sort((a, b) => (a.id < b.id ? -1 : 1)),
  total: await countAll(d.db),
});

describe('a restore writes each complaint’s row once', () => {
  it('leaves the same rows as the desk that built them step by step, writing each one once however many pages it spans', async () => {
    const writer = await desk();
    await interleavedWork(writer);
    const reader = await desk({ main: writer.main });
    const writes = countRowWrites(reader);
    const store = await pagedStore(reader, 2);
    const journal = await writer.main.journal();
    expect(await store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: journal.length, discarded: 0 } });
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
    expect(writes.writes).toBe(3);
    // Later steps are imported one by one again, and keep the rows level.
    const [first] = await writer.db.complaints.orderBy('number').primaryKeys();
    if (!first) throw new Error('setup');
    expect((await writer.store.perform(first, 'addNote', { text: '顾客已收到退款' })).ok).toBe(true);
    expect(await store.catchUp()).toEqual({ ok: true, value: 1 });
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });

  it('holds the rows back and writes them in the order of their ids, each once, whatever order their histories ended in', async () => {
    const writer = await desk();
    await interleavedWork(writer);
    for (const name of ['赵六', '孙七', '周八']) expect((await writer.store.register(walkIn({ complainant: { name, phone: '13800001234' } }))).ok).toBe(true);
    const reader = await desk({ main: writer.main });
    const written: string[] = [];
    reader.db.complaints.hook('creating', (id) => void written.push(String(id)));
    const { createDeskStore } = await import('./store');
    const paged: StoreApi = { call: (method, input) => reader.api.call(method, method === 'journal.read' ? { ...input, limit: 2 } : input) };
    const store = createDeskStore({ db: reader.db, api: paged, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    expect((await store.restoreIfEmpty()).ok).toBe(true);
    expect(written).toHaveLength(6);
    expect(written).toEqual([...written].sort());
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });

  it('writes no row when a page cannot be folded (journal_unreadable): the states folded may hold part of it', async () => {
    const writer = await desk();
    await interleavedWork(writer);
    const reader = await desk({ main: writer.main });
    // The fourth event (complaint 1's acknowledgement, on the second page) arrives as another complaint's first.
    const unreadable = rewrittenPages(reader, 2, (page) => ({ ...page, events: page.events.map((event) => (event.seq === 4 ? { ...event, complaintId: 'SH01-9999' } : event)) }));
    const { createDeskStore } = await import('./store');
    const store = createDeskStore({ db: reader.db, api: unreadable, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, restoreRowsHeld: 1 });
    expect(await store.restoreIfEmpty()).toMatchObject({ ok: false, error: { code: 'journal_unreadable', params: { code: 'not_registered_first' } } });
    expect(await reader.db.complaints.count()).toBe(0);
    // The pages before it are stored: the restore resumes from there once the journal reads.
    expect((await storedEvents(reader.db)).length).toBe(2);
  });

  it('writes the next pages while a batch of rows is still being written, and the rows after their events', async () => {
    const writer = await desk();
    await registerThree(writer);
    const reader = await desk({ main: writer.main });
    // Pages of two: [reg 1, reg 2] [reg 3, ack 1] [ack 2, pause 2]. Complaint 1's history ends on the second page,
    // so its row is written after it; that write is held until a later page's blocks are written.
    let letRowsGo = () => {};
    const rowsMayGo = new Promise<void>((resolve) => (letRowsGo = resolve));
    let rowsWaiting = false;
    const release = () => {
      rowsWaiting = false;
      letRowsGo();
    };
    let heldRows: number | undefined;
    let pageWrittenMeanwhile = false;
    onTransaction(reader.db, (scope, run) => {
      if (scope.includes(reader.db.complaints) && !scope.includes(reader.db.counters) && heldRows === undefined) {
        heldRows = 0;
        rowsWaiting = true;
        return rowsMayGo.then(async () => {
          heldRows = (await storedEvents(reader.db)).length;
          return run();
        });
      }
      if (scope.includes(reader.db.journalBlocks) && heldRows !== undefined) {
        return run().then((done) => {
          pageWrittenMeanwhile ||= rowsWaiting;
          release();
          return done;
        });
      }
      return run();
    });
    // Only reached when the pages wait for the rows (they never would be written otherwise).
    const unstuck = setTimeout(release, 2_000);
    expect(await (await pagedStore(reader, 2)).restoreIfEmpty()).toMatchObject({ ok: true });
    clearTimeout(unstuck);
    expect(pageWrittenMeanwhile).toBe(true);
    expect(heldRows).toBeGreaterThanOrEqual(4);
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });

  it('starts again from what the database holds when another tab of the profile writes into it meanwhile', async () => {
    const writer = await desk();
    await registerThree(writer);
    const name = freshName();
    const reader = await desk({ name, main: writer.main });
    const otherTab = await desk({ name, main: writer.main });
    let pages = 0;
    // Before the restore writes its second page, the other tab registers a complaint into the same copy.
    onTransaction(reader.db, async (scope, run) => {
      if (scope.includes(reader.db.journalBlocks) && !scope.includes(reader.db.complaints) && (pages += 1) === 2) expect((await otherTab.store.register(walkIn())).ok).toBe(true);
      return run();
    });
    expect(await (await pagedStore(reader, 2)).restoreIfEmpty()).toMatchObject({ ok: true });
    const journal = await writer.main.journal();
    expect((await storedEvents(reader.db)).map((event) => event.id)).toEqual(journal.map((event) => event.id));
    expect((await rowsOf(reader)).total).toBe(4);
  });

  it('resumes a restore that stopped part-way (the window closed) and ends with every row', async () => {
    const writer = await desk();
    await interleavedWork(writer);
    const journal = await writer.main.journal();
    const name = freshName();
    const first = await desk({ name, main: writer.main });
    // Main stops answering after the second page: the window is closed while it waits.
    const hangsAfterTwoPages = await pagedStore(first, 2, ({ afterSeq }) => (afterSeq >= 4 ? new Promise(() => {}) : undefined));
    await new Promise<void>((twoPagesIn) => void hangsAfterTwoPages.restoreIfEmpty((step) => step.restored === 4 && twoPagesIn()));
    // A page is folded before its blocks are written (behind, a few pages at most): the window closes once they are.
    await expect.poll(async () => (await storedEvents(first.db)).length).toBe(4);
    expect(await first.db.complaints.count()).toBe(0);
    first.db.close();

    const again = await desk({ name, main: writer.main });
    const writes = countRowWrites(again);
    expect(await (await pagedStore(again, 2)).restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: journal.length - 4, discarded: 0 } });
    expect(await rowsOf(again)).toEqual(await rowsOf(writer));
    expect(writes.writes).toBe(3);
    expect(await again.store.pendingJournalCount()).toBe(0);
  });

  it('writes no row from events it could not store, says storage_failed, and the next start resumes', async () => {
    const writer = await desk();
    await registerThree(writer);
    const journal = await writer.main.journal();
    const name = freshName();
    const reader = await desk({ name, main: writer.main });
    // Pages of two: [reg 1, reg 2] [reg 3, ack 1] [ack 2, pause 2]. The last page's blocks cannot be written (the
    // disk is full), and pages are folded before their blocks are: complaint 2's history is folded, not stored.
    let blockWrites = 0;
    onTransaction(reader.db, (scope, run) => (scope.includes(reader.db.journalBlocks) && (blockWrites += 1) === 4 ? Promise.reject(new Dexie.QuotaExceededError('disk full')) : run()));
    expect(await (await pagedStore(reader, 2)).restoreIfEmpty()).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    const stored = (await storedEvents(reader.db)).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(journal.length);
    // Rows only of the complaints whose whole history is stored.
    const lastSeqs = new Map(journal.map((event) => [String(event.complaintId), event.seq]));
    const complete = [...lastSeqs].filter(([, seq]) => seq <= stored).map(([id]) => id);
    expect(complete.length).toBeGreaterThan(0);
    expect((await reader.db.complaints.toCollection().primaryKeys()).map(String).sort()).toEqual(complete.sort());
    reader.db.close();

    const again = await desk({ name, main: writer.main });
    expect(await (await pagedStore(again, 2)).restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: journal.length - stored, discarded: 0 } });
    expect(await rowsOf(again)).toEqual(await rowsOf(writer));
  });

  it('keeps what it restored, with its rows, when main stops answering part-way', async () => {
    const writer = await desk();
    await interleavedWork(writer);
    const reader = await desk({ main: writer.main });
    const refusal = { ok: false, error: { code: 'unreachable', message: 'main is gone' } };
    const store = await pagedStore(reader, 2, ({ afterSeq }) => (afterSeq >= 4 ? Promise.resolve(refusal) : undefined));
    expect(await store.restoreIfEmpty()).toMatchObject(refusal);
    expect((await storedEvents(reader.db)).length).toBe(4);
    const kept = await reader.db.complaints.toArray();
    expect(kept.length).toBeGreaterThan(0);
    // The next catch-up goes on from there, the incremental way.
    expect(await reader.store.catchUp()).toEqual({ ok: true, value: (await writer.main.journal()).length - 4 });
    expect(await rowsOf(reader)).toEqual(await rowsOf(writer));
  });
});

describe('journal pages', () => {
  it('end where a journal block ends, so no block is read back and written again with the next page', () => {
    for (const position of [0, 1, 255, 256, 4863, 4864, 100_000, 1_113_991]) {
      const limit = pageLimit(position);
      expect([position, limit <= JOURNAL_PAGE_MAX, limit > (BLOCKS_PER_PAGE - 1) * EVENTS_PER_BLOCK, (position + limit) % EVENTS_PER_BLOCK]).toEqual([position, true, true, 0]);
    }
  });
});

describe('only storage failures are storage_failed', () => {
  it('calls a failed write of this window’s copy storage_failed', async () => {
    const writer = await desk();
    expect((await writer.store.register(walkIn())).ok).toBe(true);
    const reader = await desk({ main: writer.main });
    reader.db.transaction = (() => Promise.reject(new Dexie.QuotaExceededError('disk full'))) as unknown as typeof reader.db.transaction;
    expect(await reader.store.catchUp()).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
  });

  it('calls a registration main answered without its Registered event bad_response, not storage_failed', async () => {
    const reader = await desk();
    const { createDeskStore } = await import('./store');
    const answer: StoreApi = {
      call: async (method, input) => (method === 'complaints.decide' ? { ok: true, value: { events: [], journaledThroughSeq: 0 } } : reader.api.call(method, input)) as never,
    };
    const store = createDeskStore({ db: reader.db, api: answer, clock: reader.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    expect(await store.register(walkIn())).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});
