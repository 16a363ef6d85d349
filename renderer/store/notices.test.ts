import 'fake-indexeddb/auto';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { describe, expect, it } from 'vitest';
import { BRANCH, STAFF, SUPERVISOR, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';
import { openDeskDb } from './open';
import { loadNotices, markNoticesRead } from './notices';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { keepNoticeCandidates, readNoticeCandidates } from './notice-feed';
import { createArrivalWatch } from './arrivals';
import type { NoticeViewer } from './notice-candidates';

const REGISTERED_AT = '2026-11-23T02:00:00.000Z';
const hoursLater = (h: number): string => new Date(Date.parse(REGISTERED_AT) + h * 3_600_000).toISOString();
const desk = testDesks({ now: REGISTERED_AT });

const CLERK: NoticeViewer = { userId: STAFF, role: 'staff' };
const BOSS: NoticeViewer = { userId: SUPERVISOR, role: 'supervisor' };
const OTHER_CLERK: NoticeViewer = { userId: 'u-other', role: 'staff' };

async function registered(d: TestDesk): Promise<string> {
  const result = await d.store.register(walkIn({ receivedAt: new Date(Date.parse(d.now()) - 60_000).toISOString() }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.number;
}

/** One round of a window's feed at `now`: the titles it would tell the OS about. */
async function round(d: TestDesk, now: string, viewer: NoticeViewer, db = d.db): Promise<string[]> {
  const added = await keepNoticeCandidates(db, await readNoticeCandidates(db, BRANCH, now, viewer), now);
  return added.map((notice) => `${notice.kind} ${notice.number}${notice.kind === 'escalated' ? ` ${notice.toTier}` : ''}`);
}

describe('the notice feed', () => {
  it('tells the assignee once when a complaint turns due soon, once when it is overdue, and once when the system escalates it', async () => {
    const d = await desk();
    const number = await registered(d);
    expect(await round(d, hoursLater(1), CLERK)).toEqual([]);
    expect(await round(d, hoursLater(19), CLERK)).toEqual([`due_soon ${number}`]);
    expect(await round(d, hoursLater(19.5), CLERK)).toEqual([]); // the next tick: nothing new
    expect(await round(d, hoursLater(24.5), CLERK)).toEqual([`overdue ${number}`]);
    d.setNow(hoursLater(25));
    expect(await d.store.sweepEscalations(hoursLater(25))).toMatchObject({ escalated: 1 });
    expect(await round(d, hoursLater(25), CLERK)).toEqual([`escalated ${number} T2`]);
    // Every later tick, a catch-up, another sweep: nothing is told twice.
    await d.store.sweepEscalations(hoursLater(25.1));
    await d.store.catchUp();
    expect(await round(d, hoursLater(25.2), CLERK)).toEqual([]);
    expect((await loadNotices(d.db)).map((notice) => [notice.kind, notice.read])).toEqual([
      ['escalated', false],
      ['overdue', false],
      ['due_soon', false],
    ]);
  });

  it('keeps read and unread per person across a reload; marking one or all read', async () => {
    const d = await desk();
    await registered(d);
    await round(d, hoursLater(19), CLERK);
    await round(d, hoursLater(25), CLERK);
    const [overdue] = await loadNotices(d.db);
    await markNoticesRead(d.db, [overdue?.key ?? '']);
    const reopened = openDeskDb(d.db.name, { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    expect((await loadNotices(reopened)).map((notice) => [notice.kind, notice.read])).toEqual([
      ['overdue', true],
      ['due_soon', false],
    ]);
    await markNoticesRead(reopened);
    expect((await loadNotices(reopened)).every((notice) => notice.read)).toBe(true);
    // The same state on a later tick is not news again, read or not.
    expect(await round(d, hoursLater(26), CLERK, reopened)).toEqual([]);
    reopened.close();
  });

  it('adds a notice once when two windows of the same person see it at the same moment', async () => {
    const d = await desk();
    const number = await registered(d);
    const second = openDeskDb(d.db.name, { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    const told = await Promise.all([round(d, hoursLater(19), CLERK), round(d, hoursLater(19), CLERK, second)]);
    expect(told.flat()).toEqual([`due_soon ${number}`]);
    second.close();
  });

  it('tells the branch’s supervisors about every complaint, a clerk only about their own', async () => {
    const d = await desk();
    const number = await registered(d);
    expect(await round(d, hoursLater(19), OTHER_CLERK)).toEqual([]);
    const boss = await desk({ main: d.main, role: 'supervisor' });
    await boss.store.catchUp();
    expect(await round(boss, hoursLater(19), BOSS)).toEqual([`due_soon ${number}`]);
  });

  it('does not announce escalations from before the person first looked', async () => {
    const d = await desk();
    await registered(d);
    d.setNow(hoursLater(25));
    await d.store.sweepEscalations(hoursLater(25));
    // First look: the overdue state is news, the escalation already in the log is history.
    expect((await round(d, hoursLater(25), CLERK)).map((told) => told.split(' ')[0])).toEqual(['overdue']);
  });

  it('leaves out a stored notice that does not parse instead of showing it wrong', async () => {
    const d = await desk();
    await registered(d);
    await round(d, hoursLater(19), CLERK);
    await d.db.settings.put({ key: 'notice:broken', value: { kind: 'overdue', number: 42 } });
    expect((await loadNotices(d.db)).map((notice) => notice.kind)).toEqual(['due_soon']);
  });
});

describe('the board’s arrival watch', () => {
  it('gives each window a burst of escalations after a sleep once, and a reloaded window none of them', async () => {
    const d = await desk();
    for (let i = 0; i < 3; i++) await registered(d);
    const first = createArrivalWatch(d.db, BRANCH);
    const secondWindow = openDeskDb(d.db.name, { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    const second = createArrivalWatch(secondWindow, BRANCH);
    expect(await first.look()).toEqual([]);
    expect(await second.look()).toEqual([]);
    // The desk slept past every tier limit: one sweep escalates all three.
    d.setNow(hoursLater(30));
    expect(await d.store.sweepEscalations(hoursLater(30))).toMatchObject({ escalated: 3 });
    const tiers = (events: Awaited<ReturnType<typeof first.look>>) => events.map((event) => event.payload.toTier);
    expect(tiers(await first.look())).toEqual(['T2', 'T2', 'T2']);
    expect(tiers(await first.look())).toEqual([]); // the next catch-up: nothing again
    expect(tiers(await second.look())).toEqual(['T2', 'T2', 'T2']); // the other window shows them too, once
    expect(tiers(await second.look())).toEqual([]);
    await d.store.catchUp();
    expect(await createArrivalWatch(d.db, BRANCH).look()).toEqual([]); // a reload: already seen
    secondWindow.close();
  });
});
