import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ComplaintIdSchema } from '../../shared/brand';
import { branchSeqKey, dailyCounterKey, JOURNALED_THROUGH_KEY } from './counters';
import { BRANCH, freshName, openTestDesk, testDesks, walkIn, type TestDesk } from './testing/desk';

const desk = testDesks();

/** Everything the desk has stored, once at rest (the journal watermark written after main's last answer). */
async function snapshot({ db, store }: TestDesk) {
  await store.flushUnjournaled();
  return {
    events: await db.events.toArray(),
    complaints: await db.complaints.toArray(),
    counters: await db.counters.toArray(),
    searchDocs: await db.searchDocs.toArray(),
  };
}

describe('register', () => {
  it('allocates BRANCH-localdate-NNNN numbers in sequence and writes events, row and counters together', async () => {
    const d = desk();
    const first = await d.store.register(walkIn());
    const second = await d.store.register(walkIn({ complainant: { name: '李四', phone: '13900001111' } }));
    expect(first).toMatchObject({ ok: true, value: { number: 'SH01-20261123-0001' } });
    expect(second).toMatchObject({ ok: true, value: { number: 'SH01-20261123-0002' } });
    if (!first.ok) return;
    const row = await d.db.complaints.get(first.value.id);
    expect(row).toMatchObject({ number: 'SH01-20261123-0001', status: 'registered', customerName: '张三', phoneMasked: '138****5678' });
    const events = await d.db.events.toArray();
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(await d.db.counters.get(dailyCounterKey(BRANCH, '20261123'))).toEqual({ key: 'SH01:20261123', last: 2 });
    expect(await d.db.counters.get(branchSeqKey(BRANCH))).toEqual({ key: 'seq:SH01', last: 2 });
  });

  it('numbers by the branch’s local day: 23:30 UTC is already the next day in Shanghai', async () => {
    const d = desk({ now: '2026-11-23T15:59:00.000Z' });
    const lateEvening = await d.store.register(walkIn({ receivedAt: '2026-11-23T15:50:00.000Z' }));
    d.setNow('2026-11-23T23:30:00.000Z');
    const nextMorning = await d.store.register(walkIn({ receivedAt: '2026-11-23T23:20:00.000Z' }));
    const sameDay = await d.store.register(walkIn({ receivedAt: '2026-11-23T23:25:00.000Z' }));
    expect(lateEvening.ok && lateEvening.value.number).toBe('SH01-20261123-0001');
    expect(nextMorning.ok && nextMorning.value.number).toBe('SH01-20261124-0001');
    expect(sameDay.ok && sameDay.value.number).toBe('SH01-20261124-0002');
  });

  it('refuses bad input with the field named, and writes nothing — not even a number', async () => {
    const d = desk();
    await d.store.register(walkIn());
    const before = await snapshot(d);
    const refused = await d.store.register(walkIn({ description: '', channel: 'pigeon' as never }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input');
    expect(await snapshot(d)).toEqual(before);
    const next = await d.store.register(walkIn());
    expect(next.ok && next.value.number).toBe('SH01-20261123-0002');
  });

  it('refuses a complainant nobody can reach (domain rule) without using up a number', async () => {
    const d = desk();
    const refused = await d.store.register(walkIn({ complainant: {} }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'complainant_required' } });
    expect(await d.db.counters.count()).toBe(0);
    expect(await d.db.events.count()).toBe(0);
  });

  it('leaves no partial events, row or counter when a write fails inside the transaction', async () => {
    const d = desk({ idPrefix: 'same' });
    const first = await d.store.register(walkIn());
    expect(first.ok).toBe(true);
    const before = await snapshot(d);
    // A second desk handing out the same ids collides on the event id: the add fails after the number was taken.
    const clash = desk({ name: d.db.name, main: d.main, idPrefix: 'same' });
    const failed = await clash.store.register(walkIn());
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(await snapshot(d)).toEqual(before);
  });
});

describe('perform', () => {
  it('runs a workflow action on the current state and updates the row', async () => {
    const d = desk();
    const registered = await d.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const acknowledged = await d.store.perform(registered.value.id, 'acknowledge', {});
    expect(acknowledged).toEqual({ ok: true, value: undefined });
    expect(await d.db.complaints.get(registered.value.id)).toMatchObject({ status: 'acknowledged', lastSeq: 2 });
  });

  it('refuses an action the state does not allow, or on no complaint, and writes nothing', async () => {
    const d = desk();
    const registered = await d.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const before = await snapshot(d);
    const missing = await d.store.perform(ComplaintIdSchema.parse('nope'), 'acknowledge', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'complaint_not_found' } });
    const early = await d.store.perform(registered.value.id, 'pause', { reason: '等待顾客提供小票' });
    expect(early.ok).toBe(false);
    expect(await snapshot(d)).toEqual(before);
  });
});

