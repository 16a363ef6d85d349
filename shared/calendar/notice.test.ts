import { describe, expect, it } from 'vitest';
import exampleFeed from '../../tests/fixtures/calendars/cn-2027-notice.example.ics?raw';
import exampleJson from '../../tests/fixtures/calendars/cn-2027-notice.example.json';
import { compileCalendar } from './calendar';
import { calendarCoverage, daysLeftInCalendar } from './coverage';
import { dayNumberOf } from './dates';
import { CN_CALENDAR } from './defaults';
import { diffCalendars, readNotice, withNotice, type HolidayNotice } from './notice';

const ZONE = 'Asia/Shanghai';
const MAKE_UP_DAYS_2027 = ['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'];

function read(format: 'ics' | 'json', text: string): HolidayNotice {
  const notice = readNotice(format, text, ZONE);
  if (!notice.ok) throw new Error(`expected the notice to read: ${notice.error.message}`);
  return notice.value;
}

function applied(notice: HolidayNotice) {
  const doc = withNotice(CN_CALENDAR.doc, notice);
  if (!doc.ok) throw new Error(`expected the notice to apply: ${doc.error.message}`);
  return doc.value;
}

const isWorkingDay = (doc: Parameters<typeof compileCalendar>[0], date: string) => compileCalendar(doc).isWorkingDay(dayNumberOf(date) as number);

describe('readNotice', () => {
  it('reads a 2027 feed (.ics): the year, the holidays and the 调休 make-up days', () => {
    const notice = read('ics', exampleFeed);
    expect(notice.year).toBe(2027);
    expect(notice.makeUpWorkdays.map((day) => (typeof day === 'string' ? day : day.date)).sort()).toEqual(MAKE_UP_DAYS_2027);
    expect(notice.holidays).toContainEqual({ from: '2027-02-05', to: '2027-02-13', name: '春节 休' });
    expect(notice.holidays).toContainEqual({ date: '2027-06-09', name: '端午节 休' });
  });

  it('reads the same notice as JSON, and both mean the same working days', () => {
    const fromJson = applied(read('json', JSON.stringify(exampleJson)));
    const fromIcs = applied(read('ics', exampleFeed));
    for (const date of ['2027-01-31', '2027-02-05', '2027-02-12', '2027-02-15', '2027-04-05', '2027-05-05', '2027-05-08', '2027-10-07', '2027-10-09']) {
      expect(isWorkingDay(fromJson, date), date).toBe(isWorkingDay(fromIcs, date));
    }
  });

  it('refuses what is not a notice, saying where', () => {
    expect(readNotice('json', '{"year": 2027, "holidays": [', ZONE)).toMatchObject({ ok: false, error: { code: 'invalid_notice', path: 'file' } });
    expect(readNotice('json', JSON.stringify({ year: 2027, holidays: ['2027-02-30'] }), ZONE)).toMatchObject({ ok: false, error: { code: 'invalid_notice', path: 'holidays.0' } });
    expect(readNotice('json', JSON.stringify({ year: 2027, holidays: ['2026-06-01'] }), ZONE)).toMatchObject({ ok: false, error: { code: 'invalid_notice', path: 'holidays.0' } });
    expect(readNotice('json', JSON.stringify({ ...exampleJson, provisional: true }), ZONE)).toMatchObject({ ok: false, error: { code: 'invalid_notice' } });
    expect(readNotice('ics', 'not a calendar', ZONE)).toMatchObject({ ok: false, error: { code: 'invalid_ics', path: 'line 1' } });
    expect(readNotice('ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', ZONE)).toMatchObject({ ok: false, error: { code: 'notice_empty' } });
  });

  it('refuses a feed of several years rather than guessing which one is the notice', () => {
    const twoYears = exampleFeed.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:店庆 休\r\nEND:VEVENT\r\nEND:VCALENDAR');
    expect(readNotice('ics', twoYears, ZONE)).toMatchObject({ ok: false, error: { code: 'notice_spans_years', params: { years: '2026, 2027' } } });
  });

  it('takes the December days a notice names before its year (元旦 from 30 December)', () => {
    const notice = read('json', JSON.stringify({ year: 2027, holidays: [{ from: '2026-12-31', to: '2027-01-02', name: '元旦' }], makeUpWorkdays: ['2026-12-27'] }));
    const doc = applied(notice);
    expect(isWorkingDay(doc, '2026-12-31')).toBe(false);
    expect(isWorkingDay(doc, '2026-12-27')).toBe(true);
  });
});

