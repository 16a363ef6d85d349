/**
 * Import of iCalendar (.ics) holiday feeds into a calendar document. Each event counts as the whole days it
 * covers: a holiday, or a make-up working day (调休) when its summary says so — Chinese feeds mark those
 * with 班 (e.g. "国庆节 班", "补班") and the days off with 休. Handles line folding, CRLF or LF, escaped text,
 * alarms inside events and multi-day events (DTEND is exclusive, as RFC 5545 says). Date-times are put on the
 * calendar's local day: UTC ones (`…Z`) and those with a TZID are converted to the calendar's zone first
 * (`DTSTART:20261001T160000Z` is 2 October in Shanghai); floating ones are already local. Recurrence rules
 * (RRULE) are not expanded: holiday feeds list each year's dates explicitly.
 */
import { ok, parseWith, refuse, type Result } from '../result';
import { CalendarDocSchema, holidayDates, makeUpDate, type CalendarDoc, type Holiday, type MakeUpWorkday } from './schema';
import { DAY_MS, MINUTE_MS, dateTextOf, dayNumberOf } from './dates';
import { isValidTimeZone, localToEpochMs, offsetMinutesAt } from './zone';

interface IcsEvent {
  readonly index: number;
  readonly line: number;
  /** Property name → value (VALUE=DATE is not needed: the value's shape tells). */
  readonly props: Map<string, string>;
  /** Property name → its TZID parameter, for date-times given in a named zone. */
  readonly zones: Map<string, string>;
}

/** The TZID parameter of a content line's name part (`DTSTART;TZID="Asia/Shanghai";VALUE=DATE-TIME`). */
function tzidOf(nameAndParams: string): string | undefined {
  for (const param of nameAndParams.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq > 0 && param.slice(0, eq).trim().toUpperCase() === 'TZID') {
      // RFC 5545 allows a leading "/" for globally unique ids; quotes are allowed around a parameter value.
      return param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').replace(/^\//, '');
    }
  }
  return undefined;
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = lines[lines.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') lines.push({ text: raw, line: i + 1 });
  });
  return lines;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? ' ' : ch)).trim();
}

function readEvents(text: string): Result<IcsEvent[]> {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  if (lines[0]?.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return refuse('invalid_ics', 'Not an iCalendar file (it must start with BEGIN:VCALENDAR)', { path: 'line 1' });
  }
  const events: IcsEvent[] = [];
  let current: IcsEvent | undefined;
  // Components inside an event (VALARM) have their own SUMMARY etc., which must not be taken for the event's.
  let nested = 0;
  for (const { text: content, line } of lines) {
    const colon = content.indexOf(':');
    if (colon < 0) return refuse('invalid_ics', `Line ${line} is not "NAME:value"`, { path: `line ${line}` });
    const nameAndParams = content.slice(0, colon);
    const key = (nameAndParams.split(';')[0] ?? '').toUpperCase();
    const value = content.slice(colon + 1).trim();
    const component = value.toUpperCase();
    if (key === 'BEGIN' && component === 'VEVENT') current = { index: events.length, line, props: new Map(), zones: new Map() };
    else if (key === 'END' && component === 'VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current && key === 'BEGIN') nested += 1;
    else if (current && key === 'END') nested = Math.max(0, nested - 1);
    else if (current && nested === 0 && !current.props.has(key)) {
      current.props.set(key, value);
      const tzid = tzidOf(nameAndParams);
      if (tzid !== undefined) current.zones.set(key, tzid);
    }
  }
  if (current) return refuse('invalid_ics', `The event starting on line ${current.line} has no END:VEVENT`, { path: `events.${current.index}` });
  return ok(events);
}

/** A DTSTART / DTEND value: a whole date, or an instant (UTC, in a named zone, or floating local time). */
type IcsTime = { readonly kind: 'date'; readonly day: number } | { readonly kind: 'instant'; readonly epochMs: number };

/**
 * Read a DATE (20261001) or DATE-TIME (20261001T160000, …Z) in the calendar's zone `calendarZone`. A UTC or
 * TZID date-time is a real instant; a floating one is the calendar's own local time. Undefined when the value
 * is not a date, or the TZID is not a zone this runtime knows ('unknown_zone').
 */
function readIcsTime(value: string, tzid: string | undefined, calendarZone: string): IcsTime | 'unknown_zone' | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!match) return undefined;
  const day = dayNumberOf(`${match[1]}-${match[2]}-${match[3]}`);
  if (day === undefined) return undefined;
  if (match[4] === undefined) return { kind: 'date', day };
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  // 24:00:00 is not a DATE-TIME; a leap second (60) is read as the next minute's start.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wallAsUtcMs = day * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS + second * 1000;
  if (match[7] === 'Z') return { kind: 'instant', epochMs: wallAsUtcMs };
  const zone = tzid ?? calendarZone;
  if (!isValidTimeZone(zone)) return 'unknown_zone';
  return { kind: 'instant', epochMs: localToEpochMs(zone, wallAsUtcMs) };
}

/** The calendar-local day of an instant. */
const localDayOf = (timeZone: string, epochMs: number): number => Math.floor((epochMs + offsetMinutesAt(timeZone, epochMs) * MINUTE_MS) / DAY_MS);

