import { describe, expect, it } from 'vitest';
import cn2026Json from '../../resources/calendars/cn-2026.json';
import { parseCalendar } from './calendar';
import { CN_2026_CALENDAR } from './defaults';
import { dayNumberOf } from './dates';

const valid = { id: 'branch-sh', name: '上海门店', timeZone: 'Asia/Shanghai', workingHours: [{ start: '09:00', end: '18:00' }], workingWeekdays: [1, 2, 3, 4, 5, 6] };

describe('parseCalendar', () => {
  it('accepts a calendar and fills in the empty holiday lists', () => {
    const parsed = parseCalendar(valid);
    expect(parsed.ok && parsed.value.doc.holidays).toEqual([]);
    expect(parsed.ok && parsed.value.minutesPerWorkingDay).toBe(540);
  });

  it('accepts dates, named dates and named ranges as holidays', () => {
    const parsed = parseCalendar({ ...valid, holidays: ['2026-06-01', { date: '2026-06-02', name: '店庆' }, { from: '2026-06-03', to: '2026-06-05' }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const date of ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-05']) expect(parsed.value.isWorkingDay(dayNumberOf(date) ?? 0)).toBe(false);
    expect(parsed.value.isWorkingDay(dayNumberOf('2026-06-06') ?? 0)).toBe(true);
  });

  it.each([
    ['not an object', 'calendar', ''],
    ['an unknown time zone', { ...valid, timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['a span ending before it starts', { ...valid, workingHours: [{ start: '18:00', end: '09:00' }] }, 'workingHours.0.end'],
    ['a time that is not HH:MM', { ...valid, workingHours: [{ start: '9:00', end: '18:00' }] }, 'workingHours.0.start'],
    ['overlapping spans', { ...valid, workingHours: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '18:00' }] }, 'workingHours.1.start'],
    ['no working hours', { ...valid, workingHours: [] }, 'workingHours'],
    ['no working weekdays', { ...valid, workingWeekdays: [] }, 'workingWeekdays'],
    ['weekday 8', { ...valid, workingWeekdays: [1, 8] }, 'workingWeekdays.1'],
    ['a weekday listed twice', { ...valid, workingWeekdays: [1, 2, 1] }, 'workingWeekdays.2'],
    ['a holiday that is not a real date', { ...valid, holidays: ['2026-02-30'] }, 'holidays.0'],
    ['a holiday range ending before it starts', { ...valid, holidays: [{ from: '2026-10-07', to: '2026-10-01' }] }, 'holidays.0.to'],
    ['a day both holiday and make-up day', { ...valid, holidays: [{ from: '2026-10-01', to: '2026-10-07' }], makeUpWorkdays: ['2026-10-03'] }, 'makeUpWorkdays.0'],
    ['an unknown field', { ...valid, workHours: [] }, ''],
    ['a bad id', { ...valid, id: 'Branch SH' }, 'id'],
  ])('refuses %s with the path of the bad field', (_label, json, path) => {
    const parsed = parseCalendar(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid_calendar');
    expect(parsed.error.path).toBe(path);
  });
});

describe('the shipped China 2026 calendar', () => {
  const working = (date: string): boolean => CN_2026_CALENDAR.isWorkingDay(dayNumberOf(date) ?? 0);

  it('has the 2026 public holidays off', () => {
    for (const date of ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-23', '2026-04-06', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-07']) {
      expect(working(date), date).toBe(false);
    }
  });

  it('has the make-up working days (调休) on', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(working(date), date).toBe(true);
  });

  it('is an ordinary Monday-to-Friday otherwise', () => {
    expect(working('2026-11-23')).toBe(true);
    expect(working('2026-11-22')).toBe(false);
    expect(cn2026Json.timeZone).toBe('Asia/Shanghai');
  });
});
