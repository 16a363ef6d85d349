/**
 * Repeat complaints by customer (SPEC §8, issue 13 item 5): a complaint counts as a repeat when the same
 * customer complained before, at this branch or any other. Head office does not hold phone numbers when the
 * policy masks them, only keyed hashes (shared/sync/personalData.ts); the same phone gives the same hash at
 * every branch, so comparing those links the complaints as the numbers would. Identifiers sent in full are
 * compared normalised; a hash and a plain value never match (one organisation runs one policy).
 *
 * One rule for head office's KPI table (`GET /api/v1/kpis`, over all complaints at once: `repeatsByCustomer`) and
 * its screens (the renderer's KPI facts, kept up to date complaint by complaint: `isRepeatAmong`): the same keys,
 * the same order ("before" is by date received, then `branch/id`).
 */
import type { Complainant } from '../domain/event-payloads';
import { IDENTIFIERS, normalisedIdentifier } from '../domain/identifiers';

/** What is compared of a complaint. */
export interface CustomerContact {
  readonly branch: string;
  readonly id: string;
  readonly receivedAt: string;
  readonly complainant: Complainant;
}

/** A complaint as the rule compares it: `ref` is `branch/id`, `customerKeys` from `customerKeysOf`. */
export interface KeyedContact {
  readonly ref: string;
  readonly receivedMs: number;
  readonly customerKeys: readonly string[];
}

/** The values that name the complainant, each tagged with its field and form. */
export function customerKeysOf(complainant: Complainant): string[] {
  const keys = IDENTIFIERS.flatMap((field) => {
    const value = complainant[field];
    return value === undefined ? [] : [`${field}=${normalisedIdentifier(field, value)}`];
  });
  for (const [field, value] of Object.entries(complainant.keyed ?? {})) keys.push(`${field}#${value}`);
  return keys;
}

export const contactRef = (branch: string, id: string): string => `${branch}/${id}`;

/** Which of two complaints came first: by date received; at the same instant, by `branch/id`. */
export function compareContacts(a: KeyedContact, b: KeyedContact): number {
  if (a.receivedMs !== b.receivedMs) return a.receivedMs - b.receivedMs;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/** Whether `contact`'s customer had complained before, among `others` (which may include `contact` itself). */
export function isRepeatAmong(contact: KeyedContact, others: Iterable<KeyedContact>): boolean {
  const keys = new Set(contact.customerKeys);
  if (keys.size === 0) return false;
  for (const other of others) {
    if (compareContacts(other, contact) < 0 && other.customerKeys.some((key) => keys.has(key))) return true;
  }
  return false;
}

/** `ref` of every contact whose customer had complained earlier. */
export function repeatRefs(contacts: Iterable<KeyedContact>): Set<string> {
  const ordered = [...contacts].sort(compareContacts);
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const contact of ordered) {
    if (contact.customerKeys.some((key) => seen.has(key))) repeats.add(contact.ref);
    for (const key of contact.customerKeys) seen.add(key);
  }
  return repeats;
}

/** `branch/id` of every complaint whose customer had complained earlier. */
export function repeatsByCustomer(complaints: Iterable<CustomerContact>): Set<string> {
  return repeatRefs(
    [...complaints].map((complaint) => ({ ref: contactRef(complaint.branch, complaint.id), receivedMs: Date.parse(complaint.receivedAt), customerKeys: customerKeysOf(complaint.complainant) })),
  );
}
