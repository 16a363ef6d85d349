/**
 * The KPI facts as the dashboard, the corrective-actions page and head office's repeat links read them: an hour's
 * facts to a row (hour-buckets.ts), indexed by hour, by every customer key of the hour (`*customerKeys`) and by
 * whether any complaint of the hour holds corrective actions (`hasActions`).
 */
import type { Table } from 'dexie';
import type { KpiFacts } from '../../shared/kpi/facts';
import { allItems, itemsBetween, putIntoHours, toHourBuckets } from './hour-buckets';
import type { KpiFactsRow, KpiHour } from './records';

export type KpiHourTable = Table<KpiHour, string>;

export function kpiHour(hour: string, items: KpiFactsRow[]): KpiHour {
  const customerKeys = [...new Set(items.flatMap((fact) => fact.customerKeys))];
  return items.some((fact) => fact.hasActions === 1) ? { hour, items, customerKeys, hasActions: 1 } : { hour, items, customerKeys };
}

export const kpiHoursOf = (facts: Iterable<KpiFactsRow>): KpiHour[] => toHourBuckets(facts, kpiHour);

/** Writes facts into their hours (see putIntoHours), inside the caller's transaction. */
export const putKpiFacts = (table: KpiHourTable, facts: readonly KpiFactsRow[], hourBefore: (id: string) => string | undefined = () => undefined): Promise<void> =>
  putIntoHours(table, facts, hourBefore, kpiHour);

export const allKpiFacts = (table: KpiHourTable): Promise<KpiFactsRow[]> => allItems(table);

/** The KPI facts of complaints received in `[from, to)` (ISO instants), oldest first. */
export const kpiFactsBetween = (table: KpiHourTable, from: string, to: string): Promise<KpiFactsRow[]> => itemsBetween(table, from, to);

/** The facts of the complaints holding corrective actions (any order): the hours marked `hasActions`, cut to those complaints. */
export async function actionHolders(table: KpiHourTable): Promise<KpiFacts[]> {
  const hours = await table.where('hasActions').equals(1).toArray();
  return hours.flatMap((hour) => hour.items.filter((fact) => fact.hasActions === 1));
}

/** The facts holding any of `keys`, by id: the hours holding one, cut to those complaints. */
export async function factsHolding(table: KpiHourTable, keys: ReadonlySet<string>): Promise<Map<string, KpiFactsRow>> {
  if (keys.size === 0) return new Map();
  const hours = await table.where('customerKeys').anyOf([...keys]).distinct().toArray();
  const found = hours.flatMap((hour) => hour.items.filter((fact) => fact.customerKeys.some((key) => keys.has(key))));
  return new Map(found.map((fact) => [fact.id, fact]));
}
