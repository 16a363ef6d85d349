import 'fake-indexeddb/auto';
import { Dexie, type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { freshName } from '../../tests/unit/store/desk';
import { allItems, hourOf, itemsBetween, putIntoHours, type HourBucket } from './hour-buckets';

interface Item {
  id: string;
  receivedAt: string;
  text: string;
}

class HoursDb extends Dexie {
  hours!: Table<HourBucket<Item>, string>;
  constructor() {
    super(freshName('hours'));
    this.version(1).stores({ hours: 'hour' });
  }
}

const bucket = (hour: string, items: Item[]): HourBucket<Item> => ({ hour, items });
const item = (id: string, receivedAt: string, text = id): Item => ({ id, receivedAt, text });

describe('hour buckets', () => {
  let db: HoursDb;
  afterEach(() => db.close());
  const put = (items: Item[], before: Record<string, string> = {}) => db.transaction('rw', db.hours, () => putIntoHours(db.hours, items, (id) => before[id], bucket));

  it('files items under their UTC hour, oldest first within the hour, and reads a range cut at both ends', async () => {
    db = new HoursDb();
    await put([item('b', '2026-11-23T01:40:00.000Z'), item('a', '2026-11-23T01:40:00.000Z'), item('c', '2026-11-23T01:05:00.000Z'), item('d', '2026-11-23T03:00:00.000Z')]);
    expect(await db.hours.orderBy('hour').primaryKeys()).toEqual(['2026-11-23T01', '2026-11-23T03']);
    // Same instant: by id, as IndexedDB orders equal keys.
    expect((await allItems(db.hours)).map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
    expect((await itemsBetween(db.hours, '2026-11-23T01:10:00.000Z', '2026-11-23T03:00:00.000Z')).map((x) => x.id)).toEqual(['a', 'b']);
    expect((await itemsBetween(db.hours, '2026-11-23T01:05:00.000Z', '2026-11-23T03:00:00.001Z')).map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(await itemsBetween(db.hours, '2026-11-23T03:00:00.000Z', '2026-11-23T03:00:00.000Z')).toEqual([]);
  });

  it('replaces an item in place, moves one whose date received changed, and deletes an hour left empty', async () => {
    db = new HoursDb();
    await put([item('a', '2026-11-23T01:10:00.000Z'), item('b', '2026-11-23T01:20:00.000Z')]);
    await put([item('a', '2026-11-23T01:10:00.000Z', 'changed')], { a: '2026-11-23T01' });
    expect((await allItems(db.hours)).map((x) => [x.id, x.text])).toEqual([
      ['a', 'changed'],
      ['b', 'b'],
    ]);
    // b's date received was corrected to the day before: it leaves 01 h, and a then leaves it too.
    await put([item('b', '2026-11-22T09:00:00.000Z')], { b: '2026-11-23T01' });
    await put([item('a', '2026-11-22T08:00:00.000Z')], { a: '2026-11-23T01' });
    expect(await db.hours.orderBy('hour').primaryKeys()).toEqual(['2026-11-22T08', '2026-11-22T09']);
    expect(await allItems(db.hours)).toEqual([item('a', '2026-11-22T08:00:00.000Z'), item('b', '2026-11-22T09:00:00.000Z')]);
  });

  it('names the hour of an instant as stored', () => {
    expect(hourOf('2026-12-31T23:59:59.999Z')).toBe('2026-12-31T23');
  });
});
