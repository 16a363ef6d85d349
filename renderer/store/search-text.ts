/**
 * What the register's search box matches. Short identifying fields (number, name, phone, customer number) become
 * lower-cased tokens in a multi-entry index, found by prefix in O(log n); the free text is kept whole for
 * substring search, because Chinese is written without spaces between words. The words of the free text are not
 * tokens too: a word's prefix is a substring of the text that every search reads, and at 100 000 complaints
 * their index entries (up to 60 a row) were most of what a restore wrote.
 */
import type { ComplaintState } from '../../shared/domain/state';

const MAX_TOKEN_LENGTH = 40;

export const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = digitsOf(phone);
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 0))}${digits.slice(-2)}`;
}

function freeText(state: ComplaintState): string[] {
  const { incident, complainant } = state;
  return [
    state.description,
    state.requestText,
    incident.place,
    incident.staffMember,
    incident.department,
    incident.product,
    incident.orderNumber,
    complainant.address,
    complainant.email,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
}

/** Tokens for the `*searchText` index. */
export function searchTokens(state: ComplaintState): string[] {
  const tokens = new Set<string>();
  const add = (token: string | undefined): void => {
    const clean = token?.trim().toLowerCase().slice(0, MAX_TOKEN_LENGTH);
    if (clean) tokens.add(clean);
  };
  const number = state.number.toLowerCase();
  add(number);
  // "20261123-0007" and "0007": staff read the tail of a number off a receipt.
  const [, day, sequence] = number.split('-');
  if (day && sequence) {
    add(`${day}-${sequence}`);
    add(sequence);
  }
  add(state.complainant.name);
  add(state.complainant.customerNumber);
  const phone = digitsOf(state.complainant.phone ?? '');
  if (phone) {
    add(phone);
    add(phone.slice(-4));
  }
  return [...tokens];
}

/** The lower-cased text searched by substring (description, request, incident details, name). */
export function searchDocText(state: ComplaintState): string {
  return [state.complainant.name ?? '', ...freeText(state)].join('\n').toLowerCase();
}

/** How the user's query is compared: lower-cased, trimmed; `digits` is set when it reads as a phone number. */
export function normalizeQuery(raw: string): { text: string; digits?: string } {
  const text = raw.trim().toLowerCase();
  const digits = /^[\d\s()+-]+$/.test(text) ? digitsOf(text) : '';
  return digits && digits !== text ? { text, digits } : { text };
}
