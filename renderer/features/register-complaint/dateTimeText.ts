/**
 * Date-times typed as text, `2026-11-23 14:05`, in the branch's time zone: one Tab stop per field (Chromium's
 * `datetime-local` has seven sub-fields), the format the app shows everywhere in zh-CN, and forgiving of what a
 * clerk's keyboard produces — full-width digits and colons from a Chinese IME, `/` or `.` between the date's
 * parts, single-digit months, days and hours, a `T` (older drafts), 年月日 / 时分, or only `14:05` for today.
 */
import { localToEpochMs } from '../../../shared/calendar/zone';

/** The shape the form shows and the hint names. */
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The branch-local wall clock at an instant, as numbers. */
function wallParts(epochMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** `2026-11-23 14:05`: the branch-local wall time of an instant, as the field shows it. */
export function formatDateTimeText(epochMs: number, timeZone: string): string {
  const p = wallParts(epochMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:[T\s]\s*)?(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*分?$/;
const TIME_ONLY = /^(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*分?$/;

/**
 * The instant (ISO) a typed date-time stands for in `timeZone`, or undefined when it is not one (unreadable,
 * or a day that does not exist such as 2026-02-30, or 24:00). `nowMs` gives the date of a time typed alone.
 */
export function parseDateTimeText(text: string, timeZone: string, nowMs: number = Date.now()): string | undefined {
  const value = text.normalize('NFKC').trim();
  let year: number, month: number, day: number, hour: number, minute: number;
  const full = FULL.exec(value);
  const timeOnly = full ? null : TIME_ONLY.exec(value);
  if (full) {
    [year, month, day, hour, minute] = full.slice(1).map(Number) as [number, number, number, number, number];
  } else if (timeOnly) {
    ({ year, month, day } = wallParts(nowMs, timeZone));
    [hour, minute] = timeOnly.slice(1).map(Number) as [number, number];
  } else {
    return undefined;
  }
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(wall);
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) return undefined;
  return new Date(localToEpochMs(timeZone, wall)).toISOString();
}
