/**
 * Complaint numbers `{BRANCH}-{YYYYMMDD}-{NNNN}` (SPEC §1): allocated offline with no coordination between
 * branches, from the branch code, the branch's local date and a per-branch daily sequence kept by the store.
 * A number is never reused, even for a voided record. The sequence is at least four digits and simply grows a
 * fifth past 9999, so the number stays unique; compare numbers with `compareComplaintNumbers`, not as text.
 */
import { BranchCodeSchema, type BranchCode } from '../brand';
import { offsetMinutesAt } from '../calendar/zone';
import { ok, refuse, type Result } from '../result';

export interface ComplaintNumberParts {
  readonly branch: BranchCode;
  /** The branch's local date, `YYYYMMDD`. */
  readonly localDate: string;
  /** 1 for the first complaint of that day. */
  readonly seq: number;
}

const LOCAL_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const NUMBER = /^([A-Z0-9]{2,8})-(\d{8})-(\d{4,})$/;

function isRealDate(localDate: string): boolean {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `formatComplaintNumber('SH01', '20261123', 1)` → `SH01-20261123-0001`. Throws on arguments no caller should pass. */
export function formatComplaintNumber(branch: BranchCode, localDate: string, seq: number): string {
  if (!isRealDate(localDate)) throw new RangeError(`Not a YYYYMMDD date: ${localDate}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Daily sequence must be a whole number from 1: ${seq}`);
  return `${branch}-${localDate}-${String(seq).padStart(4, '0')}`;
}

/** Read a number typed or scanned by a person; refuses with 'invalid_complaint_number'. */
export function parseComplaintNumber(text: string): Result<ComplaintNumberParts> {
  const match = NUMBER.exec(text.trim());
  const bad = () => refuse('invalid_complaint_number', `"${text.slice(0, 40)}" is not a complaint number like SH01-20261123-0001`, { params: { text: text.slice(0, 40) } });
  if (!match) return bad();
  const [, branch, localDate, digits] = match as unknown as [string, string, string, string];
  const seq = Number(digits);
  // A five-digit sequence never has a leading zero: the format only widens past 9999.
  if (!isRealDate(localDate) || seq < 1 || !Number.isSafeInteger(seq) || (digits.length > 4 && digits.startsWith('0'))) return bad();
  return ok({ branch: BranchCodeSchema.parse(branch), localDate, seq });
}

/** Orders numbers by branch, date, then sequence (text order breaks once a day passes 9999). */
export function compareComplaintNumbers(a: ComplaintNumberParts, b: ComplaintNumberParts): number {
  if (a.branch !== b.branch) return a.branch < b.branch ? -1 : 1;
  if (a.localDate !== b.localDate) return a.localDate < b.localDate ? -1 : 1;
  return a.seq - b.seq;
}

/** The calendar date (`YYYYMMDD`) in `timeZone` at `instantIso`: which day's sequence a new complaint takes. */
export function localDateKey(instantIso: string, timeZone: string): string {
  const epochMs = Date.parse(instantIso);
  if (Number.isNaN(epochMs)) throw new RangeError(`Not an ISO instant: ${instantIso}`);
  const local = new Date(epochMs + offsetMinutesAt(timeZone, epochMs) * 60_000);
  return local.toISOString().slice(0, 10).replaceAll('-', '');
}