describe('journaling', () => {
  it('marks events journaled only once main has confirmed them', async () => {
    const d = desk();
    d.main.failNext();
    const registered = await d.store.register(walkIn());
    expect(registered.ok).toBe(true);
    expect(d.main.journal).toHaveLength(0);
    expect(await d.store.pendingJournalCount()).toBe(1);
    expect(await d.db.counters.get(JOURNALED_THROUGH_KEY)).toBeUndefined();

    const retried = await d.store.flushUnjournaled();
    expect(retried).toEqual({ ok: true, value: { journaledThroughSeq: 1 } });
    expect(await d.store.pendingJournalCount()).toBe(0);
    expect(d.main.journal.map((event) => event.seq)).toEqual([1]);
  });

  it('keeps every event through repeated failures and sends them in seq order when main is back', async () => {
    const d = desk();
    d.main.failNext(3);
    for (let i = 0; i < 3; i += 1) expect((await d.store.register(walkIn())).ok).toBe(true);
    expect(await d.store.pendingJournalCount()).toBe(3);
    await d.store.flushUnjournaled();
    expect(d.main.journal.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(d.main.journal[0]).not.toHaveProperty('journaled');
    expect(await d.store.pendingJournalCount()).toBe(0);
  });

  it('counts events journaled as soon as main answers, and stores the watermark once for a burst of commands', async () => {
    const d = desk({ journal: { markDelayMs: 150 } });
    let markWrites = 0;
    d.db.counters.hook('creating', (key) => void (key === JOURNALED_THROUGH_KEY && (markWrites += 1)));
    d.db.counters.hook('updating', (_changes, key) => void (key === JOURNALED_THROUGH_KEY && (markWrites += 1)));
    for (let i = 0; i < 3; i += 1) expect((await d.store.register(walkIn())).ok).toBe(true);
    expect(d.main.journal.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(await d.store.pendingJournalCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await d.db.counters.get(JOURNALED_THROUGH_KEY)).toEqual({ key: JOURNALED_THROUGH_KEY, last: 3 });
    expect(markWrites).toBe(1);
  });

  it('after a crash between main’s confirmation and the watermark write, re-sends on the next start without doubling main’s journal', async () => {
    const name = freshName();
    const crashed = openTestDesk({ name, journal: { markDelayMs: 60_000 } });
    expect((await crashed.store.register(walkIn())).ok).toBe(true);
    expect((await crashed.store.register(walkIn())).ok).toBe(true);
    expect(crashed.main.journal.map((event) => event.seq)).toEqual([1, 2]);
    // The window dies before the coalesced watermark write: the database never learns main confirmed 1–2.
    crashed.db.close();
    crashed.store.dispose();

    const restarted = desk({ name, main: crashed.main });
    expect(await restarted.store.pendingJournalCount()).toBe(2);
    expect(await restarted.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 0, resent: 0 } });
    expect(await restarted.store.flushUnjournaled()).toEqual({ ok: true, value: { journaledThroughSeq: 2 } });
    const appends = crashed.main.calls.filter((call) => call.method === 'journal.append');
    expect(appends.at(-1)?.input).toMatchObject({ events: [{ seq: 1 }, { seq: 2 }] });
    expect(crashed.main.journal.map((event) => event.seq)).toEqual([1, 2]);
    expect(await restarted.store.pendingJournalCount()).toBe(0);
    expect(await restarted.db.counters.get(JOURNALED_THROUGH_KEY)).toEqual({ key: JOURNALED_THROUGH_KEY, last: 2 });
    const next = await restarted.store.register(walkIn());
    expect(next.ok && next.value.number).toBe('SH01-20261123-0003');
    expect(crashed.main.journal.map((event) => event.seq)).toEqual([1, 2, 3]);
  });

  it('stores the watermark when the window closes right after a command, so the next start re-sends nothing', async () => {
    const name = freshName();
    const closing = openTestDesk({ name, journal: { markDelayMs: 60_000 } });
    expect((await closing.store.register(walkIn())).ok).toBe(true);
    closing.store.dispose();
    closing.db.close();
    const next = desk({ name, main: closing.main });
    expect(await next.db.counters.get(JOURNALED_THROUGH_KEY)).toEqual({ key: JOURNALED_THROUGH_KEY, last: 1 });
    expect(await next.store.pendingJournalCount()).toBe(0);
  });

  it('retries on its own after a failure when a retry delay is set', async () => {
    const d = desk();
    d.store.dispose();
    const { createDeskStore } = await import('./store');
    const { DEFAULT_POLICY } = await import('../../shared/policy/policy');
    const { AROUND_THE_CLOCK } = await import('../../shared/calendar/calendar');
    let ids = 0;
    const store = createDeskStore({
      db: d.db,
      api: d.main,
      clock: d.now,
      newId: () => `retry-${++ids}`,
      session: { userId: 'u-staff' as never, role: 'staff' },
      branch: { code: BRANCH, timeZone: 'Asia/Shanghai' },
      policy: DEFAULT_POLICY,
      calendar: AROUND_THE_CLOCK,
      journal: { retryDelayMs: () => 10 },
    });
    d.main.failNext();
    await store.register(walkIn());
    expect(await store.pendingJournalCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.pendingJournalCount()).toBe(0);
    store.dispose();
  });
});
