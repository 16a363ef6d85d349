import { describe, expect, it } from 'vitest';
import { CalendarDocSchema, type CalendarDocInput } from './schema';
import { AROUND_THE_CLOCK, compileCalendar, type WorkingCalendar } from './calendar';
import { CN_2026_CALENDAR as CN } from './defaults';
import { addWorkingDays, addWorkingMinutes, isWorkingTime, workingMinutesBetween } from './arithmetic';

/** Beijing wall time → ISO instant, and back, so the examples read as a person in the branch would say them. */
const bj = (local: string): string => new Date(Date.parse(`${local}:00+08:00`)).toISOString();
const toBj = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const calendar = (doc: Partial<CalendarDocInput>): WorkingCalendar =>
  compileCalendar(CalendarDocSchema.parse({ id: 'test', name: 'Test', timeZone: 'Asia/Shanghai', workingHours: [{ start: '09:00', end: '17:00' }], workingWeekdays: [1, 2, 3, 4, 5], ...doc }));

describe('addWorkingMinutes on the China 2026 calendar (09–12, 13–18, Mon–Fri, holidays, 调休)', () => {
  it.each([
    ['inside one span', '2026-11-23T10:00', 30, '2026-11-23 10:30'],
    ['over the lunch break', '2026-11-23T11:30', 60, '2026-11-23 13:30'],
    ['ending exactly at the lunch break stays at 12:00', '2026-11-23T11:00', 60, '2026-11-23 12:00'],
    ['ending exactly at closing time stays at 18:00', '2026-11-23T17:00', 60, '2026-11-23 18:00'],
    ['overnight', '2026-11-23T17:30', 60, '2026-11-24 09:30'],
    ['starting at night', '2026-11-23T22:00', 30, '2026-11-24 09:30'],
    ['over a weekend', '2026-11-20T17:00', 120, '2026-11-23 10:00'],
    ['from a Saturday', '2026-11-21T10:00', 15, '2026-11-23 09:15'],
    ['over National Day (Oct 1–7)', '2026-09-30T17:00', 61, '2026-10-08 09:01'],
    ['into the make-up Saturday Oct 10', '2026-10-09T17:00', 120, '2026-10-10 10:00'],
    ['into the make-up Sunday Sep 20', '2026-09-18T17:30', 60, '2026-09-20 09:30'],
    ['into the make-up Saturday before Spring Festival', '2026-02-13T17:00', 120, '2026-02-14 10:00'],
    ['over Spring Festival (Feb 15–23)', '2026-02-14T17:00', 120, '2026-02-24 10:00'],
    ['over the year end into New Year and its make-up Sunday', '2025-12-31T17:00', 120, '2026-01-04 10:00'],
    ['over the 2026 year end (1 January 2027 is a statutory holiday, then the weekend)', '2026-12-31T17:00', 120, '2027-01-04 10:00'],
    ['zero minutes inside working time', '2026-11-23T10:17', 0, '2026-11-23 10:17'],
    ['zero minutes at lunch moves to the opening', '2026-11-23T12:30', 0, '2026-11-23 13:00'],
    ['a full day of 480 minutes', '2026-11-23T09:00', 480, '2026-11-23 18:00'],
  ])('%s', (_label, start, minutes, expected) => {
    expect(toBj(addWorkingMinutes(CN, bj(start), minutes))).toBe(expected);
  });

  it('keeps seconds and milliseconds of the start', () => {
    expect(addWorkingMinutes(CN, '2026-11-23T02:00:30.250Z', 1)).toBe('2026-11-23T02:01:30.250Z');
  });
});

describe('workingMinutesBetween and isWorkingTime', () => {
  it('counts only working minutes, negative when the end is earlier', () => {
    expect(workingMinutesBetween(CN, bj('2026-09-30T09:00'), bj('2026-10-08T09:00'))).toBe(480);
    expect(workingMinutesBetween(CN, bj('2026-10-08T09:00'), bj('2026-09-30T09:00'))).toBe(-480);
    expect(workingMinutesBetween(CN, bj('2026-11-21T08:00'), bj('2026-11-22T20:00'))).toBe(0);
    expect(workingMinutesBetween(CN, bj('2026-11-23T11:30'), bj('2026-11-23T13:30'))).toBe(60);
    expect(workingMinutesBetween(CN, bj('2026-10-09T17:00'), bj('2026-10-12T09:00'))).toBe(60 + 480);
  });

  it.each([
    ['2026-11-23T09:00', true],
    ['2026-11-23T11:59', true],
    ['2026-11-23T12:00', false],
    ['2026-11-23T13:00', true],
    ['2026-11-23T18:00', false],
    ['2026-11-21T10:00', false],
    ['2026-10-01T10:00', false],
    ['2026-10-10T10:00', true],
    ['2026-01-04T10:00', true],
  ])('open at %s: %s', (local, open) => {
    expect(isWorkingTime(CN, bj(local))).toBe(open);
  });
});

