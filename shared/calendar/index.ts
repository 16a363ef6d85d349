/** Working-time calendars: the document format, .ics import and working-time arithmetic. */
export { CalendarDocSchema, YearSupplementSchema, type CalendarDoc, type CalendarDocInput, type Holiday, type MakeUpWorkday, type YearSupplement } from './schema';
export { calendarCoverage, extendWithYear, type CalendarCoverage } from './coverage';
export { AROUND_THE_CLOCK, compileCalendar, parseCalendar, type WorkingCalendar } from './calendar';
export { importIcs } from './ics';
export { CN_2026_CALENDAR, CN_CALENDAR } from './defaults';
export {
  addWorkingDays,
  addWorkingMinutes,
  addWorkingMs,
  isWorkingTime,
  isWorkingTimeMs,
  workingMinutesBetween,
  workingMsBetween,
} from './arithmetic';
