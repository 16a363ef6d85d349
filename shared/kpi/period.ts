/**
 * The dashboard's period and its comparison, in whole local days of the branch's time zone: this week (Monday
 * to Sunday), month, quarter, year, or a custom range; compared with the period just before or the same period a
 * year earlier. Also the time buckets of its charts: days, weeks or months.
 */
import { z } from 'zod';
import { dateTextOf, dayNumberOf, DAY_MS, isoWeekdayOf } from '../calendar/dates';
import { localToEpochMs } from '../calendar/zone';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const COMPARISONS = ['previous', 'last_year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

const LocalDay = z.iso.date();

/** What the person chose (and the URL keeps). `anchor` is any day of the period; custom uses `from`–`to` (both included). */
export const PeriodChoiceSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  anchor: LocalDay,
  compare: z.enum(COMPARISONS),
  from: LocalDay.optional(),
  to: LocalDay.optional(),
});
export type PeriodChoice = z.infer<typeof PeriodChoiceSchema>;

/** Whole local days `[fromDay, toDay)` (day numbers) and the instants they begin and end at. */
export interface LocalRange {
  readonly fromDay: number;
  readonly toDay: number;
  readonly from: string;
  readonly to: string;
}

export type BucketUnit = 'day' | 'week' | 'month';

export interface Bucket extends LocalRange {
  /** The first local day, `YYYY-MM-DD` (the chart labels it). */
  readonly label: string;
}

/** A custom range longer than this is charted by month instead of by day. */
const DAILY_MAX_DAYS = 62;
/** A custom range may not be longer than this (ten years): a typo must not make a million buckets. */
export const CUSTOM_MAX_DAYS = 3660;

const parts = (day: number) => {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
};
const dayOf = (year: number, month: number, date = 1): number => Date.UTC(year, month, date) / DAY_MS;

export function rangeOf(fromDay: number, toDay: number, timeZone: string): LocalRange {
  const at = (day: number) => new Date(localToEpochMs(timeZone, day * DAY_MS)).toISOString();
  return { fromDay, toDay, from: at(fromDay), to: at(toDay) };
}

/** The same calendar day a year earlier (29 February → 28 February). */
function yearEarlier(day: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear() - 1;
  const month = date.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOf(year, month, Math.min(date.getUTCDate(), lastOfMonth));
}

/** The period's days `[from, to)` around an anchor day. */
function daysOf(kind: Exclude<PeriodKind, 'custom'>, anchor: number): [number, number] {
  const { year, month } = parts(anchor);
  switch (kind) {
    case 'week': {
      const monday = anchor - (isoWeekdayOf(anchor) - 1);
      return [monday, monday + 7];
    }
    case 'month':
      return [dayOf(year, month), dayOf(year, month + 1)];
    case 'quarter': {
      const first = month - (month % 3);
      return [dayOf(year, first), dayOf(year, first + 3)];
    }
    case 'year':
      return [dayOf(year, 0), dayOf(year + 1, 0)];
  }
}

export interface ResolvedPeriod {
  readonly current: LocalRange;
  readonly comparison: LocalRange;
  readonly unit: BucketUnit;
}

/** Refused choices: a custom range without both days, backwards, or longer than ten years. */
export type PeriodProblem = 'custom_range_missing' | 'custom_range_reversed' | 'custom_range_too_long';

export function resolvePeriod(choice: PeriodChoice, timeZone: string): { ok: true; value: ResolvedPeriod } | { ok: false; problem: PeriodProblem } {
  let fromDay: number;
  let toDay: number;
  if (choice.kind === 'custom') {
    const from = choice.from === undefined ? undefined : dayNumberOf(choice.from);
    const to = choice.to === undefined ? undefined : dayNumberOf(choice.to);
    if (from === undefined || to === undefined) return { ok: false, problem: 'custom_range_missing' };
    if (to < from) return { ok: false, problem: 'custom_range_reversed' };
    if (to - from + 1 > CUSTOM_MAX_DAYS) return { ok: false, problem: 'custom_range_too_long' };
    [fromDay, toDay] = [from, to + 1];
  } else {
    const anchor = dayNumberOf(choice.anchor);
    if (anchor === undefined) return { ok: false, problem: 'custom_range_missing' };
    [fromDay, toDay] = daysOf(choice.kind, anchor);
  }
  const comparisonDays = comparisonOf(choice, fromDay, toDay);
  return {
    ok: true,
    value: {
      current: rangeOf(fromDay, toDay, timeZone),
      comparison: rangeOf(comparisonDays[0], comparisonDays[1], timeZone),
      unit: unitOf(choice.kind, toDay - fromDay),
    },
  };
}

function comparisonOf(choice: PeriodChoice, fromDay: number, toDay: number): [number, number] {
  if (choice.compare === 'last_year') {
    // A week compares with the same weekdays 52 weeks earlier; other periods with the same dates.
    if (choice.kind === 'week') return [fromDay - 364, toDay - 364];
    return [yearEarlier(fromDay), yearEarlier(toDay)];
  }
  if (choice.kind === 'custom' || choice.kind === 'week') return [fromDay - (toDay - fromDay), fromDay];
  return daysOf(choice.kind, fromDay - 1);
}

function unitOf(kind: PeriodKind, days: number): BucketUnit {
  switch (kind) {
    case 'week':
    case 'month':
      return 'day';
    case 'quarter':
      return 'week';
    case 'year':
      return 'month';
    case 'custom':
      return days <= DAILY_MAX_DAYS ? 'day' : 'month';
  }
}

/** The chart buckets covering the range, each clipped to it (a quarter's first and last weeks may be short). */
export function bucketsOf(range: LocalRange, unit: BucketUnit, timeZone: string): Bucket[] {
  const buckets: Bucket[] = [];
  let day = range.fromDay;
  while (day < range.toDay) {
    const next = Math.min(range.toDay, nextBucketDay(day, unit));
    buckets.push({ ...rangeOf(day, next, timeZone), label: dateTextOf(day) });
    day = next;
  }
  return buckets;
}

function nextBucketDay(day: number, unit: BucketUnit): number {
  switch (unit) {
    case 'day':
      return day + 1;
    case 'week':
      return day + (8 - isoWeekdayOf(day));
    case 'month': {
      const { year, month } = parts(day);
      return dayOf(year, month + 1);
    }
  }
}

/** The local day (`YYYY-MM-DD`) of an instant in the zone. */
export function localDayOf(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  const day = Math.floor(ms / DAY_MS);
  // The local day is the UTC day or a neighbour; the one whose local start is at or before the instant, latest.
  for (const candidate of [day + 1, day, day - 1]) {
    if (localToEpochMs(timeZone, candidate * DAY_MS) <= ms) return dateTextOf(candidate);
  }
  return dateTextOf(day - 1);
}

/** The default choice: this month, against the month before. */
export function defaultChoice(today: string): PeriodChoice {
  return { kind: 'month', anchor: today, compare: 'previous' };
}
