/**
 * ISO-8601 instants ⇄ epoch ms on hot paths (the clocks of every complaint on every tick). `Date.parse` is
 * several times slower than reading the fixed `YYYY-MM-DDTHH:MM:SS.sssZ` shape the domain writes, so that
 * shape is read by hand and anything else falls back to `Date.parse`.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days of a common year before each month. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DASH = 45;
const COLON = 58;
const DOT = 46;
const LETTER_T = 84;
const LETTER_Z = 90;
const ZERO = 48;

/** The digit at `i`, or NaN — which then fails every range check in `readCanonical`. */
function digitAt(text: string, i: number): number {
  const value = text.charCodeAt(i) - ZERO;
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

/** Leap days in years 1 … year (proleptic Gregorian). */
const leapDaysThrough = (year: number): number => Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400);
const LEAP_DAYS_BEFORE_1970 = leapDaysThrough(1969);

// Plain arithmetic rather than Date.UTC, which is slower and reads years 0–99 as 1900–1999.
function readCanonical(iso: string): number {
  const separators =
    iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH && iso.charCodeAt(10) === LETTER_T && iso.charCodeAt(13) === COLON && iso.charCodeAt(16) === COLON && iso.charCodeAt(19) === DOT;
  if (!separators) return Number.NaN;
  const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
  const month = digitAt(iso, 5) * 10 + digitAt(iso, 6);
  const day = digitAt(iso, 8) * 10 + digitAt(iso, 9);
  const hour = digitAt(iso, 11) * 10 + digitAt(iso, 12);
  const minute = digitAt(iso, 14) * 10 + digitAt(iso, 15);
  const second = digitAt(iso, 17) * 10 + digitAt(iso, 18);
  const ms = digitAt(iso, 20) * 100 + digitAt(iso, 21) * 10 + digitAt(iso, 22);
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = (DAYS_IN_MONTH[month - 1] as number) + (leapYear && month === 2 ? 1 : 0);
  // Written so that NaN (a non-digit) fails too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= monthDays && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)) return Number.NaN;
  const days =
    (year - 1970) * 365 + leapDaysThrough(year - 1) - LEAP_DAYS_BEFORE_1970 + (DAYS_BEFORE_MONTH[month - 1] as number) + (leapYear && month > 2 ? 1 : 0) + day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Epoch ms of an ISO instant; NaN when it is not one. */
export function instantMs(iso: string): number {
  return iso.length === 24 && iso.charCodeAt(23) === LETTER_Z ? readCanonical(iso) : Date.parse(iso);
}

const DAY_MS = 86_400_000;
const tens = (n: number): number => ZERO + Math.floor(n / 10);
const units = (n: number): number => ZERO + (n % 10);

/** 'YYYY-MM-DDT' per day number: formatting is then a few table lookups instead of `toISOString`. */
const datePrefixes = new Map<number, string>();
// Outside years 0000–9999 toISOString writes a six-digit signed year; leave those to it.
const FIRST_DAY = Date.parse('0000-01-01T00:00:00.000Z') / DAY_MS;
const LAST_DAY = Date.parse('9999-12-31T00:00:00.000Z') / DAY_MS;

/** The ISO text (`2026-11-23T01:00:00.000Z`) of epoch ms; the same as `toISOString`, several times faster. */
export function isoOf(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  if (!Number.isInteger(epochMs) || day < FIRST_DAY || day > LAST_DAY) return new Date(epochMs).toISOString();
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  let rest = epochMs - day * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const ms = rest - second * 1000;
  // The time of day as character codes: one flat string instead of a chain of concatenations to flatten later.
  const time = String.fromCharCode(
    tens(hour), units(hour), COLON, tens(minute), units(minute), COLON, tens(second), units(second), DOT,
    ZERO + Math.floor(ms / 100), tens(ms % 100), units(ms), LETTER_Z,
  );
  return prefix + time;
}
