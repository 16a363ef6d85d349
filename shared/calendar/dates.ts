/**
 * Local calendar dates as whole day numbers (days since 1970-01-01), so that holiday lookups and day
 * stepping are integer arithmetic rather than string or Date juggling.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date, or undefined when it is not a real date (e.g. '2026-02-30'). */
export function dayNumberOf(dateText: string): number | undefined {
  const match = DATE_TEXT.exec(dateText);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateTextOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Minutes after midnight of 'HH:MM' ('24:00' allowed as the end of the day), or undefined. */
export function minuteOfDayOf(timeText: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(timeText);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}
