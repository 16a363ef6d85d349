/**
 * Per-complaint items that are always read many at a time — the search docs (every search reads them all) and
 * the KPI facts (a dashboard period reads a few weeks of them) — are kept in one row per UTC hour received
 * instead of a row per complaint. IndexedDB's cost here is per row and per index entry, not per byte: a restore
 * of 100 000 complaints wrote 200 000 such rows, and now writes a few thousand. A step rewrites the one hour's
 * row of its complaint: a handful of items at a branch, a few hundred at head office's busiest hours.
 *
 * Items in an hour are kept in the order the indexes would give them (date received, then id), so a range of
 * hours read in key order yields its items oldest first.
 */
import type { Table } from 'dexie';

/** An hour's bucket: `hour` (the primary key) is the UTC hour the items were received, `2026-11-23T01`. */
export interface HourBucket<T> {
  hour: string;
  items: T[];
}

export interface HourItem {
  id: string;
  receivedAt: string;
}

/** The bucket of an item received at `receivedAt` (an ISO instant, as stored). */
export const hourOf = (receivedAt: string): string => receivedAt.slice(0, 13);

/** Oldest received first, equal instants by id: the order of the indexes over (date received, id). */
export const byReceipt = (a: HourItem, b: HourItem): number =>
  a.receivedAt === b.receivedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.receivedAt < b.receivedAt ? -1 : 1;

/** Sorts items into hour buckets (each hour's items in index order). */
export function groupByHour<T extends HourItem>(items: Iterable<T>): Map<string, T[]> {
  const hours = new Map<string, T[]>();
  for (const item of items) {
    const hour = hourOf(item.receivedAt);
    const list = hours.get(hour);
    if (list) list.push(item);
    else hours.set(hour, [item]);
  }
  for (const list of hours.values()) list.sort(byReceipt);
  return hours;
}

/** The buckets of `items` when none is stored yet (a rebuild, the end of a restore). */
export const toHourBuckets = <T extends HourItem, B>(items: Iterable<T>, build: (hour: string, items: T[]) => B): B[] =>
  [...groupByHour(items)].map(([hour, list]) => build(hour, list));

/**
 * Writes `items` into their hours, replacing the items of the same ids, inside the caller's transaction. An item
 * whose complaint was filed under another hour before (`hourBefore`) leaves that hour's bucket; a bucket left
 * empty is deleted. `build` makes the stored row of an hour from its items (a bucket may carry index fields).
 */
export async function putIntoHours<T extends HourItem, B extends HourBucket<T>>(
  table: Table<B, string>,
  items: readonly T[],
  hourBefore: (id: string) => string | undefined,
  build: (hour: string, items: T[]) => B,
): Promise<void> {
  if (items.length === 0) return;
  const leaving = new Map<string, Set<string>>();
  for (const item of items) {
    const before = hourBefore(item.id);
    if (before === undefined || before === hourOf(item.receivedAt)) continue;
    const ids = leaving.get(before);
    if (ids) ids.add(item.id);
    else leaving.set(before, new Set([item.id]));
  }
  const arriving = groupByHour(items);
  const hours = [...new Set([...arriving.keys(), ...leaving.keys()])];
  const stored = await table.bulkGet(hours);
  const rewritten: B[] = [];
  const emptied: string[] = [];
  for (const [i, hour] of hours.entries()) {
    const incoming = arriving.get(hour) ?? [];
    const replaced = new Set(incoming.map((item) => item.id));
    const gone = leaving.get(hour);
    const kept = (stored[i]?.items ?? []).filter((item) => !replaced.has(item.id) && !gone?.has(item.id));
    const all = [...kept, ...incoming].sort(byReceipt);
    if (all.length > 0) rewritten.push(build(hour, all));
    else if (stored[i]) emptied.push(hour);
  }
  await Promise.all([rewritten.length > 0 ? table.bulkPut(rewritten) : undefined, emptied.length > 0 ? table.bulkDelete(emptied) : undefined]);
}

/** Every bucket's items, hours in order. */
export async function allItems<T>(table: Table<HourBucket<T>, string>): Promise<T[]> {
  return (await table.toArray()).flatMap((bucket) => bucket.items);
}

/** The items received in `[from, to)` (ISO instants), oldest first: one key range of hours, cut at both ends. */
export async function itemsBetween<T extends HourItem>(table: Table<HourBucket<T>, string>, from: string, to: string): Promise<T[]> {
  if (!(from < to)) return [];
  const buckets = await table.where('hour').between(hourOf(from), hourOf(to), true, true).toArray();
  return buckets.flatMap((bucket) => bucket.items).filter((item) => item.receivedAt >= from && item.receivedAt < to);
}