describe('withNotice', () => {
  it('replaces the provisional 2027 with the notice: 调休 days work, and 2027 is no longer provisional', () => {
    expect(calendarCoverage(CN_CALENDAR)).toEqual({ through: '2027-12-31', provisionalFrom: '2027-01-01' });
    const doc = applied(read('ics', exampleFeed));
    expect(calendarCoverage({ doc })).toEqual({ through: '2027-12-31', provisionalFrom: undefined });
    expect(isWorkingDay(doc, '2027-02-20')).toBe(true); // a Saturday make-up day
    expect(isWorkingDay(doc, '2027-02-12')).toBe(false); // a Friday of the Spring Festival break
    expect(isWorkingDay(doc, '2026-10-07')).toBe(false); // 2026 is untouched
    expect(doc.holidays.some((holiday) => typeof holiday !== 'string' && holiday.name?.includes('provisional'))).toBe(false);
  });

  it('extends the calendar by the year after its end, and refuses a notice that would skip a year', () => {
    const next = read('json', JSON.stringify({ year: 2028, holidays: [{ date: '2028-01-01', name: '元旦' }] }));
    const extended = applied(next);
    expect(calendarCoverage({ doc: extended })).toEqual({ through: '2028-12-31', provisionalFrom: '2027-01-01' });
    const skipping = read('json', JSON.stringify({ year: 2029, holidays: ['2029-01-01'] }));
    expect(withNotice(CN_CALENDAR.doc, skipping)).toMatchObject({ ok: false, error: { code: 'notice_year_not_next', params: { year: 2029, through: '2027-12-31' } } });
  });
});

describe('diffCalendars', () => {
  it('lists, day by day, what the 2027 notice changes: added make-up working days and holidays, renamed days', () => {
    const changes = diffCalendars(CN_CALENDAR.doc, applied(read('ics', exampleFeed)));
    expect(changes.every((change) => change.date.startsWith('2027-'))).toBe(true);
    const added = changes.filter((change) => change.change === 'workday_added');
    expect(added.map((change) => change.date)).toEqual(MAKE_UP_DAYS_2027);
    expect(added[0]).toEqual({ date: '2027-01-31', weekday: 7, change: 'workday_added', before: { kind: 'ordinary' }, after: { kind: 'makeUpWorkday', name: '春节 补班' } });
    expect(changes.find((change) => change.date === '2027-02-09')).toMatchObject({ change: 'holiday_added', weekday: 2, after: { kind: 'holiday', name: '春节 休' } });
    expect(changes.find((change) => change.date === '2027-02-05')).toMatchObject({
      change: 'renamed',
      before: { kind: 'holiday', name: '春节 Spring Festival: 除夕–初三 (statutory, provisional)' },
      after: { kind: 'holiday', name: '春节 休' },
    });
    expect(changes.filter((change) => change.change === 'holiday_removed' || change.change === 'workday_removed')).toEqual([]);
  });

  it('shows a removed holiday and a holiday turned into a working day', () => {
    // A feed that forgets 端午 and turns 中秋 into a working day.
    const holidays = exampleJson.holidays.filter((holiday) => holiday.name !== '端午节' && holiday.name !== '中秋节');
    const mistaken = read('json', JSON.stringify({ ...exampleJson, holidays, makeUpWorkdays: [...exampleJson.makeUpWorkdays, '2027-09-15'] }));
    const changes = diffCalendars(CN_CALENDAR.doc, applied(mistaken));
    expect(changes.find((change) => change.date === '2027-06-09')).toMatchObject({ change: 'holiday_removed', after: { kind: 'ordinary' } });
    expect(changes.find((change) => change.date === '2027-09-15')).toMatchObject({ change: 'workday_added', before: { kind: 'holiday' }, after: { kind: 'makeUpWorkday' } });
  });

  it('is empty for the same calendar', () => {
    expect(diffCalendars(CN_CALENDAR.doc, CN_CALENDAR.doc)).toEqual([]);
  });
});

describe('daysLeftInCalendar', () => {
  it('counts the days to the last covered one, negative once it has run out', () => {
    const coverage = calendarCoverage(CN_CALENDAR);
    expect(daysLeftInCalendar(coverage, dayNumberOf('2027-12-01') as number)).toBe(30);
    expect(daysLeftInCalendar(coverage, dayNumberOf('2027-12-31') as number)).toBe(0);
    expect(daysLeftInCalendar(coverage, dayNumberOf('2028-01-02') as number)).toBe(-2);
    expect(daysLeftInCalendar({ through: undefined, provisionalFrom: undefined }, 0)).toBeUndefined();
  });
});
