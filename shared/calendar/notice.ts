/**
 * A year's holiday notice (国务院办公厅关于 <year> 年部分节假日安排的通知): its public holidays and make-up working
 * days (调休), read from JSON or an .ics feed, put in place of that year's days in a calendar, and compared with
 * the calendar day by day before anyone applies it — public feeds contain mistakes, and a make-up working day
 * the notice does not have turns a day off into a deadline.
 */
import { z } from 'zod';
import { ok, parseWith, refuse, type Result } from '../result';
import { docCoverage } from './coverage';
import { dayNumberOf, isoWeekdayOf } from './dates';
import { readIcsDays } from './ics';
import { CalendarDocSchema, HolidaySchema, MakeUpWorkdaySchema, holidayDates, makeUpDate, type CalendarDoc, type Holiday, type MakeUpWorkday } from './schema';

/** A notice may start in the December before its year (e.g. 元旦 from 30 December, or a make-up day on the 28th). */
const earliestDateOf = (year: number): string => `${year - 1}-12-01`;

const listedDates = (days: { holidays: readonly Holiday[]; makeUpWorkdays: readonly MakeUpWorkday[] }): string[] => [
  ...days.holidays.flatMap(holidayDates),
  ...days.makeUpWorkdays.map(makeUpDate),
];

/** The JSON form of a notice (and what main stores): every date in `year`, or in the December before it. */
export const HolidayNoticeSchema = z
  .strictObject({
    year: z.int().min(2000).max(2999),
    /** Where the days come from, e.g. the notice's title and number (国办发明电〔2026〕N号). */
    source: z.string().trim().max(2000).optional(),
    holidays: z.array(HolidaySchema).min(1).max(100),
    makeUpWorkdays: z.array(MakeUpWorkdaySchema).max(100).default([]),
  })
  .superRefine((notice, ctx) => {
    const from = earliestDateOf(notice.year);
    const through = `${notice.year}-12-31`;
    const outside = (date: string) => date < from || date > through;
    notice.holidays.forEach((holiday, i) => {
      if (holidayDates(holiday).some(outside)) ctx.addIssue({ code: 'custom', message: `not in ${notice.year}`, path: ['holidays', i] });
    });
    notice.makeUpWorkdays.forEach((day, i) => {
      if (outside(makeUpDate(day))) ctx.addIssue({ code: 'custom', message: `not in ${notice.year}`, path: ['makeUpWorkdays', i] });
    });
  });
export type HolidayNotice = z.output<typeof HolidayNoticeSchema>;

export const NOTICE_FORMATS = ['ics', 'json'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

function readJsonNotice(text: string): Result<HolidayNotice> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse('invalid_notice', 'The file is not JSON', { path: 'file' });
  }
  return parseWith(HolidayNoticeSchema, json, 'invalid_notice');
}

/** An .ics feed's notice year is the latest year it lists; it must not reach further back than that year's notice can. */
function readIcsNotice(text: string, timeZone: string): Result<HolidayNotice> {
  const days = readIcsDays(text, timeZone);
  if (!days.ok) return days;
  const dates = listedDates(days.value);
  if (days.value.holidays.length === 0) return refuse('notice_empty', 'The file lists no holidays');
  const year = Math.max(...dates.map((date) => Number(date.slice(0, 4))));
  if (dates.some((date) => date < earliestDateOf(year))) {
    const years = [...new Set(dates.map((date) => date.slice(0, 4)))].sort().join(', ');
    return refuse('notice_spans_years', `The file lists days of ${years}; a notice covers one year`, { params: { years } });
  }
  return parseWith(HolidayNoticeSchema, { year, holidays: days.value.holidays, makeUpWorkdays: days.value.makeUpWorkdays }, 'invalid_notice');
}

/** Reads a notice file; `timeZone` (the calendar's) puts an .ics feed's date-times on local days. */
export function readNotice(format: NoticeFormat, text: string, timeZone: string): Result<HolidayNotice> {
  return format === 'json' ? readJsonNotice(text) : readIcsNotice(text, timeZone);
}

/**
 * `doc` with the notice's days in place of its year's (and of any day the notice lists in the December before):
 * the year is no longer provisional, and a year right after the covered period extends it. A notice for a later
 * year would leave one out and is refused (`notice_year_not_next`); `invalid_calendar` if the result is inconsistent.
 */
