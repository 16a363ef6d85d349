import 'fake-indexeddb/auto';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { describe, expect, it } from 'vitest';
import { ComplaintIdSchema } from '../../shared/brand';
import { createApi } from '../platform/transport';
import { branchSeqKey, dailyCounterKey, JOURNALED_THROUGH_KEY } from './counters';
import { createDeskStore } from './store';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { BRANCH, freshName, storedEvents, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';

const desk = testDesks();

/** Everything this window's copy holds. */
async function snapshot({ db }: TestDesk) {
  return {
    events: await storedEvents(db),
    complaints: await db.complaints.toArray(),
    counters: await db.counters.toArray(),
    searchHours: await db.searchHours.toArray(),
    kpiHours: await db.kpiHours.toArray(),
  };
}

describe('register', () => {
  it('gets BRANCH-localdate-NNNN numbers from main in sequence and writes events, row and counters together', async () => {
    const d = await desk();
    const first = await d.store.register(walkIn());
    const second = await d.store.register(walkIn({ complainant: { name: '李四', phone: '13900001111' } }));
    expect(first).toMatchObject({ ok: true, value: { number: 'SH01-20261123-0001' } });
    expect(second).toMatchObject({ ok: true, value: { number: 'SH01-20261123-0002' } });
    if (!first.ok) return;
    const row = await d.db.complaints.get(first.value.id);
    expect(row).toMatchObject({ number: 'SH01-20261123-0001', status: 'registered', customerName: '张三', phoneMasked: '138****5678' });
    const events = await storedEvents(d.db);
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(await d.db.counters.get(dailyCounterKey(BRANCH, '20261123'))).toEqual({ key: 'SH01:20261123', last: 2 });
    expect(await d.db.counters.get(branchSeqKey(BRANCH))).toEqual({ key: 'seq:SH01', last: 2 });
    // Everything here came from main's journal: nothing waits to be saved.
    expect((await d.main.journal()).map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await d.db.counters.get(JOURNALED_THROUGH_KEY)).toEqual({ key: JOURNALED_THROUGH_KEY, last: 2 });
    expect(await d.store.pendingJournalCount()).toBe(0);
  });

  it('numbers by the branch’s local day: 23:30 UTC is already the next day in Shanghai', async () => {
    const d = await desk({ now: '2026-11-23T15:59:00.000Z' });
    const lateEvening = await d.store.register(walkIn({ receivedAt: '2026-11-23T15:50:00.000Z' }));
    d.setNow('2026-11-23T23:30:00.000Z');
    const nextMorning = await d.store.register(walkIn({ receivedAt: '2026-11-23T23:20:00.000Z' }));
    const sameDay = await d.store.register(walkIn({ receivedAt: '2026-11-23T23:25:00.000Z' }));
    expect(lateEvening.ok && lateEvening.value.number).toBe('SH01-20261123-0001');
    expect(nextMorning.ok && nextMorning.value.number).toBe('SH01-20261124-0001');
    expect(sameDay.ok && sameDay.value.number).toBe('SH01-20261124-0002');
  });

  it('refuses bad input with the field named, and writes nothing — not even a number', async () => {
    const d = await desk();
    await d.store.register(walkIn());
    const before = await snapshot(d);
    const refused = await d.store.register(walkIn({ description: '', channel: 'pigeon' as never }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input');
    expect(await snapshot(d)).toEqual(before);
    expect(await d.main.journal()).toHaveLength(1);
    const next = await d.store.register(walkIn());
    expect(next.ok && next.value.number).toBe('SH01-20261123-0002');
  });

  it('refuses a complainant nobody can reach (domain rule) without using up a number', async () => {
    const d = await desk();
    const refused = await d.store.register(walkIn({ complainant: {} }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'complainant_required' } });
    expect((await storedEvents(d.db)).length).toBe(0);
    expect(await d.main.journal()).toHaveLength(0);
  });

  it('registers and assesses as one step: both are journaled, or — when the assessment is refused — neither', async () => {
    const d = await desk({ role: 'supervisor' });
    const refused = await d.store.register(walkIn(), { assessment: { validity: 'liable', severity: 'high', urgency: 'high', spread: 'individual', grade: 4 } });
    expect(refused).toMatchObject({ ok: false, error: { path: expect.stringMatching(/^assessment/) } });
    expect(await d.main.journal()).toHaveLength(0);
    const both = await d.store.register(walkIn(), { assessment: { validity: 'liable', severity: 'high', urgency: 'high', spread: 'individual' } });
    expect(both).toMatchObject({ ok: true, value: { number: 'SH01-20261123-0001' } });
    const journal = await d.main.journal();
    expect(journal.map((event) => event.type)).toEqual(['Registered', 'Assessed']);
    const assessed = journal[1];
    if (both.ok && assessed?.type === 'Assessed') expect(await d.db.complaints.get(both.value.id)).toMatchObject({ grade: assessed.payload.grade });
  });

  it('gives no number when main cannot be reached, and writes nothing', async () => {
    const d = await desk();
    const unreachable = createApi(async () => {
      throw new Error('connection refused');
    });
    const cut = createDeskStore({ db: d.db, api: unreachable, clock: d.now, newId: () => crypto.randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    expect(await cut.register(walkIn())).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect((await storedEvents(d.db)).length).toBe(0);
    expect(await d.db.counters.count()).toBe(0);
  });

  it('registers once when the same attempt is sent again after a lost answer', async () => {
    const d = await desk();
    const first = await d.store.register(walkIn(), { requestId: 'attempt-0001' });
    const again = await d.store.register(walkIn(), { requestId: 'attempt-0001' });
    expect(again).toEqual(first);
    expect(await d.main.journal()).toHaveLength(1);
    expect((await storedEvents(d.db)).length).toBe(1);
  });
});

describe('two windows on one data folder', () => {
  it('never hand out a number twice: each gets the next from main, and each copy catches up with the other', async () => {
    const a = await desk();
    const b = await desk({ main: a.main });
    const numbers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const fromA = await a.store.register(walkIn());
      const fromB = await b.store.register(walkIn());
      numbers.push(fromA.ok ? fromA.value.number : fromA.error.code, fromB.ok ? fromB.value.number : fromB.error.code);
    }
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `SH01-20261123-000${i + 1}`));
    expect((await a.main.journal()).map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await a.store.catchUp();
    await b.store.catchUp();
    for (const d of [a, b]) {
      expect((await storedEvents(d.db)).length).toBe(8);
      expect(await d.db.complaints.count()).toBe(8);
      expect(await d.store.pendingJournalCount()).toBe(0);
    }
  });

  it('two tabs of one browser profile share one copy without writing an event twice', async () => {
    const name = freshName();
    const a = await desk({ name });
    const b = await desk({ name, main: a.main });
    await Promise.all([a.store.register(walkIn()), b.store.register(walkIn()), a.store.register(walkIn()), b.store.catchUp()]);
    await a.store.catchUp();
    expect((await storedEvents(a.db)).map((event) => event.seq)).toEqual([1, 2, 3]);
  });
});

describe('catch-up', () => {
  it('reads the user list again when events arrived, so a name new to this copy is known', async () => {
    const a = await desk();
    const b = await desk({ main: a.main });
    expect(await a.db.users.count()).toBe(0);
    await a.store.catchUp();
    // Nothing arrived: nothing is read.
    expect(await a.db.users.count()).toBe(0);
    await b.store.register(walkIn());
    await a.store.catchUp();
    expect((await a.db.users.toArray()).map((user) => user.displayName)).toEqual(expect.arrayContaining(['李华', '王芳']));
  });
});

describe('perform', () => {
  it('runs a workflow action on main’s state and updates the row', async () => {
    const d = await desk();
    const registered = await d.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const acknowledged = await d.store.perform(registered.value.id, 'acknowledge', {});
    expect(acknowledged).toEqual({ ok: true, value: undefined });
    expect(await d.db.complaints.get(registered.value.id)).toMatchObject({ status: 'acknowledged', lastSeq: 2 });
  });

  it('refuses an action the state does not allow, or on no complaint, and writes nothing', async () => {
    const d = await desk();
    const registered = await d.store.register(walkIn());
    if (!registered.ok) throw new Error('setup');
    const before = await snapshot(d);
    const missing = await d.store.perform(ComplaintIdSchema.parse('nope'), 'acknowledge', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'complaint_not_found' } });
    const early = await d.store.perform(registered.value.id, 'pause', { reason: '等待顾客提供小票' });
    expect(early.ok).toBe(false);
    const staffVoid = await d.store.perform(registered.value.id, 'void', { reason: '登记错误' });
    expect(staffVoid).toMatchObject({ ok: false, error: { code: 'supervisor_required' } });
    expect(await snapshot(d)).toEqual(before);
    expect(await d.main.journal()).toHaveLength(1);
  });
});
