/** The search docs (records.ts), an hour's docs to a row (hour-buckets.ts): every search reads them all. */
import type { Table } from 'dexie';
import { allItems, putIntoHours, toHourBuckets } from './hour-buckets';
import type { SearchDoc, SearchHour } from './records';

export type SearchHourTable = Table<SearchHour, string>;

const searchHour = (hour: string, items: SearchDoc[]): SearchHour => ({ hour, items });

export const searchHoursOf = (docs: Iterable<SearchDoc>): SearchHour[] => toHourBuckets(docs, searchHour);

/** Writes docs into their hours (see putIntoHours), inside the caller's transaction. */
export const putSearchDocs = (table: SearchHourTable, docs: readonly SearchDoc[], hourBefore: (id: string) => string | undefined = () => undefined): Promise<void> =>
  putIntoHours(table, docs, hourBefore, searchHour);

export const allSearchDocs = (table: SearchHourTable): Promise<SearchDoc[]> => allItems(table);