export function withNotice(doc: CalendarDoc, notice: HolidayNotice): Result<CalendarDoc> {
  const { through, provisionalFrom } = docCoverage(doc);
  if (through !== undefined && notice.year > Number(through.slice(0, 4)) + 1) {
    return refuse('notice_year_not_next', `The calendar covers through ${through}; a notice for ${notice.year} would leave a year out`, {
      path: 'year',
      params: { year: notice.year, through },
    });
  }
  const noticeDates = new Set(listedDates(notice));
  const replaced = (date: string) => date.startsWith(`${notice.year}-`) || noticeDates.has(date);
  const keptHolidays = doc.holidays.flatMap((holiday): Holiday[] => {
    const dates = holidayDates(holiday);
    if (!dates.some(replaced)) return [holiday];
    const name = typeof holiday === 'string' ? undefined : holiday.name;
    return dates.filter((date) => !replaced(date)).map((date) => (name === undefined ? date : { date, name }));
  });
  const keptMakeUps = doc.makeUpWorkdays.filter((day) => !replaced(makeUpDate(day)));
  const yearEnd = `${notice.year}-12-31`;
  const newThrough = through === undefined || through < yearEnd ? yearEnd : through;
  // Provisional years form the calendar's tail: the notice for its first one moves the mark on by a year.
  const nextYearStart = `${notice.year + 1}-01-01`;
  const stillProvisional = provisionalFrom === `${notice.year}-01-01` ? (nextYearStart <= newThrough ? nextYearStart : undefined) : provisionalFrom;
  return parseWith(
    CalendarDocSchema,
    {
      ...doc,
      holidays: [...keptHolidays, ...notice.holidays],
      makeUpWorkdays: [...keptMakeUps, ...notice.makeUpWorkdays],
      coverage: { through: newThrough, ...(stillProvisional === undefined ? {} : { provisionalFrom: stillProvisional }) },
    },
    'invalid_calendar',
  );
}

/** `base` with each notice applied, oldest year first (main's stored imports over the shipped calendar). */
export function withNotices(base: CalendarDoc, notices: readonly HolidayNotice[]): Result<CalendarDoc> {
  let doc = base;
  for (const notice of [...notices].sort((a, b) => a.year - b.year)) {
    const next = withNotice(doc, notice);
    if (!next.ok) return next;
    doc = next.value;
  }
  return ok(doc);
}

export type DayKind = 'holiday' | 'makeUpWorkday' | 'ordinary';
export interface DayMark {
  readonly kind: DayKind;
  readonly name?: string;
}
export type DayChangeKind = 'holiday_added' | 'holiday_removed' | 'workday_added' | 'workday_removed' | 'renamed';

/** One day that a new calendar treats differently from the one in force. */
export interface DayChange {
  readonly date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday: a make-up working day is nearly always a weekend day. */
  readonly weekday: number;
  readonly change: DayChangeKind;
  readonly before: DayMark;
  readonly after: DayMark;
}

function dayMarks(doc: CalendarDoc): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  const mark = (kind: DayKind, name: string | undefined): DayMark => (name === undefined ? { kind } : { kind, name });
  for (const holiday of doc.holidays) {
    const name = typeof holiday === 'string' ? undefined : holiday.name;
    for (const date of holidayDates(holiday)) marks.set(date, mark('holiday', name));
  }
  for (const day of doc.makeUpWorkdays) marks.set(makeUpDate(day), mark('makeUpWorkday', typeof day === 'string' ? undefined : day.name));
  return marks;
}

const ORDINARY: DayMark = { kind: 'ordinary' };

function changeOf(before: DayMark, after: DayMark): DayChangeKind | undefined {
  if (before.kind === after.kind) return before.name === after.name ? undefined : 'renamed';
  if (after.kind === 'makeUpWorkday') return 'workday_added';
  if (after.kind === 'holiday') return 'holiday_added';
  return before.kind === 'holiday' ? 'holiday_removed' : 'workday_removed';
}

/**
 * Every day whose holiday or make-up status, or name, differs between `before` and `after`, in date order. A
 * day that turns from a holiday into a make-up working day is one `workday_added` (its `before` says what it was).
 */
export function diffCalendars(before: CalendarDoc, after: CalendarDoc): DayChange[] {
  const was = dayMarks(before);
  const now = dayMarks(after);
  const changes: DayChange[] = [];
  for (const date of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const previous = was.get(date) ?? ORDINARY;
    const next = now.get(date) ?? ORDINARY;
    const change = changeOf(previous, next);
    if (change) changes.push({ date, weekday: isoWeekdayOf(dayNumberOf(date) as number), change, before: previous, after: next });
  }
  return changes;
}
