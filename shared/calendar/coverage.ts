/**
 * How far a working calendar knows its holidays. Past that day the calendar still answers (it counts ordinary
 * weeks), so anything computed beyond it must be marked rather than trusted: clocks carry `beyondCalendar`.
 */
import { ok, parseWith, refuse, type Result } from '../result';
import { dayNumberOf } from './dates';
import { CalendarDocSchema, holidayDates, makeUpDate, type CalendarDoc, type YearSupplement } from './schema';

export interface CalendarCoverage {
  /** Last day (YYYY-MM-DD) whose holidays and make-up days are known; undefined: a plain weekly calendar, never runs out. */
  readonly through: string | undefined;
  /** From this day on the holidays are provisional (statutory days only, no 调休 yet). */
  readonly provisionalFrom: string | undefined;
}

/**
 * The coverage a calendar document declares, or else: through 31 December of the latest year it lists a holiday
 * or make-up day in (a calendar entered for 2026 says nothing about 2027); none when it lists no days at all.
 */
export function docCoverage(doc: CalendarDoc): CalendarCoverage {
  if (doc.coverage) return { through: doc.coverage.through, provisionalFrom: doc.coverage.provisionalFrom };
  let latest: string | undefined;
  for (const date of [...doc.holidays.flatMap(holidayDates), ...doc.makeUpWorkdays.map(makeUpDate)]) if (latest === undefined || date > latest) latest = date;
  return { through: latest === undefined ? undefined : `${latest.slice(0, 4)}-12-31`, provisionalFrom: undefined };
}

/** Where `calendar` ends: `calendarCoverage(CN_CALENDAR).through === '2027-12-31'`. */
export function calendarCoverage(calendar: { readonly doc: CalendarDoc }): CalendarCoverage {
  return docCoverage(calendar.doc);
}

/** Local day number of the day after `through` (the first day not covered), or undefined. */
export function firstUncoveredDay(coverage: CalendarCoverage): number | undefined {
  return coverage.through === undefined ? undefined : (dayNumberOf(coverage.through) as number) + 1;
}

/**
 * `doc` with one more year of holidays. The year must follow the covered period directly, so no year is ever
 * silently left out; refused with 'invalid_calendar' otherwise (or when the result is inconsistent).
 */
export function extendWithYear(doc: CalendarDoc, supplement: YearSupplement): Result<CalendarDoc> {
  const { through, provisionalFrom } = docCoverage(doc);
  if (through !== `${supplement.year - 1}-12-31`) {
    return refuse('invalid_calendar', `Calendar ${doc.id} covers through ${through ?? 'no end'}; it cannot take the holidays of ${supplement.year}`, {
 path: 'year' });
  }
  const coverage = {
    through: `${supplement.year}-12-31`,
    ...(provisionalFrom !== undefined ? { provisionalFrom } : supplement.provisional ? { provisionalFrom: `${supplement.year}-01-01` } : {}),
  };
  const merged = { ...doc, holidays: [...doc.holidays, ...supplement.holidays], makeUpWorkdays: [...doc.makeUpWorkdays, ...supplement.makeUpWorkdays], coverage };
  const parsed = parseWith(CalendarDocSchema, merged, 'invalid_calendar');
  return parsed.ok ? ok(parsed.value) : parsed;
}

/** Admins are warned this many days before the calendar in force runs out (issue 8). */
export const CALENDAR_WARNING_DAYS = 30;

/**
 * Days from local day number `today` to the last covered day: 0 on the last day, negative once the calendar has
 * run out, undefined for a calendar that never runs out.
 */
export function daysLeftInCalendar(coverage: CalendarCoverage, today: number): number | undefined {
  const uncovered = firstUncoveredDay(coverage);
  return uncovered === undefined ? undefined : uncovered - 1 - today;
}
