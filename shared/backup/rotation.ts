/**
 * Which backups to keep (grandfather-father-son): the newest backup of each of the last `daily` days, of each of
 * the last `weekly` ISO weeks and of each of the last `monthly` months that have a backup, days counted in the
 * branch's time zone. The newest backup is always kept. Everything else may be deleted.
 */
import { dateTextOf, dayNumberOf, isoWeekdayOf } from '../calendar/dates';
import { localDateKey } from '../domain/numbering';

export interface RotationKeep {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export interface StoredBackup {
  readonly name: string;
  /** ISO instant the backup was taken. */
  readonly createdAt: string;
}

type Bucket = (localDay: string) => string;

/** `YYYY-MM-DD` of the day. */
const byDay: Bucket = (day) => day;
/** The Monday that starts the day's ISO week. */
const byWeek: Bucket = (day) => {
  const number = dayNumberOf(day) ?? 0;
  return dateTextOf(number - (isoWeekdayOf(number) - 1));
};
const byMonth: Bucket = (day) => day.slice(0, 7);

/** The names of the backups to keep; the others can go. */
export function backupsToKeep(backups: readonly StoredBackup[], keep: RotationKeep, timeZone: string): Set<string> {
  // Taken in the same instant: the later name (`…-2`) is the later backup.
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const localDays = new Map(newestFirst.map((backup) => [backup.name, dashed(localDateKey(backup.createdAt, timeZone))]));
  const kept = new Set<string>();
  const first = newestFirst[0];
  if (first) kept.add(first.name);
  for (const [bucket, count] of [
    [byDay, keep.daily],
    [byWeek, keep.weekly],
    [byMonth, keep.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = bucket(localDays.get(backup.name) ?? '');
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(backup.name);
    }
  }
  return kept;
}

const dashed = (key: string) => `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
