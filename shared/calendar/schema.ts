/**
 * The working-calendar document (JSON, stored in resources/calendars/ and pushed by head office):
 * working hours, working weekdays, public holidays and make-up working days (调休).
 */
import { z } from 'zod';
import { isValidTimeZone } from './zone';
import { dateTextOf, dayNumberOf, minuteOfDayOf } from './dates';

export const CURRENT_CALENDAR_FORMAT = 1;
/** A holiday range longer than this is surely a typo in a year. */
const MAX_HOLIDAY_RANGE_DAYS = 31;

const DateTextSchema = z.string().refine((text) => dayNumberOf(text) !== undefined, 'a real date as YYYY-MM-DD');
const TimeTextSchema = z.string().refine((text) => minuteOfDayOf(text) !== undefined, 'a time as HH:MM (00:00–24:00)');
const nameSchema = z.string().trim().min(1).max(80);

const SpanSchema = z
  .strictObject({ start: TimeTextSchema, end: TimeTextSchema })
  .refine((span) => (minuteOfDayOf(span.start) ?? 0) < (minuteOfDayOf(span.end) ?? 0), { message: 'end must be after start', path: ['end'] });

export const HolidaySchema = z.union([
  DateTextSchema,
  z.strictObject({ date: DateTextSchema, name: nameSchema.optional() }),
  z
    .strictObject({ from: DateTextSchema, to: DateTextSchema, name: nameSchema.optional() })
    .refine((range) => range.from <= range.to, { message: '`to` must not be before `from`', path: ['to'] })
    .refine((range) => (dayNumberOf(range.to) ?? 0) - (dayNumberOf(range.from) ?? 0) < MAX_HOLIDAY_RANGE_DAYS, {
      message: `a holiday range is at most ${MAX_HOLIDAY_RANGE_DAYS} days`,
      path: ['to'],
    }),
]);
export type Holiday = z.infer<typeof HolidaySchema>;

export const MakeUpWorkdaySchema = z.union([DateTextSchema, z.strictObject({ date: DateTextSchema, name: nameSchema.optional() })]);
export type MakeUpWorkday = z.infer<typeof MakeUpWorkdaySchema>;

/** The dates a holiday entry covers, as 'YYYY-MM-DD' texts (the entry is already valid). */
export function holidayDates(holiday: Holiday): string[] {
  if (typeof holiday === 'string') return [holiday];
  if ('date' in holiday) return [holiday.date];
  const from = dayNumberOf(holiday.from) ?? 0;
  const to = dayNumberOf(holiday.to) ?? 0;
  return Array.from({ length: to - from + 1 }, (_, i) => dateTextOf(from + i));
}

export function makeUpDate(day: MakeUpWorkday): string {
  return typeof day === 'string' ? day : day.date;
}

export const CalendarDocSchema = z
  .strictObject({
    formatVersion: z.literal(CURRENT_CALENDAR_FORMAT).default(CURRENT_CALENDAR_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'calendar id: lower-case letters, digits, - and _'),
    name: nameSchema,
    description: z.string().max(2000).optional(),
    timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
    /** Working spans of a working day, in order, e.g. 09:00–12:00 and 13:00–18:00. */
    workingHours: z.array(SpanSchema).min(1).max(12),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    workingWeekdays: z.array(z.int().min(1).max(7)).min(1).max(7),
    holidays: z.array(HolidaySchema).max(2000).default([]),
    /** 调休: days that are working days although their weekday is not (usually a Saturday or Sunday). */
    makeUpWorkdays: z.array(MakeUpWorkdaySchema).max(2000).default([]),
    /**
     * How far the holidays and make-up days are known: `through` is the last day covered; from `provisionalFrom`
     * on they are provisional (statutory days only, no 调休 until the State Council notice is imported).
     * Without it a calendar with holidays covers through the end of the latest year it lists (`calendarCoverage`).
     */
    coverage: z
      .strictObject({ through: DateTextSchema, provisionalFrom: DateTextSchema.optional() })
      .refine((c) => c.provisionalFrom === undefined || c.provisionalFrom <= c.through, { message: 'provisionalFrom must not be after through', path: ['provisionalFrom'] })
      .optional(),
  })
  .superRefine((doc, ctx) => {
    doc.workingHours.forEach((span, i) => {
      const previous = doc.workingHours[i - 1];
      if (previous && (minuteOfDayOf(span.start) ?? 0) < (minuteOfDayOf(previous.end) ?? 0)) {
        ctx.addIssue({ code: 'custom', message: 'working spans must be in order and must not overlap', path: ['workingHours', i, 'start'] });
      }
    });
    doc.workingWeekdays.forEach((weekday, i) => {
      if (doc.workingWeekdays.indexOf(weekday) !== i) {
        ctx.addIssue({ code: 'custom', message: `weekday ${weekday} is listed twice`, path: ['workingWeekdays', i] });
      }
    });
    const holidays = new Set(doc.holidays.flatMap(holidayDates));
    const through = doc.coverage?.through;
    if (through !== undefined) {
      doc.holidays.forEach((holiday, i) => {
        if (holidayDates(holiday).some((date) => date > through)) {
          ctx.addIssue({ code: 'custom', message: `a holiday after the covered period (through ${through})`, path: ['holidays', i] });
        }
      });
      doc.makeUpWorkdays.forEach((day, i) => {
        if (makeUpDate(day) > through) ctx.addIssue({ code: 'custom', message: `a make-up day after the covered period (through ${through})`, path: ['makeUpWorkdays', i] });
      });
    }
    doc.makeUpWorkdays.forEach((day, i) => {
      if (holidays.has(makeUpDate(day))) {
        ctx.addIssue({ code: 'custom', message: `${makeUpDate(day)} is both a holiday and a make-up workday`, path: ['makeUpWorkdays', i] });
      }
    });
  });
/** A calendar document as written (input) and as parsed (defaults filled in). */
export type CalendarDocInput = z.input<typeof CalendarDocSchema>;
export type CalendarDoc = z.output<typeof CalendarDocSchema>;

/**
 * One year's holidays to add to a calendar (resources/calendars/cn-<year>.provisional.json, written by
 * scripts/calendar-year.mjs): every date must lie in `year`.
 */
export const YearSupplementSchema = z
  .strictObject({
    year: z.int().min(1970).max(2999),
    /** Statutory days only, before the official notice (no 调休). */
    provisional: z.boolean(),
    source: z.string().max(2000),
    holidays: z.array(HolidaySchema).max(100),
    makeUpWorkdays: z.array(MakeUpWorkdaySchema).max(100),
  })
  .superRefine((supplement, ctx) => {
    const prefix = `${supplement.year}-`;
    supplement.holidays.forEach((holiday, i) => {
      if (!holidayDates(holiday).every((date) => date.startsWith(prefix))) ctx.addIssue({ code: 'custom', message: `not in ${supplement.year}`, path: ['holidays', i] });
    });
    supplement.makeUpWorkdays.forEach((day, i) => {
      if (!makeUpDate(day).startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `not in ${supplement.year}`, path: ['makeUpWorkdays', i] });
    });
  });
export type YearSupplement = z.infer<typeof YearSupplementSchema>;
