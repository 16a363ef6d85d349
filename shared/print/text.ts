/**
 * Turning values into safe document text: HTML escaping for element content and attributes, CSS string
 * escaping for `content: "…"` in @page margin boxes, and dates in the branch's zone. Every value a person
 * typed reaches a document through one of these functions, never by plain interpolation.
 */
import { isChinese, type Language } from '../api/schemas';
import { offsetMinutesAt } from '../calendar/zone';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * A double-quoted CSS string literal. Everything but letters, digits, space and non-ASCII text is written as a
 * hex escape, so a quote, backslash, newline or `</style>` cannot end the string or the style element.
 */
export function cssString(value: string): string {
  const escaped = Array.from(value, (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (/^[A-Za-z0-9 ]$/.test(char) || (code > 0x9f && code !== 0x2028 && code !== 0x2029)) return char;
    return `\\${code.toString(16)} `;
  }).join('');
  return `"${escaped}"`;
}

/**
 * `2026-11-23 14:05` in the branch's zone, in both languages: a filed sheet and a spreadsheet column sort
 * and read the same everywhere. Empty for a missing or unreadable instant.
 */
export function formatDateTime(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return '';
  // The wall clock written as if it were UTC: its ISO text is the local date and time.
  const wall = new Date(epochMs + offsetMinutesAt(timeZone, epochMs) * 60_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** `2026-11-23`: the date part of `formatDateTime`. */
export function formatDate(iso: string | undefined, timeZone: string): string {
  return formatDateTime(iso, timeZone).slice(0, 10);
}

/** Money in yuan with two decimals: `¥62.50`. */
export function formatAmount(amount: number | undefined, language: Language): string {
  if (amount === undefined) return '';
  const fixed = amount.toFixed(2);
  return isChinese(language) ? `${fixed} 元` : `¥${fixed}`;
}

/** Items joined the way the language lists them. */
export function listText(items: readonly string[], language: Language): string {
  return items.join(isChinese(language) ? '、' : ', ');
}
