/**
 * A short fingerprint of a calendar document (FNV-1a over its JSON): a window's copy remembers the calendar its
 * deadline columns were computed with and recomputes them when the calendar in force is another one.
 */
import type { CalendarDoc } from './schema';

export function calendarFingerprint(doc: CalendarDoc): string {
  const text = JSON.stringify(doc);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${doc.id}:${text.length.toString(36)}:${hash.toString(36)}`;
}
