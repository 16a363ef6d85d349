/**
 * Working-time arithmetic, exact to the millisecond, in the calendar's time zone. Instants are ISO-8601
 * strings at the edges and epoch ms inside (the `…Ms` variants, for hot loops such as the clocks).
 *
 * Invariants (tested as properties):
 * - add(add(x, a), b) = add(x, a + b);
 * - a result is inside working time or exactly at the close of a working span — a deadline that uses up
 *   the last minute before the lunch break is due at 12:00, not at 13:00;
 * - workingMinutesBetween(x, add(x, m)) = m, and add is monotonic in both arguments.
 */
import type { WorkingCalendar } from './calendar';
import { MINUTE_MS } from './dates';
import { instantMs, isoOf } from './instant';

function epochOf(iso: string): number {
  const ms = instantMs(iso);
  // Callers pass instants from parsed records; an unreadable one is a bug, not user input.
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${iso}`);
  return ms;
}

/** The instant itself when it is in working time or at a span's close, otherwise the next opening. */
export function atOrNextWorkingMs(calendar: WorkingCalendar, epochMs: number): number {
  if (calendar.continuous) return epochMs;
  const firstDay = calendar.dayOf(epochMs);
  for (let day = firstDay; day < firstDay + 366 * 200; day++) {
    const spans = calendar.spansOf(day);
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i] as number;
      if (epochMs < start) return start;
      if (epochMs <= (spans[i + 1] as number)) return epochMs;
    }
  }
  throw new Error(`Calendar ${calendar.id} has no working time after ${isoOf(epochMs)}`);
}

/** `minutes` (≥ 0, may be fractional) of working time after `startMs`. */
export function addWorkingMs(calendar: WorkingCalendar, startMs: number, minutes: number): number {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`Working minutes must be ≥ 0, got ${minutes}`);
  const duration = Math.round(minutes * MINUTE_MS);
  if (calendar.continuous) return startMs + duration;
  if (duration === 0) return atOrNextWorkingMs(calendar, startMs);
  return calendar.instantAtWorkingMs(calendar.workingMsBefore(startMs) + duration, calendar.dayOf(startMs));
}

/** Working ms from `aMs` to `bMs`; negative when `bMs` is earlier. */
export function workingMsBetween(calendar: WorkingCalendar, aMs: number, bMs: number): number {
  if (calendar.continuous) return bMs - aMs;
  return calendar.workingMsBefore(bMs) - calendar.workingMsBefore(aMs);
}

export function isWorkingTimeMs(calendar: WorkingCalendar, epochMs: number): boolean {
  if (calendar.continuous) return true;
  const spans = calendar.spansOf(calendar.dayOf(epochMs));
  for (let i = 0; i < spans.length; i += 2) {
    if (epochMs >= (spans[i] as number) && epochMs < (spans[i + 1] as number)) return true;
  }
  return false;
}

/** The instant `minutes` of working time after `startIso`. */
export function addWorkingMinutes(calendar: WorkingCalendar, startIso: string, minutes: number): string {
  return isoOf(addWorkingMs(calendar, epochOf(startIso), minutes));
}

/** Whole working minutes from `aIso` to `bIso` (rounded toward zero; negative when `bIso` is earlier). */
export function workingMinutesBetween(calendar: WorkingCalendar, aIso: string, bIso: string): number {
  return Math.trunc(workingMsBetween(calendar, epochOf(aIso), epochOf(bIso)) / MINUTE_MS) || 0;
}

/** Whether the office is open at the instant (a span's opening counts, its close does not). */
export function isWorkingTime(calendar: WorkingCalendar, iso: string): boolean {
  return isWorkingTimeMs(calendar, epochOf(iso));
}

/**
 * `days` working days after `startIso`: the same point in the working day, that many working days on
 * (a working day is the calendar's daily working time, e.g. 8 h). From outside working time it counts from
 * the next opening, so Friday 20:00 + 2 working days is Tuesday at closing time.
 */
export function addWorkingDays(calendar: WorkingCalendar, startIso: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`);
  return addWorkingMinutes(calendar, startIso, days * calendar.minutesPerWorkingDay);
}
