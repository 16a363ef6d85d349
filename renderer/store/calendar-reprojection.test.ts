import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import notice2027 from '../../tests/fixtures/calendars/cn-2027-notice.example.json';
import { compileCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import { CN_CALENDAR } from '../../shared/calendar/defaults';
import { HolidayNoticeSchema, withNotice } from '../../shared/calendar/notice';
import { DEFAULT_POLICY_VERSION, policyBook } from '../../shared/policy/book';
import { DEFAULT_POLICY, PolicySchema, type Policy } from '../../shared/policy/policy';
import { freshName, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';
import { openDeskDb } from './open';
import { createDeskStore } from './store';

const desk = testDesks();

/** Every clock in working time, acknowledgement within 1 working hour: what the rows show depends on the calendar. */
const inWorkingTime = <T extends { clock: string }>(rules: Record<string, T>) => Object.fromEntries(Object.entries(rules).map(([key, rule]) => [key, { ...rule, clock: 'working_time' }]));
const WORKING: Policy = PolicySchema.parse({
  ...DEFAULT_POLICY,
  acknowledge: { hours: 1, clock: 'working_time' },
  firstReply: { ...DEFAULT_POLICY.firstReply, clock: 'working_time' },
  grades: inWorkingTime(DEFAULT_POLICY.grades),
  tiers: inWorkingTime(DEFAULT_POLICY.tiers),
});

const imported = (() => {
  const doc = withNotice(CN_CALENDAR.doc, HolidayNoticeSchema.parse(notice2027));
  if (!doc.ok) throw new Error(doc.error.message);
  return compileCalendar(doc.value);
})();

/** The same browser database opened by a window counting on `calendar`, after its start-up check. */
async function reopen(opened: TestDesk, name: string, calendar: WorkingCalendar) {
  const policies = policyBook([{ policy: WORKING, source: 'default', arrivedAt: DEFAULT_POLICY_VERSION.arrivedAt }]);
  const db = openDeskDb(name, { policies, calendar });
  const store = createDeskStore({ db, api: opened.api, clock: opened.now, newId: () => crypto.randomUUID(), policies, calendar });
  expect((await store.restoreIfEmpty()).ok).toBe(true);
  const rows = await db.complaints.toArray();
  db.close();
  return rows;
}

describe('a new working calendar in force', () => {
  it('rebuilds the rows’ deadlines on it: a make-up Saturday (调休) brings the deadline forward', async () => {
    const name = freshName();
    const opened = await desk({ name });
    // Friday 19 February 2027, 17:30 in Shanghai: half a working hour left that day.
    opened.setNow('2027-02-19T09:30:00.000Z');
    expect((await opened.store.register(walkIn({ receivedAt: '2027-02-19T09:30:00.000Z' }))).ok).toBe(true);
    opened.db.close();

    const provisional = await reopen(opened, name, CN_CALENDAR);
    // Provisional 2027 has no 调休: the acknowledgement falls due on Monday 22 February, 09:30.
    expect(provisional.map((row) => [row.nextDeadlineKind, row.nextDeadlineAt])).toEqual([['acknowledgement', '2027-02-22T01:30:00.000Z']]);

    const notice = await reopen(opened, name, imported);
    // With the notice, Saturday 20 February is a working day.
    expect(notice.map((row) => [row.nextDeadlineKind, row.nextDeadlineAt])).toEqual([['acknowledgement', '2027-02-20T01:30:00.000Z']]);
  });
});
