/**
 * A parsed calendar compiled for arithmetic. Working time is indexed as a running total ("working ms since
 * the anchor day"), so the working time between two instants is one subtraction and adding working time is a
 * binary search — cost does not grow with the length of a clock or how long a complaint has been overdue.
 * Per-day spans and running totals are cached on the calendar and filled lazily, in either direction.
 */
import { parseWith, type Result } from '../result';
import { CalendarDocSchema, holidayDates, makeUpDate, type CalendarDoc } from './schema';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoWeekdayOf, minuteOfDayOf } from './dates';
import { docCoverage, firstUncoveredDay } from './coverage';
import { localToEpochMs, offsetMinutesAt } from './zone';

/** More than this many days without working time means the calendar can never finish a clock. */
const MAX_SEARCH_DAYS = 366 * 200;

export interface WorkingCalendar {
  readonly doc: CalendarDoc;
  readonly id: string;
  readonly timeZone: string;
  /** Every minute is working time: arithmetic is plain time arithmetic. */
  readonly continuous: boolean;
  /** Length of a working day (the sum of the working spans), used for "N working days". */
  readonly minutesPerWorkingDay: number;
  /**
   * The first instant whose day the calendar does not know (after its last covered day, `calendarCoverage`), or
   * Infinity for a calendar that never runs out. Arithmetic past it counts ordinary weeks; clocks mark it.
   */
  readonly coveredUntilMs: number;
  /** Local day number (days since 1970-01-01 in the calendar's zone) of an instant. */
  dayOf(epochMs: number): number;
  isWorkingDay(day: number): boolean;
  /** Working intervals of a local day as flat [start, end, start, end, …] epoch ms, in order. */
  spansOf(day: number): readonly number[];
  /** Running total of working ms up to the instant; only differences are meaningful. */
  workingMsBefore(epochMs: number): number;
  /** Earliest instant on or after `fromDay` whose running total reaches `target` (never inside a gap). */
  instantAtWorkingMs(target: number, fromDay: number): number;
}

const NO_SPANS: readonly number[] = [];
const HOUR_MS = 60 * MINUTE_MS;
const HALF_HOUR_MS = 30 * MINUTE_MS;

/**
 * The real instants of local day `day` at which the wall clock shows a time inside one of the spans, as flat
 * [start, end, …] epoch ms in order. On an ordinary day that is each span's start and end. On a day the clocks
 * change it is exact: a span reaching into a gap (clocks go forward) ends — or starts — at the jump, and a span
 * reaching into an overlap (clocks go back) counts every minute the wall clock shows inside it, both times round.
 */
function workingIntervalsOf(timeZone: string, day: number, spanMinutes: readonly (readonly [number, number])[]): readonly number[] {
  const dayMs = day * DAY_MS;
  // Offsets lie within −12 h … +14 h, so this window holds every instant of the local day.
  const windowStart = dayMs - 14 * HOUR_MS;
  const windowEnd = dayMs + DAY_MS + 12 * HOUR_MS;
  const before = offsetMinutesAt(timeZone, windowStart);
  const after = offsetMinutesAt(timeZone, windowEnd);
  const intervals: [number, number][] = [];
  if (before === after) {
    // No change of offset around this day (zones never change twice within two days).
    for (const [start, end] of spanMinutes) intervals.push([dayMs + (start - before) * MINUTE_MS, dayMs + (end - before) * MINUTE_MS]);
  } else {
    // The change falls on a half hour: the first half hour of the window already at the new offset.
    let low = Math.floor(windowStart / HALF_HOUR_MS);
    let high = Math.ceil(windowEnd / HALF_HOUR_MS);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (offsetMinutesAt(timeZone, middle * HALF_HOUR_MS) === after) high = middle;
      else low = middle + 1;
    }
    const changeMs = low * HALF_HOUR_MS;
    for (const [start, end] of spanMinutes) {
      // Before the change the wall clock reads t + before, from it on t + after.
      const early: [number, number] = [dayMs + (start - before) * MINUTE_MS, Math.min(dayMs + (end - before) * MINUTE_MS, changeMs)];
      const late: [number, number] = [Math.max(dayMs + (start - after) * MINUTE_MS, changeMs), dayMs + (end - after) * MINUTE_MS];
      if (early[1] > early[0]) intervals.push(early);
      if (late[1] > late[0]) intervals.push(late);
    }
    intervals.sort((a, b) => a[0] - b[0]);
  }
  if (intervals.length === 0) return NO_SPANS;
  const flat: number[] = [];
  for (const [start, end] of intervals) {
    // Touching intervals (a span split by the change, or two spans meeting at it) become one.
    if (flat.length > 0 && flat[flat.length - 1] === start) flat[flat.length - 1] = end;
    else flat.push(start, end);
  }
  return flat;
}

