import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { foldComplaint } from '../../shared/domain/reducer';
import { deleteDeskDb } from './open';
import { countAll, loadTimeline } from './queries';
import { branchSeqKey } from './counters';
import type { RestoreProgress } from './restore';
import { createFakeMain, type FakeMain } from './testing/fake-api';
import { BRANCH, TEST_USERS, freshName, openTestDesk, walkIn, type TestDesk } from './testing/desk';

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
    const main = createFakeMain({ users: TEST_USERS });
    const before = openTestDesk({ name, main, idPrefix: 'first-run' });
    expect(await registerThree(before)).toEqual(['SH01-20261123-0001', 'SH01-20261123-0002', 'SH01-20261123-0003']);
    const expected = await statesOf(before);
    before.store.dispose();
    before.db.close();
    await deleteDeskDb(name);

    const after = openTestDesk({ name, main, idPrefix: 'second-run' });
    expect(await after.db.events.count()).toBe(0);
    const restored = await after.store.restoreIfEmpty();
    expect(restored).toEqual({ ok: true, value: { restoredEvents: main.journal.length, resent: 0 } });
    expect(await statesOf(after)).toEqual(expected);
    expect(await after.store.pendingJournalCount()).toBe(0);
    expect((await after.db.users.toArray()).map((user) => user.displayName).sort()).toEqual(['李华', '王芳'].sort());

    expect(await countAll(after.db)).toBe(3);
    const next = await after.store.register(walkIn());
    expect(next.ok && next.value.number).toBe('SH01-20261123-0004');
    expect(await countAll(after.db)).toBe(4);
    expect(main.journal.map((event) => event.seq)).toEqual(main.journal.map((_, i) => i + 1));
    after.store.dispose();
    after.db.close();
  });

  it('reports how far the replay has come, page by page, up to every event of the journal', async () => {
    const main = createFakeMain({ users: TEST_USERS });
    await registerThree(openTestDesk({ main, idPrefix: 'progress-writer' }));
    // Pages of two events, so a handful of complaints takes several pages, as a branch's journal does.
    const pagedMain: FakeMain = { ...main, call: (method, input) => main.call(method, method === 'journal.read' ? { ...input, limit: 2 } : input) };
    const reader = openTestDesk({ main: pagedMain, idPrefix: 'progress-reader' });
    const steps: RestoreProgress[] = [];

    expect(await reader.store.restoreIfEmpty((step) => steps.push(step))).toMatchObject({ ok: true, value: { restoredEvents: main.journal.length } });

    expect(steps.length).toBe(Math.ceil(main.journal.length / 2));
    expect(steps.map((step) => step.total)).toEqual(steps.map(() => main.journal.length));
    expect(steps.map((step) => step.restored)).toEqual(steps.map((_, i) => Math.min((i + 1) * 2, main.journal.length)));
    expect(await countAll(reader.db)).toBe(3);
  });

  it('catches up a database that is behind the journal, folding new events into existing complaints', async () => {
    const main = createFakeMain({ users: TEST_USERS });
    const writer = openTestDesk({ main, idPrefix: 'writer' });
    const registered = await writer.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const reader = openTestDesk({ main, idPrefix: 'reader' });
    await reader.store.restoreIfEmpty();
    expect((await reader.db.complaints.get(registered.value.id))?.status).toBe('registered');
    await writer.store.perform(registered.value.id, 'acknowledge', {});
    expect(await reader.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 1, resent: 0 } });
    expect((await reader.db.complaints.get(registered.value.id))?.status).toBe('acknowledged');
    writer.db.close();
    reader.db.close();
  });

  it('catches up several complaints at once, each folded from its own history in IndexedDB', async () => {
    const main = createFakeMain({ users: TEST_USERS });
    const writer = openTestDesk({ main, idPrefix: 'writer-many' });
    await registerThree(writer);
    const reader = openTestDesk({ main, idPrefix: 'reader-many' });
    await reader.store.restoreIfEmpty();
    const ids = await writer.db.complaints.orderBy('number').primaryKeys();
    for (const id of ids) await writer.store.perform(id, 'addNote', { text: '已回电顾客' });
    await writer.store.register(walkIn());
    expect(await reader.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: ids.length + 1, resent: 0 } });
    expect(await statesOf(reader)).toEqual(await statesOf(writer));
    expect(await countAll(reader.db)).toBe(4);
    writer.db.close();
    reader.db.close();
  });

  it('does nothing to a database that is level with the journal', async () => {
    const d = openTestDesk();
    await registerThree(d);
    const rows = await d.db.complaints.toArray();
    expect(await d.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 0, resent: 0 } });
    expect(await d.db.complaints.toArray()).toEqual(rows);
    d.db.close();
  });

  it('sends main what it lacks when IndexedDB is ahead (events written while main was unreachable)', async () => {
    const d = openTestDesk();
    d.main.failNext(100);
    await registerThree(d);
    expect(d.main.journal).toHaveLength(0);
    const pending = await d.store.pendingJournalCount();
    expect(pending).toBeGreaterThan(0);
    d.main.failNext(0);
    const restarted = openTestDesk({ name: d.db.name, main: d.main });
    expect(await restarted.store.restoreIfEmpty()).toMatchObject({ ok: true, value: { restoredEvents: 0 } });
    await restarted.store.flushUnjournaled(); // the re-send runs in the background
    expect(d.main.journal).toHaveLength(pending);
    expect(await restarted.store.pendingJournalCount()).toBe(0);
    d.db.close();
    restarted.db.close();
  });

  it('re-journals events main lost (its journal restored from an older backup)', async () => {
    const d = openTestDesk();
    await registerThree(d);
    const total = d.main.journal.length;
    d.main.journal.splice(2);
    const restored = await d.store.restoreIfEmpty();
    expect(restored).toEqual({ ok: true, value: { restoredEvents: 0, resent: total - 2 } });
    expect(await d.store.pendingJournalCount()).toBe(total - 2);
    await d.store.flushUnjournaled(); // the re-send runs in the background
    expect(d.main.journal.map((event) => event.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    d.db.close();
  });

  it('opens the desk before the re-send to main finishes: numbering continues, the pending count shows the wait', async () => {
    const d = openTestDesk();
    d.main.failNext(100);
    await registerThree(d);
    const pending = await d.store.pendingJournalCount();
    d.store.dispose();
    d.main.failNext(0);
    const release = d.main.holdAppends();
    const restarted = openTestDesk({ name: d.db.name, main: d.main, idPrefix: 'restarted' });
    expect(await restarted.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 0, resent: 0 } });
    expect(d.main.journal).toHaveLength(0);
    expect(await restarted.store.pendingJournalCount()).toBe(pending);

    const registering = restarted.store.register(walkIn());
    release();
    const next = await registering;
    expect(next.ok && next.value.number).toBe('SH01-20261123-0004');
    expect(await restarted.store.flushUnjournaled()).toEqual({ ok: true, value: { journaledThroughSeq: pending + 1 } });
    expect(d.main.journal.map((event) => event.seq)).toEqual(Array.from({ length: pending + 1 }, (_, i) => i + 1));
    expect(await restarted.store.pendingJournalCount()).toBe(0);
    d.db.close();
    restarted.store.dispose();
    restarted.db.close();
  });

  it('counters never go backwards: numbers and the event seq continue from the journal’s highest', async () => {
    const name = freshName();
    const main = createFakeMain({ users: TEST_USERS });
    const first = openTestDesk({ name, main, idPrefix: 'a' });
    await registerThree(first);
    const lastSeq = main.journal.length;
    first.db.close();
    await deleteDeskDb(name);
    const second = openTestDesk({ name, main, idPrefix: 'b' });
    await second.store.restoreIfEmpty();
    expect(await second.db.counters.get(branchSeqKey(BRANCH))).toEqual({ key: 'seq:SH01', last: lastSeq });
    expect(await second.db.counters.get('SH01:20261123')).toEqual({ key: 'SH01:20261123', last: 3 });
    second.db.close();
  });

  it('refuses a journal that cannot be a complaint history, and says so', async () => {
    const source = openTestDesk();
    await registerThree(source);
    const [, ...withoutFirst] = source.main.journal;
    const broken = createFakeMain({ journal: withoutFirst.map((event, i) => ({ ...event, seq: i + 1 })), users: TEST_USERS });
    const d = openTestDesk({ main: broken });
    const restored = await d.store.restoreIfEmpty();
    expect(restored).toMatchObject({ ok: false, error: { code: 'journal_unreadable' } });
    source.db.close();
    d.db.close();
  });
});
