/**
 * Repeat complaints by customer (SPEC §8, issue 13 item 5): a complaint counts as a repeat when the same
 * customer complained before, at this branch or any other. Head office does not hold phone numbers when the
 * policy masks them, only keyed hashes (shared/sync/personalData.ts); the same phone gives the same hash at
 * every branch, so comparing those links the complaints as the numbers would. Identifiers sent in full are
 * compared normalised; a hash and a plain value never match (one organisation runs one policy).
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

/** The values that name the complainant, each tagged with its field and form. */
export function customerKeysOf(complainant: Complainant): string[] {
  const keys = IDENTIFIERS.flatMap((field) => {
    const value = complainant[field];
    return value === undefined ? [] : [`${field}=${normalisedIdentifier(field, value)}`];
  });
  for (const [field, value] of Object.entries(complainant.keyed ?? {})) keys.push(`${field}#${value}`);
  return keys;
}

/** `branch/id` of every complaint whose customer had complained earlier (by receivedAt; ties by branch, id). */
export function repeatsByCustomer(complaints: Iterable<CustomerContact>): Set<string> {
  const ordered = [...complaints].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.branch + a.id < b.branch + b.id ? -1 : 1));
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const complaint of ordered) {
    const keys = customerKeysOf(complaint.complainant);
    if (keys.some((key) => seen.has(key))) repeats.add(`${complaint.branch}/${complaint.id}`);
    for (const key of keys) seen.add(key);
  }
  return repeats;
}
