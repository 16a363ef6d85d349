/**
 * Time-zone arithmetic with nothing but Intl, so it runs the same in Node, Electron and the browser.
 * A zone's offset is read from Intl once per (zone, hour) and cached: the clocks of 100 000 complaints
 * touch only a few thousand distinct hours.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone name (e.g. 'Asia/Shanghai'). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const MINUTE_MS = 60_000;
/** Offsets change on whole or half hours in every zone in use, so a half-hour bucket is safe to cache. */
const BUCKET_MS = 30 * MINUTE_MS;
/** No zone changes its offset twice within a day, so a day either side brackets any one transition. */
const DAY_MS = 24 * 60 * MINUTE_MS;
const offsetCaches = new Map<string, Map<number, number>>();

/** Offset of `timeZone` from UTC at the instant `epochMs`, in minutes (Asia/Shanghai: +480). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / BUCKET_MS);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const instant = bucket * BUCKET_MS;
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const offset = Math.round((wallAsUtc - instant) / MINUTE_MS);
  cache.set(bucket, offset);
  return offset;
}

/**
 * The instant at which the zone's wall clock shows `wallAsUtcMs` (a local date-time written as if it were
 * UTC). A wall time that occurs twice (clocks go back) gives the earlier instant; one that does not exist
 * (clocks go forward) is read with the offset from before the jump, so 02:30 in a 02:00→03:00 gap is 03:30,
 * as JavaScript's Date does.
 */
export function localToEpochMs(timeZone: string, wallAsUtcMs: number): number {
  const offsetBefore = offsetMinutesAt(timeZone, wallAsUtcMs - DAY_MS);
  const offsetAfter = offsetMinutesAt(timeZone, wallAsUtcMs + DAY_MS);
  const earlier = wallAsUtcMs - Math.max(offsetBefore, offsetAfter) * MINUTE_MS;
  const later = wallAsUtcMs - Math.min(offsetBefore, offsetAfter) * MINUTE_MS;
  if (offsetMinutesAt(timeZone, earlier) * MINUTE_MS + earlier === wallAsUtcMs) return earlier;
  if (offsetMinutesAt(timeZone, later) * MINUTE_MS + later === wallAsUtcMs) return later;
  return wallAsUtcMs - offsetBefore * MINUTE_MS;
}
