/** Working-time calendars: the document format, .ics import and working-time arithmetic. */
export { CalendarDocSchema, YearSupplementSchema, type CalendarDoc, type CalendarDocInput, type Holiday, type MakeUpWorkday, type YearSupplement } from './schema';
export { CALENDAR_WARNING_DAYS, calendarCoverage, daysLeftInCalendar, extendWithYear, type CalendarCoverage } from './coverage';
export { diffCalendars, readNotice, withNotice, withNotices, HolidayNoticeSchema, NOTICE_FORMATS, type DayChange, type DayMark, type HolidayNotice, type NoticeFormat } from './notice';
export { calendarFingerprint } from './fingerprint';
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