export function compileCalendar(doc: CalendarDoc): WorkingCalendar {
  const { timeZone } = doc;
  const spanMinutes = doc.workingHours.map((span) => [minuteOfDayOf(span.start) ?? 0, minuteOfDayOf(span.end) ?? 0] as const);
  const weekdays = new Set(doc.workingWeekdays);
  const holidays = new Set(doc.holidays.flatMap(holidayDates).map((text) => dayNumberOf(text)));
  const makeUpDays = new Set(doc.makeUpWorkdays.map((day) => dayNumberOf(makeUpDate(day))));
  const minutesPerWorkingDay = spanMinutes.reduce((sum, [start, end]) => sum + end - start, 0);
  const continuous = minutesPerWorkingDay === 24 * 60 && weekdays.size === 7 && holidays.size === 0;
  const uncovered = firstUncoveredDay(docCoverage(doc));
  const coveredUntilMs = uncovered === undefined ? Infinity : localToEpochMs(timeZone, uncovered * DAY_MS);

  const dayOf = (epochMs: number): number => Math.floor((epochMs + offsetMinutesAt(timeZone, epochMs) * MINUTE_MS) / DAY_MS);
  const isWorkingDay = (day: number): boolean => makeUpDays.has(day) || (weekdays.has(isoWeekdayOf(day)) && !holidays.has(day));

  const spanCache = new Map<number, readonly number[]>();
  function spansOf(day: number): readonly number[] {
    let spans = spanCache.get(day);
    if (spans) return spans;
    spans = isWorkingDay(day) ? workingIntervalsOf(timeZone, day, spanMinutes) : NO_SPANS;
    spanCache.set(day, spans);
    return spans;
  }

  const dayTotal = (day: number): number => {
    const spans = spansOf(day);
    let total = 0;
    for (let i = 0; i < spans.length; i += 2) total += (spans[i + 1] as number) - (spans[i] as number);
    return total;
  };

  // Running totals at the start of each day: forward[k] for day anchor + k, backward[k] for day anchor - 1 - k.
  // Values never change once computed, so two lookups made at different times can be subtracted.
  let anchor: number | undefined;
  const forward: number[] = [0];
  const backward: number[] = [];
  function totalAtStartOf(day: number): number {
    anchor ??= day;
    if (day >= anchor) {
      while (forward.length <= day - anchor) {
        const k = forward.length;
        forward.push((forward[k - 1] as number) + dayTotal(anchor + k - 1));
      }
      return forward[day - anchor] as number;
    }
    while (backward.length < anchor - day) {
      const k = backward.length;
      backward.push((k === 0 ? 0 : (backward[k - 1] as number)) - dayTotal(anchor - 1 - k));
    }
    return backward[anchor - day - 1] as number;
  }

  function workingMsBefore(epochMs: number): number {
    const day = dayOf(epochMs);
    const spans = spansOf(day);
    let total = totalAtStartOf(day);
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i] as number;
      if (epochMs <= start) break;
      total += Math.min(epochMs, spans[i + 1] as number) - start;
    }
    return total;
  }

  function instantAtWorkingMs(target: number, fromDay: number): number {
    // Gallop forward to a day whose end reaches the target, then binary-search the first such day.
    let low = fromDay;
    let high = fromDay;
    let step = 1;
    while (totalAtStartOf(high + 1) < target) {
      low = high + 1;
      high += step;
      step *= 2;
      if (high - fromDay > MAX_SEARCH_DAYS) throw new Error(`Calendar ${doc.id} has no working time after day ${fromDay}`);
    }
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (totalAtStartOf(middle + 1) >= target) high = middle;
      else low = middle + 1;
    }
    let remaining = target - totalAtStartOf(low);
    const spans = spansOf(low);
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i] as number;
      const length = (spans[i + 1] as number) - start;
      if (remaining <= length) return start + remaining;
      remaining -= length;
    }
    throw new Error(`Calendar ${doc.id}: running total out of step on day ${low}`);
  }

  return {
    doc,
    id: doc.id,
    timeZone,
    continuous,
    minutesPerWorkingDay,
    coveredUntilMs,
    dayOf,
    isWorkingDay,
    spansOf,
    workingMsBefore,
    instantAtWorkingMs,
  };
}

/** Parse an untrusted calendar document; refused with code 'invalid_calendar' and the path of the bad field. */
export function parseCalendar(json: unknown): Result<WorkingCalendar> {
  const parsed = parseWith(CalendarDocSchema, json, 'invalid_calendar');
  return parsed.ok ? { ok: true, value: compileCalendar(parsed.value) } : parsed;
}

/** The around-the-clock calendar: every minute of every day counts. */
export const AROUND_THE_CLOCK: WorkingCalendar = compileCalendar(
  CalendarDocSchema.parse({
    id: 'around-the-clock',
    name: 'Around the clock (24/7)',
    timeZone: 'UTC',
    workingHours: [{ start: '00:00', end: '24:00' }],
    workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
  }),
);