describe('addWorkingDays', () => {
  it('extends by 10 working days across Mid-Autumn, National Day and a make-up Saturday', () => {
    // Sep 22, 23, 24, 28, 29, 30, Oct 8, 9, 10 (调休), 12.
    expect(toBj(addWorkingDays(CN, bj('2026-09-21T10:00'), 10))).toBe('2026-10-12 10:00');
  });

  it('counts from the next opening when started after hours', () => {
    expect(toBj(addWorkingDays(CN, bj('2026-11-20T20:00'), 2))).toBe('2026-11-24 18:00');
  });

  it('is whole days of 24 h around the clock', () => {
    expect(addWorkingDays(AROUND_THE_CLOCK, '2026-11-20T20:00:00.000Z', 2)).toBe('2026-11-22T20:00:00.000Z');
  });

  it('refuses negative or fractional days as a programming error', () => {
    expect(() => addWorkingDays(CN, bj('2026-11-20T20:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(CN, bj('2026-11-20T20:00'), 1.5)).toThrow(RangeError);
  });
});

describe('around the clock', () => {
  it('counts every minute, nights and holidays included', () => {
    expect(addWorkingMinutes(AROUND_THE_CLOCK, bj('2026-09-30T23:00'), 24 * 60)).toBe(bj('2026-10-01T23:00'));
    expect(workingMinutesBetween(AROUND_THE_CLOCK, bj('2026-10-01T00:00'), bj('2026-10-08T00:00'))).toBe(7 * 24 * 60);
    expect(isWorkingTime(AROUND_THE_CLOCK, bj('2026-10-01T03:00'))).toBe(true);
  });
});

describe('a zone with daylight saving time (America/New_York)', () => {
  const newYork = calendar({ timeZone: 'America/New_York', workingHours: [{ start: '09:00', end: '17:00' }] });

  it('keeps working hours on the wall clock across the spring change', () => {
    // Fri 6 Mar 16:00 EST (21:00Z) + 2 h → Mon 9 Mar 10:00 EDT (14:00Z).
    expect(addWorkingMinutes(newYork, '2026-03-06T21:00:00.000Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    expect(workingMinutesBetween(newYork, '2026-03-06T21:00:00.000Z', '2026-03-09T14:00:00.000Z')).toBe(120);
  });

  it('and across the autumn change', () => {
    // Fri 30 Oct 16:00 EDT (20:00Z) + 2 h → Mon 2 Nov 10:00 EST (15:00Z).
    expect(addWorkingMinutes(newYork, '2026-10-30T20:00:00.000Z', 120)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('counts the real length of a working day that loses an hour', () => {
    const nightShift = calendar({ timeZone: 'America/New_York', workingHours: [{ start: '01:00', end: '04:00' }], workingWeekdays: [7] });
    // Sunday 8 Mar: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z) is two real hours.
    expect(workingMinutesBetween(nightShift, '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z')).toBe(120);
    expect(addWorkingMinutes(nightShift, '2026-03-08T06:00:00.000Z', 90)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('a 24-hour calendar with a holiday still counts elapsed time on the short day', () => {
    const allDays = calendar({ timeZone: 'America/New_York', workingHours: [{ start: '00:00', end: '24:00' }], workingWeekdays: [1, 2, 3, 4, 5, 6, 7], holidays: ['2026-12-25'] });
    // Sat 7 Mar 12:00 EST (17:00Z) + 24 h of working time = Sun 8 Mar 13:00 EDT (17:00Z).
    expect(addWorkingMinutes(allDays, '2026-03-07T17:00:00.000Z', 24 * 60)).toBe('2026-03-08T17:00:00.000Z');
  });
});

describe('several spans a day', () => {
  const shifts = calendar({
    workingHours: [
      { start: '08:00', end: '10:00' },
      { start: '10:30', end: '12:00' },
      { start: '14:00', end: '17:30' },
      { start: '19:00', end: '21:00' },
    ],
  });

  it('skips each break', () => {
    expect(toBj(addWorkingMinutes(shifts, bj('2026-11-23T09:30'), 30 + 90 + 210 + 60))).toBe('2026-11-23 20:00');
    expect(toBj(addWorkingMinutes(shifts, bj('2026-11-23T09:30'), 30 + 90 + 210 + 120 + 1))).toBe('2026-11-24 08:01');
    expect(workingMinutesBetween(shifts, bj('2026-11-23T00:00'), bj('2026-11-24T00:00'))).toBe(540);
  });
});
