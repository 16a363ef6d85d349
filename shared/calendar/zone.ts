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
/**
 * Offsets change on whole or half hours in every zone in use and never twice within six hours, so offsets are
 * cached per six-hour block when both ends of the block agree, and per half hour inside a block with a change.
 */
const HALF_HOUR_MS = 30 * MINUTE_MS;
const BLOCK_MS = 12 * HALF_HOUR_MS;
/** No zone changes its offset twice within a day, so a day either side brackets any one transition. */
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Per zone: block index → offset, or NaN for a block with a change (then see the half-hour cache). */
const blockCaches = new Map<string, Map<number, number>>();
const halfHourCaches = new Map<string, Map<number, number>>();

function cacheFor(caches: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  return cache;
}

/** Offset read from Intl at an instant, in minutes. */
function readOffset(timeZone: string, epochMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / MINUTE_MS);
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in minutes (Asia/Shanghai: +480). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  const blocks = cacheFor(blockCaches, timeZone);
  const block = Math.floor(epochMs / BLOCK_MS);
  let offset = blocks.get(block);
  if (offset === undefined) {
    const atStart = readOffset(timeZone, block * BLOCK_MS);
    offset = atStart === readOffset(timeZone, (block + 1) * BLOCK_MS - 1) ? atStart : Number.NaN;
    blocks.set(block, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const halfHours = cacheFor(halfHourCaches, timeZone);
  const halfHour = Math.floor(epochMs / HALF_HOUR_MS);
  offset = halfHours.get(halfHour);
  if (offset === undefined) {
    offset = readOffset(timeZone, halfHour * HALF_HOUR_MS);
    halfHours.set(halfHour, offset);
  }
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
