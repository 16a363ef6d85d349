/**
 * Import of iCalendar (.ics) holiday feeds into a calendar document. Each event counts as the whole days it
 * covers: a holiday, or a make-up working day (调休) when its summary says so — Chinese feeds mark those
 * with 班 (e.g. "国庆节 班", "补班") and the days off with 休. Handles line folding, CRLF or LF, escaped text,
 * alarms inside events and multi-day events (DTEND is exclusive, as RFC 5545 says). Recurrence rules (RRULE)
 * are not expanded: holiday feeds list each year's dates explicitly.
 */
import { ok, parseWith, refuse, type Result } from '../result';
import { CalendarDocSchema, holidayDates, makeUpDate, type CalendarDoc, type Holiday, type MakeUpWorkday } from './schema';
import { dateTextOf, dayNumberOf } from './dates';

interface IcsEvent {
  readonly index: number;
  readonly line: number;
  /** Property name → value (parameters such as VALUE=DATE are not needed: the value's shape tells). */
  readonly props: Map<string, string>;
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
    if (colon < 0) return refuse('invalid_ics', `Line ${line} is not "NAME:value"`, { path: `line ${line}`, params: { line } });
    const key = (content.slice(0, colon).split(';')[0] ?? '').toUpperCase();
    const value = content.slice(colon + 1).trim();
    const component = value.toUpperCase();
    if (key === 'BEGIN' && component === 'VEVENT') current = { index: events.length, line, props: new Map() };
    else if (key === 'END' && component === 'VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current && key === 'BEGIN') nested += 1;
    else if (current && key === 'END') nested = Math.max(0, nested - 1);
    else if (current && nested === 0 && !current.props.has(key)) current.props.set(key, value);
  }
  if (current) return refuse('invalid_ics', `The event starting on line ${current.line} has no END:VEVENT`, { path: `events.${current.index}` });
  return ok(events);
}

/** Day number of a DATE (20261001) or the date part of a DATE-TIME (20261001T000000Z). */
function dayOfIcsDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
  return match ? dayNumberOf(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}

/**
 * 班 / 补班 / 调休上班 mark a working day unless the summary also says 休 (other than inside 调休, "shifted
 * rest", which both kinds of entry use); English feeds say "working day".
 */
export function isMakeUpWorkdaySummary(summary: string): boolean {
  const withoutShift = summary.replace(/调休/g, '');
  if (/班/.test(withoutShift)) return !/休/.test(withoutShift);
  return /\b(make-?up (work)?day|working day|workday)\b/i.test(summary);
}

interface ImportedDays {
  readonly holidays: Holiday[];
  readonly makeUpWorkdays: MakeUpWorkday[];
}

function classify(events: IcsEvent[]): Result<ImportedDays> {
  const holidays: Holiday[] = [];
  const makeUpWorkdays: MakeUpWorkday[] = [];
  for (const event of events) {
    const start = event.props.get('DTSTART');
    if (!start) return refuse('invalid_ics', `Event ${event.index} (line ${event.line}) has no DTSTART`, { path: `events.${event.index}.DTSTART` });
    const from = dayOfIcsDate(start);
    if (from === undefined) return refuse('invalid_ics', `Event ${event.index}: DTSTART "${start}" is not a date`, { path: `events.${event.index}.DTSTART` });
    const end = event.props.get('DTEND');
    const endDay = end ? dayOfIcsDate(end) : from + 1;
    if (endDay === undefined || endDay < from) {
      return refuse('invalid_ics', `Event ${event.index}: DTEND "${end}" is not a date after DTSTART`, { path: `events.${event.index}.DTEND` });
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

/**
 * Add the holidays and make-up working days of an .ics feed to `base` (which supplies the id, zone and
 * working hours). Days already in `base` are not repeated. Refused with code 'invalid_ics' and a path such as
 * `events.3.DTSTART`, or 'invalid_calendar' when the result is not a valid calendar (e.g. a day that is
 * both a holiday and a make-up day).
 */
export function importIcs(text: string, base: CalendarDoc): Result<CalendarDoc> {
  const events = readEvents(text);
  if (!events.ok) return events;
  const imported = classify(events.value);
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
