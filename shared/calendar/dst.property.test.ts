/**
 * Working spans that start or end inside a daylight-saving gap or overlap, checked against the plainest possible
 * model: walk the real minutes one by one, ask Intl what the wall clock in Europe/Berlin shows, and count a minute
 * when that wall time lies inside a working span. Nothing of zone.ts or the calendar's running totals is used by
 * the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingMs, isWorkingTimeMs, workingMsBetween } from './arithmetic';
import { compileCalendar } from './calendar';
import { CalendarDocSchema } from './schema';

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const wall = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

/** Minute-of-day the Berlin wall clock shows at each real minute of a window. */
function wallMinutes(fromIso: string, count: number): { startMs: number; minuteOfDay: Int16Array } {
  const startMs = Date.parse(fromIso);
  const minuteOfDay = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    const [h, m] = wall.format(new Date(startMs + i * MINUTE)).split(':').map(Number);
    minuteOfDay[i] = (h as number) * 60 + (m as number);
  }
  return { startMs, minuteOfDay };
}

// Four days around each change: spring forward Sun 29 Mar 2026 02:00 → 03:00, fall back Sun 25 Oct 2026 03:00 → 02:00.
const WINDOW = 4 * 24 * 60;
const windows = [
  ['spring forward (gap 02:00–03:00)', wallMinutes('2026-03-27T12:00:00.000Z', WINDOW)],
  ['fall back (02:00–03:00 twice)', wallMinutes('2026-10-23T12:00:00.000Z', WINDOW)],
] as const;

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// Span boundaries crowd around the changes (01:00–04:00), on whole, half and odd minutes.
const boundary = fc.oneof(fc.integer({ min: 50, max: 250 }), fc.constantFrom(0, 60, 90, 120, 150, 180, 210, 540, 1440), fc.integer({ min: 0, max: 1440 }));
const spansArb = fc
  .uniqueArray(boundary, { minLength: 2, maxLength: 6 })
  .map((points) => [...points].sort((a, b) => a - b))
  .map((points) => {
    const spans: [number, number][] = [];
    for (let i = 0; i + 1 < points.length; i += 2) spans.push([points[i] as number, points[i + 1] as number]);
    return spans;
  });

const calendarOf = (spans: readonly [number, number][]) =>
  compileCalendar(
    CalendarDocSchema.parse({
      id: 'berlin-nights',
      name: 'Berlin',
      timeZone: ZONE,
      workingHours: spans.map(([start, end]) => ({ start: hhmm(start), end: hhmm(end) })),
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
    }),
  );

const inSpans = (spans: readonly [number, number][], minuteOfDay: number): boolean => spans.some(([start, end]) => minuteOfDay >= start && minuteOfDay < end);

describe.each(windows)('Europe/Berlin, %s: working time equals a minute-by-minute walk', (_label, { startMs, minuteOfDay }) => {
  const index = fc.integer({ min: 0, max: WINDOW - 1 });
  const runs = { numRuns: 250 };

  it('workingMsBetween counts exactly the minutes whose wall time is inside a span', () => {
    fc.assert(
      fc.property(spansArb, index, index, (spans, i, j) => {
        const [a, b] = i <= j ? [i, j] : [j, i];
        let walked = 0;
        for (let k = a; k < b; k++) if (inSpans(spans, minuteOfDay[k] as number)) walked += 1;
        const calendar = calendarOf(spans);
        expect(workingMsBetween(calendar, startMs + a * MINUTE, startMs + b * MINUTE)).toBe(walked * MINUTE);
      }),
      runs,
    );
  });

  it('isWorkingTime agrees with the wall clock at every minute', () => {
    fc.assert(
      fc.property(spansArb, index, (spans, i) => {
        expect(isWorkingTimeMs(calendarOf(spans), startMs + i * MINUTE)).toBe(inSpans(spans, minuteOfDay[i] as number));
      }),
      runs,
    );
  });

  it('adding m working minutes ends where the walk has counted m of them', () => {
    fc.assert(
      fc.property(spansArb, index, fc.integer({ min: 1, max: 600 }), (spans, i, m) => {
        let counted = 0;
        let k = i;
        for (; k < WINDOW && counted < m; k++) if (inSpans(spans, minuteOfDay[k] as number)) counted += 1;
        fc.pre(counted === m); // the walk must reach m inside the window
        expect(addWorkingMs(calendarOf(spans), startMs + i * MINUTE, m)).toBe(startMs + k * MINUTE);
      }),
      runs,
    );
  });
});

describe('Europe/Berlin spans at the changes, worked by hand', () => {
  const between = (spans: [number, number][], from: string, to: string) => workingMsBetween(calendarOf(spans), Date.parse(from), Date.parse(to)) / MINUTE;

  it.each([
    // 29 Mar: 01:00 CET = 00:00Z, the jump at 01:00Z (02:00 CET → 03:00 CEST).
    ['spring: a span ending in the gap stops at the jump', [[60, 150]], '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z', 60],
    ['spring: a span starting in the gap starts at the jump', [[150, 300]], '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z', 120],
    ['spring: a span inside the gap has no time', [[125, 175]], '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z', 0],
    // 25 Oct: 02:00–03:00 happens twice (CEST then CET), the change at 01:00Z.
    ['autumn: a span ending in the overlap counts both passes up to its end', [[60, 150]], '2026-10-24T21:00:00Z', '2026-10-25T23:00:00Z', 120],
    ['autumn: a span starting in the overlap counts both passes from its start', [[150, 300]], '2026-10-24T21:00:00Z', '2026-10-25T23:00:00Z', 180],
    ['autumn: a span covering the overlap is an hour longer', [[60, 240]], '2026-10-24T21:00:00Z', '2026-10-25T23:00:00Z', 240],
  ] as [string, [number, number][], string, string, number][])('%s', (_label, spans, from, to, minutes) => {
    expect(between(spans, from, to)).toBe(minutes);
  });
});