/**
 * 班 / 补班 / 调休上班 mark a working day unless the summary also says 休 (other than inside 调休, "shifted
 * rest", which both kinds of entry use); English feeds say "working day".
 */
export function isMakeUpWorkdaySummary(summary: string): boolean {
  const withoutShift = summary.replace(/调休/g, '');
  if (/班/.test(withoutShift)) return !/休/.test(withoutShift);
  return /\b(make-?up (work)?day|working day|workday)\b/i.test(summary);
}

export interface ImportedDays {
  readonly holidays: Holiday[];
  readonly makeUpWorkdays: MakeUpWorkday[];
}

function classify(events: IcsEvent[], timeZone: string): Result<ImportedDays> {
  const holidays: Holiday[] = [];
  const makeUpWorkdays: MakeUpWorkday[] = [];
  for (const event of events) {
    const where = (prop: string) => ({ path: `events.${event.index}.${prop}` });
    const start = event.props.get('DTSTART');
    if (!start) return refuse('invalid_ics', `Event ${event.index} (line ${event.line}) has no DTSTART`, where('DTSTART'));
    const startTime = readIcsTime(start, event.zones.get('DTSTART'), timeZone);
    if (startTime === 'unknown_zone') {
      return refuse('invalid_ics', `Event ${event.index}: unknown time zone "${event.zones.get('DTSTART')}"`, where('DTSTART'));
    }
    if (startTime === undefined) return refuse('invalid_ics', `Event ${event.index}: DTSTART "${start}" is not a date`, where('DTSTART'));
    const from = startTime.kind === 'date' ? startTime.day : localDayOf(timeZone, startTime.epochMs);
    const end = event.props.get('DTEND');
    const endTime = end === undefined ? undefined : readIcsTime(end, event.zones.get('DTEND'), timeZone);
    if (endTime === 'unknown_zone') {
      return refuse('invalid_ics', `Event ${event.index}: unknown time zone "${event.zones.get('DTEND')}"`, where('DTEND'));
    }
    if (end !== undefined && endTime === undefined) return refuse('invalid_ics', `Event ${event.index}: DTEND "${end}" is not a date after DTSTART`, where('DTEND'));
    // The day after the last day covered: a DATE end is exclusive (RFC 5545); a date-time end covers its own day
    // unless it falls exactly at local midnight.
    const endDay = endTime === undefined ? from + 1 : endTime.kind === 'date' ? endTime.day : localDayOf(timeZone, endTime.epochMs - 1) + 1;
    const startMs = startTime.kind === 'instant' ? startTime.epochMs : startTime.day * DAY_MS;
    if (endDay < from || (endTime?.kind === 'instant' && startTime.kind === 'instant' && endTime.epochMs < startMs)) {
      return refuse('invalid_ics', `Event ${event.index}: DTEND "${end}" is not a date after DTSTART`, where('DTEND'));
    }
    // DTEND of an all-day event is exclusive; a timed event ending on its start day still covers that day.
    const to = Math.max(from, endDay - 1);
    const summary = unescapeText(event.props.get('SUMMARY') ?? '');
    const name = summary === '' ? undefined : summary.slice(0, 80);
    if (isMakeUpWorkdaySummary(summary)) {
      for (let day = from; day <= to; day++) makeUpWorkdays.push(name ? { date: dateTextOf(day), name } : dateTextOf(day));
    } else if (from === to) holidays.push(name ? { date: dateTextOf(from), name } : dateTextOf(from));
    else holidays.push({ from: dateTextOf(from), to: dateTextOf(to), ...(name ? { name } : {}) });
  }
  return ok({ holidays, makeUpWorkdays });
}

/** The holidays and make-up working days an .ics feed lists, on `timeZone`'s local days, in the feed's order. */
export function readIcsDays(text: string, timeZone: string): Result<ImportedDays> {
  const events = readEvents(text);
  return events.ok ? classify(events.value, timeZone) : events;
}

/**
 * Add the holidays and make-up working days of an .ics feed to `base` (which supplies the id, zone and
 * working hours). Days already in `base` are not repeated. Refused with code 'invalid_ics' and a path such as
 * `events.3.DTSTART`, or 'invalid_calendar' when the result is not a valid calendar (e.g. a day that is
 * both a holiday and a make-up day).
 */
export function importIcs(text: string, base: CalendarDoc): Result<CalendarDoc> {
  const imported = readIcsDays(text, base.timeZone);
  if (!imported.ok) return imported;
  const knownHolidays = new Set(base.holidays.flatMap(holidayDates));
  const knownMakeUps = new Set(base.makeUpWorkdays.map(makeUpDate));
  const holidays = imported.value.holidays.filter((holiday) => holidayDates(holiday).some((date) => !knownHolidays.has(date)));
  const makeUpWorkdays = imported.value.makeUpWorkdays.filter((day) => {
    const fresh = !knownMakeUps.has(makeUpDate(day));
    knownMakeUps.add(makeUpDate(day));
    return fresh;
  });
  return parseWith(
    CalendarDocSchema,
    { ...base, holidays: [...base.holidays, ...holidays], makeUpWorkdays: [...base.makeUpWorkdays, ...makeUpWorkdays] },
    'invalid_calendar',
  );
}
