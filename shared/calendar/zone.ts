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
const HOUR_MS = 60 * MINUTE_MS;
const offsetCache = new Map<string, number>();

/** Offset of `timeZone` from UTC at the instant `epochMs`, in minutes (Asia/Shanghai: +480). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  // Offsets change on whole hours or half hours in every zone in use, so the hour bucket is safe to cache.
  const bucket = Math.floor(epochMs / (HOUR_MS / 2));
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(bucket * (HOUR_MS / 2)));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const offset = Math.round((asUtc - bucket * (HOUR_MS / 2)) / MINUTE_MS);
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The UTC instant of a local wall-clock time. For a wall time that does not exist (skipped by a DST jump)
 * the instant just after the gap is returned; for one that occurs twice, the earlier one.
 */
export function localToEpochMs(timeZone: string, localAsUtcMs: number): number {
  const firstGuess = localAsUtcMs - offsetMinutesAt(timeZone, localAsUtcMs) * MINUTE_MS;
  const offsetAtGuess = offsetMinutesAt(timeZone, firstGuess);
  const candidate = localAsUtcMs - offsetAtGuess * MINUTE_MS;
  const offsetAtCandidate = offsetMinutesAt(timeZone, candidate);
  if (offsetAtCandidate === offsetAtGuess) {
    // Ambiguous wall time (clocks went back): prefer the earlier of the two instants.
    const earlier = localAsUtcMs - Math.max(offsetAtGuess, offsetMinutesAt(timeZone, candidate - HOUR_MS)) * MINUTE_MS;
    return offsetMinutesAt(timeZone, earlier) * MINUTE_MS + earlier === localAsUtcMs ? earlier : candidate;
  }
  // Skipped wall time (clocks went forward): the wall time falls in the gap; use the instant after it.
  return localAsUtcMs - Math.min(offsetAtGuess, offsetAtCandidate) * MINUTE_MS;
}
