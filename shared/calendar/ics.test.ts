import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import autumnFeed from '../../resources/calendars/cn-2026-autumn.sample.ics?raw';
import { CalendarDocSchema, type CalendarDoc } from './schema';
import { compileCalendar } from './calendar';
import { importIcs, isMakeUpWorkdaySummary } from './ics';
import { dayNumberOf } from './dates';

const base: CalendarDoc = CalendarDocSchema.parse({
  id: 'cn-imported',
  name: '导入的日历',
  timeZone: 'Asia/Shanghai',
  workingHours: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
  workingWeekdays: [1, 2, 3, 4, 5],
});

const feed = (...events: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

function imported(text: string, onto: CalendarDoc = base): CalendarDoc {
  const result = importIcs(text, onto);
  if (!result.ok) throw new Error(`expected the feed to import: ${result.error.message}`);
  return result.value;
}

describe('importIcs', () => {
  it('reads a Chinese holiday feed: multi-day holidays, 班 and 补班 make-up days, folded CRLF lines', () => {
    const doc = imported(autumnFeed);
    expect(doc.holidays).toEqual([
      { from: '2026-09-25', to: '2026-09-27', name: '中秋节 休' },
      { from: '2026-10-01', to: '2026-10-07', name: '国庆节（休）, National Day' },
    ]);
    expect(doc.makeUpWorkdays).toEqual([
      { date: '2026-09-20', name: '国庆节 班' },
      { date: '2026-10-10', name: '补班' },
    ]);
    const calendar = compileCalendar(doc);
    expect(calendar.isWorkingDay(dayNumberOf('2026-10-07') ?? 0)).toBe(false);
    expect(calendar.isWorkingDay(dayNumberOf('2026-10-08') ?? 0)).toBe(true);
    expect(calendar.isWorkingDay(dayNumberOf('2026-10-10') ?? 0)).toBe(true);
  });

  it('reads LF-only files, single-day events without DTEND and date-time starts', () => {
    const text = feed(
      event('DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day'),
      // Shanghai midnight to midnight, written in UTC.
      event('DTSTART:20261225T160000Z', 'DTEND:20261226T160000Z', 'SUMMARY:Boxing Day'),
    ).replace(/\r\n/g, '\n');
    expect(imported(text).holidays).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
    ]);
  });

  describe('puts date-times on the calendar’s local day (Asia/Shanghai, UTC+8)', () => {
    it.each([
      ['UTC 16:00 is the next day 00:00', ['DTSTART:20261001T160000Z'], [{ date: '2026-10-02', name: 'x' }]],
      ['UTC 15:59 is still the same day', ['DTSTART:20261001T155900Z'], [{ date: '2026-10-01', name: 'x' }]],
      ['a local midnight-to-midnight day in UTC', ['DTSTART:20261001T160000Z', 'DTEND:20261002T160000Z'], [{ date: '2026-10-02', name: 'x' }]],
      ['three local days in UTC', ['DTSTART:20260930T160000Z', 'DTEND:20261003T160000Z'], [{ from: '2026-10-01', to: '2026-10-03', name: 'x' }]],
      ['a UTC day straddles two local days', ['DTSTART:20261226T000000Z', 'DTEND:20261227T000000Z'], [{ from: '2026-12-26', to: '2026-12-27', name: 'x' }]],
      ['TZID in the calendar’s zone', ['DTSTART;TZID=Asia/Shanghai:20261001T000000', 'DTEND;TZID=Asia/Shanghai:20261002T000000'], [{ date: '2026-10-01', name: 'x' }]],
      ['TZID New York evening is the next day in Shanghai', ['DTSTART;TZID=America/New_York:20261001T200000'], [{ date: '2026-10-02', name: 'x' }]],
      ['TZID quoted, with a leading slash', ['DTSTART;TZID="/Europe/Berlin":20261001T200000'], [{ date: '2026-10-02', name: 'x' }]],
      ['TZID with VALUE=DATE-TIME after it', ['DTSTART;TZID=Asia/Tokyo;VALUE=DATE-TIME:20261002T003000'], [{ date: '2026-10-01', name: 'x' }]],
      ['floating local time stays on its day', ['DTSTART:20261001T230000'], [{ date: '2026-10-01', name: 'x' }]],
    ])('%s', (_label, lines, holidays) => {
      expect(imported(feed(event(...lines, 'SUMMARY:x'))).holidays).toEqual(holidays);
    });

    it('refuses an unknown TZID and impossible times with the field’s path', () => {
      const refused = (lines: string[]) => {
        const result = importIcs(feed(event(...lines, 'SUMMARY:x')), base);
        return result.ok ? undefined : result.error;
      };
      expect(refused(['DTSTART;TZID=China Standard Time:20261001T000000'])).toMatchObject({ code: 'invalid_ics', path: 'events.0.DTSTART', message: expect.stringContaining('"China Standard Time"') });
      expect(refused(['DTSTART:20261001T000000Z', 'DTEND;TZID=Mars/Olympus:20261002T000000'])).toMatchObject({ code: 'invalid_ics', path: 'events.0.DTEND' });
      expect(refused(['DTSTART:20261001T250000Z'])).toMatchObject({ code: 'invalid_ics', path: 'events.0.DTSTART' });
      expect(refused(['DTSTART:20261002T120000Z', 'DTEND:20261002T110000Z'])).toMatchObject({ code: 'invalid_ics', path: 'events.0.DTEND' });
    });

    it('property: a UTC date-time lands on the local day Intl shows for that instant, in any zone', () => {
      const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'UTC'];
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (ms, timeZone) => {
          const instant = new Date(Math.floor(ms / 1000) * 1000);
          const stamp = instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
          const doc = imported(feed(event(`DTSTART:${stamp}`, 'SUMMARY:x')), { ...base, timeZone });
          const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
          return JSON.stringify(doc.holidays) === JSON.stringify([{ date: local, name: 'x' }]);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('ignores the alarm inside an event', () => {
    const text = feed(event('DTSTART;VALUE=DATE:20261010', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'SUMMARY:提醒 Reminder', 'END:VALARM', 'SUMMARY:补班'));
    expect(imported(text).makeUpWorkdays).toEqual([{ date: '2026-10-10', name: '补班' }]);
  });

  it('does not repeat days the base calendar already has', () => {
    const once = imported(autumnFeed);
    const twice = imported(autumnFeed, once);
    expect(twice.holidays).toHaveLength(2);
    expect(twice.makeUpWorkdays).toHaveLength(2);
  });

  it.each([
    ['国庆节 班', true],
    ['补班', true],
    ['春节调休上班', true],
    ['国庆节 休', false],
    ['休息日调班 休', false],
    ['元旦', false],
    ['Make-up workday', true],
    ['New Year', false],
  ])('"%s" is a make-up working day: %s', (summary, makeUp) => {
    expect(isMakeUpWorkdaySummary(summary)).toBe(makeUp);
  });

  it.each([
    ['text that is not iCalendar', 'hello', 'invalid_ics', 'line 1'],
    ['an event without DTSTART', feed(event('SUMMARY:x')), 'invalid_ics', 'events.0.DTSTART'],
    ['a DTSTART that is not a date', feed(event('DTSTART;VALUE=DATE:2026-10-01')), 'invalid_ics', 'events.0.DTSTART'],
    ['an impossible date', feed(event('DTSTART;VALUE=DATE:20260230')), 'invalid_ics', 'events.0.DTSTART'],
    ['DTEND before DTSTART', feed(event('DTSTART;VALUE=DATE:20261005', 'DTEND;VALUE=DATE:20261001')), 'invalid_ics', 'events.0.DTEND'],
    ['an unterminated event', ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261001'].join('\r\n'), 'invalid_ics', 'events.0'],
    ['a line without a colon', feed('GARBAGE'), 'invalid_ics', 'line 3'],
    [
      'a day that becomes both holiday and make-up day',
      feed(event('DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:休'), event('DTSTART;VALUE=DATE:20261003', 'SUMMARY:班')),
      'invalid_calendar',
      'makeUpWorkdays.0',
    ],
  ])('refuses %s', (_label, text, code, path) => {
    const result = importIcs(text, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toBe(path);
  });

  it('leaves the base calendar unchanged', () => {
    const before = structuredClone(base);
    imported(autumnFeed);
    importIcs('broken', base);
    expect(base).toEqual(before);
  });
});
