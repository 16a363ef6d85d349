import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { ComplaintId } from '../../shared/brand';
import { escalationCandidates, startEscalationSweeps, SWEEP_BATCH, type SweepReport } from './escalation-sweep';
import { STAFF, storedEvents, storedEventsOf, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';

const REGISTERED_AT = '2026-11-23T02:00:00.000Z';
const hoursLater = (h: number): string => new Date(Date.parse(REGISTERED_AT) + h * 3_600_000).toISOString();

const desk = testDesks({ now: REGISTERED_AT });

async function registered(d: TestDesk): Promise<ComplaintId> {
  const result = await d.store.register(walkIn({ receivedAt: new Date(Date.parse(d.now()) - 60_000).toISOString() }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

const escalationsOf = async (d: TestDesk, id: ComplaintId) => (await storedEventsOf(d.db, id)).filter((event) => event.type === 'Escalated');

describe('sweepEscalations', () => {
  it('escalates a complaint whose T1 deadline passed unresolved to T2, once, as the system', async () => {
    const d = await desk();
    const id = await registered(d);
    d.setNow(hoursLater(25));

    const first = await d.store.sweepEscalations(hoursLater(25));
    const second = await d.store.sweepEscalations(hoursLater(25));

    expect(first).toMatchObject({ escalated: 1, events: 1, failures: [] });
    expect(second).toMatchObject({ escalated: 0, events: 0 });
    const escalations = await escalationsOf(d, id);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actor: 'system', at: hoursLater(25), payload: { fromTier: 'T1', toTier: 'T2', automatic: true, trigger: 'tier_deadline' } });
    // The row moved with the event, in the same transaction.
    expect(await d.db.complaints.get(id)).toMatchObject({ tier: 'T2', updatedAt: hoursLater(25) });
  });

  it('leaves a complaint alone before its tier deadline', async () => {
    const d = await desk();
    const id = await registered(d);
    d.setNow(hoursLater(23));
    expect(await d.store.sweepEscalations(hoursLater(23))).toMatchObject({ escalated: 0, events: 0 });
    expect(await escalationsOf(d, id)).toEqual([]);
  });

  it('is main’s decision, on main’s clock: the window only names candidates', async () => {
    const d = await desk();
    await registered(d);
    // This window's clock says the deadline passed; main's does not: nothing is escalated.
    expect(await d.store.sweepEscalations(hoursLater(25))).toMatchObject({ candidates: 1, escalated: 0 });
    d.setNow(hoursLater(25));
    await d.store.sweepEscalations(hoursLater(25));
    expect((await d.main.journal()).map((event) => [event.type, event.actor])).toEqual([['Registered', expect.any(String)], ['Escalated', 'system']]);
    expect(await d.store.pendingJournalCount()).toBe(0);
  });

  it('does not touch a terminal complaint, however late', async () => {
    const d = await desk({ role: 'supervisor' });
    const id = await registered(d);
    expect(await d.store.perform(id, 'void', { reason: '重复登记' })).toMatchObject({ ok: true });
    const before = (await storedEvents(d.db)).length;

    const report = await d.store.sweepEscalations(hoursLater(24 * 40));

    expect(report).toMatchObject({ candidates: 0, escalated: 0, events: 0 });
    expect((await storedEvents(d.db)).length).toBe(before);
  });

  it('raises the month flag on a complaint unresolved for a month, straight to final review', async () => {
    const d = await desk();
    const id = await registered(d);
    // The desk was off for a month: the month rule wins over the tier ladder.
    d.setNow(hoursLater(24 * 31));
    const report = await d.store.sweepEscalations(hoursLater(24 * 31));
    expect(report).toMatchObject({ escalated: 1, failures: [] });
    const row = await d.db.complaints.get(id);
    expect(row).toMatchObject({ tier: 'T4' });
    expect(row?.flags).toContain('unresolved_month');
    expect(await d.store.sweepEscalations(hoursLater(24 * 31))).toMatchObject({ events: 0 });
  });
});

describe('a long backlog', () => {
  it('escalates every due complaint, a batch per call to main, each once', async () => {
    const d = await desk();
    const count = SWEEP_BATCH * 2 + 5;
    for (let i = 0; i < count; i += 1) await registered(d);
    const eventsBefore = (await storedEvents(d.db)).length;
    const calls = vi.spyOn(d.api, 'call');
    d.setNow(hoursLater(25));

    const report = await d.store.sweepEscalations(hoursLater(25));

    expect(report).toMatchObject({ candidates: count, escalated: count, events: count, failures: [] });
    expect(calls.mock.calls.filter(([method]) => method === 'complaints.escalateDue')).toHaveLength(3);
    expect((await storedEvents(d.db)).length).toBe(eventsBefore + count);
    expect(await d.db.complaints.where('[terminal+tier]').equals([0, 'T2']).count()).toBe(count);
    expect(await d.store.sweepEscalations(hoursLater(25))).toMatchObject({ candidates: 0, events: 0 });
    // Two hundred registrations in one hour: fake-indexeddb copies that hour's search docs and KPI facts on every
    // write, which takes this test past the default limit on a busy machine.
  }, 60_000);
});

describe('escalation after a step', () => {
  it('a step taken after the tier deadline brings the due escalation with it, as the system, in one write', async () => {
    const d = await desk();
    const id = await registered(d);
    d.setNow(hoursLater(25));

    expect(await d.store.perform(id, 'addNote', { text: '客户来电催促处理进度' })).toMatchObject({ ok: true });

    const types = (await storedEventsOf(d.db, id)).map((event) => [event.type, event.actor]);
    expect(types).toEqual([['Registered', STAFF], ['NoteAdded', STAFF], ['Escalated', 'system']]);
    expect(await d.db.complaints.get(id)).toMatchObject({ tier: 'T2' });
    // Already done: the sweep at the same moment finds nothing left.
    expect(await d.store.sweepEscalations(hoursLater(25))).toMatchObject({ events: 0 });
  });

  it('a step taken in time escalates nothing', async () => {
    const d = await desk();
    const id = await registered(d);
    d.setNow(hoursLater(2));
    expect(await d.store.perform(id, 'addNote', { text: '已联系客户' })).toMatchObject({ ok: true });
    expect(await escalationsOf(d, id)).toEqual([]);
  });
});

describe('escalationCandidates', () => {
  it('offers only complaints an index says may be due, not every open one', async () => {
    const d = await desk();
    const early = await registered(d);
    d.setNow(hoursLater(24.5));
    await registered(d);
    // At +25 h only the first complaint's nearest deadline has passed; the second was registered half an hour ago.
    expect(await escalationCandidates(d.db, hoursLater(25))).toEqual([early]);
  });
});

describe('startEscalationSweeps', () => {
  const quiet: SweepReport = { candidates: 0, escalated: 0, events: 0, failures: [] };

  it('sweeps at once and every interval, reports failures without stopping, and stops for good', async () => {
    vi.useFakeTimers();
    try {
      const sweep = vi.fn<(now: string) => Promise<SweepReport>>().mockRejectedValueOnce(new Error('disk gone')).mockResolvedValue(quiet);
      const errors: unknown[] = [];
      const stop = startEscalationSweeps(sweep, () => 'now', (error) => errors.push(error), 1000);
      await vi.advanceTimersByTimeAsync(0);
      expect(sweep).toHaveBeenCalledTimes(1);
      expect(errors).toEqual([new Error('disk gone')]);
      await vi.advanceTimersByTimeAsync(2000);
      expect(sweep).toHaveBeenCalledTimes(3);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(sweep).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('skips a tick while the previous sweep is still running', async () => {
    vi.useFakeTimers();
    try {
      let finish = (): void => undefined;
      const sweep = vi.fn(() => new Promise<SweepReport>((resolve) => (finish = () => resolve(quiet))));
      const stop = startEscalationSweeps(sweep, () => 'now', () => undefined, 1000);
      await vi.advanceTimersByTimeAsync(3000);
      expect(sweep).toHaveBeenCalledTimes(1);
      finish();
      await vi.advanceTimersByTimeAsync(1000);
      expect(sweep).toHaveBeenCalledTimes(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
