import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import cn2026Json from '../../resources/calendars/cn-2026.json';
import { CalendarDocSchema } from './schema';
import { AROUND_THE_CLOCK, compileCalendar, type WorkingCalendar } from './calendar';
import { addWorkingMs, isWorkingTimeMs, workingMsBetween } from './arithmetic';

const MINUTE = 60_000;
const fresh = (json: unknown): (() => WorkingCalendar) => () => compileCalendar(CalendarDocSchema.parse(json));

// Calendars are compiled afresh for each run, so cached state built by one query order cannot hide a bug.
const calendars: [string, () => WorkingCalendar][] = [
  ['China 2026 (holidays, 调休, lunch break)', fresh(cn2026Json)],
  [
    'New York, DST, split shifts, a holiday and a make-up Saturday',
    fresh({
      id: 'ny',
      name: 'NY',
      timeZone: 'America/New_York',
      workingHours: [
        { start: '01:30', end: '03:30' },
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5, 7],
      holidays: [{ from: '2026-03-09', to: '2026-03-10' }, '2026-11-02'],
      makeUpWorkdays: ['2026-03-14'],
    }),
  ],
  ['around the clock', () => AROUND_THE_CLOCK],
];

// Instants from Dec 2025 to Feb 2027 (both year ends, both DST changes), with odd seconds now and then.
const instant = fc.integer({ min: Date.parse('2025-12-01T00:00:00Z') / 1000, max: Date.parse('2027-02-01T00:00:00Z') / 1000 }).map((s) => s * 1000);
const minutes = fc.integer({ min: 0, max: 30 * 480 });
const runs = { numRuns: 300 };

describe.each(calendars)('working-time arithmetic properties: %s', (_name, make) => {
  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, a, b) => {
        const calendar = make();
        expect(addWorkingMs(calendar, addWorkingMs(calendar, start, a), b)).toBe(addWorkingMs(calendar, start, a + b));
      }),
      runs,
    );
  });

  it('never lands outside working time (the close of a span counts as inside)', () => {
    fc.assert(
      fc.property(instant, minutes, (start, m) => {
        const calendar = make();
        const result = addWorkingMs(calendar, start, m);
        expect(isWorkingTimeMs(calendar, result) || isWorkingTimeMs(calendar, result - 1)).toBe(true);
      }),
      runs,
    );
  });

  it('the working time between x and x + m is m', () => {
    fc.assert(
      fc.property(instant, minutes, (start, m) => {
        const calendar = make();
        expect(workingMsBetween(calendar, start, addWorkingMs(calendar, start, m))).toBe(m * MINUTE);
      }),
      runs,
    );
  });

  it('is monotonic in the start and in the minutes, and never goes back in time', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (x, y, m1, m2) => {
        const calendar = make();
        const [early, late] = x <= y ? [x, y] : [y, x];
        const [few, many] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMs(calendar, early, few)).toBeLessThanOrEqual(addWorkingMs(calendar, late, few));
        expect(addWorkingMs(calendar, early, few)).toBeLessThanOrEqual(addWorkingMs(calendar, early, many));
        expect(addWorkingMs(calendar, early, few)).toBeGreaterThanOrEqual(early);
      }),
      runs,
    );
  });

  it('working time between instants adds up and does not depend on the order of queries', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const forwards = make();
        const backwards = make();
        const ab = workingMsBetween(forwards, a, b);
        const bc = workingMsBetween(forwards, b, c);
        expect(ab + bc).toBe(workingMsBetween(forwards, a, c));
        expect(workingMsBetween(backwards, c, a) + ab + bc).toBe(0);
      }),
      runs,
    );
  });
});
