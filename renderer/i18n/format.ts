/**
 * Dates and durations as a clerk reads them. Instants are stored as UTC; they are shown in the branch's
 * time zone, in Chinese (zh-CN and zh-TW alike) as `2026-11-23 14:05` — the form the date fields take and the
 * record sheet prints — and in English in the locale's own medium style with a 24-hour clock.
 */
import { isChinese } from '../../shared/api/schemas';
import type { Language } from './language';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let existing = cache.get(key);
  if (!existing) {
    existing = make();
    cache.set(key, existing);
  }
  return existing;
}

function numericParts(epochMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = formatter(`parts|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
  ).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** `2026-11-23 14:05` (Chinese) or `23 Nov 2026, 14:05` style (en); empty for a missing or broken instant. */
export function formatDateTime(iso: string | undefined, language: Language, timeZone: string): string {
  if (!iso) return '';
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return '';
  if (isChinese(language)) {
    const p = numericParts(epochMs, timeZone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  }
  return formatter(`en|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
  ).format(epochMs);
}

/** The branch-local day of an instant: `2026-11-23` (Chinese) or `23 Nov 2026` (en). */
export function formatDay(iso: string | undefined, language: Language, timeZone: string): string {
  if (!iso) return '';
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return '';
  if (isChinese(language)) {
    const p = numericParts(epochMs, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  }
  return formatter(`en-day|${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' })).format(epochMs);
}

/** The branch-local wall time of an instant as a `datetime-local` input value (`2026-11-23T14:05`). */
export function toLocalInputValue(epochMs: number, timeZone: string): string {
  const p = numericParts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Whole days, hours and minutes of a span, for clocks ("2天3小时" / "2 d 3 h"): two units at most. */
export function durationParts(minutes: number): { key: 'd' | 'h' | 'm' | 'dh' | 'hm'; values: Record<string, number> } {
  const total = Math.max(0, Math.round(minutes));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return h > 0 ? { key: 'dh', values: { d, h } } : { key: 'd', values: { count: d } };
  if (h > 0) return m > 0 ? { key: 'hm', values: { h, m } } : { key: 'h', values: { count: h } };
  return { key: 'm', values: { count: m } };
}
