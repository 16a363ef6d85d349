import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1 } from './db';
import { openDeskDb } from './open';
import { countAll, queryRegisterIds } from './queries';
import { freshName, openTestDesk, walkIn } from './testing/desk';

/** Events as a v1 desk wrote them: produced by today's commands, then stored in a database of the old schema. */
async function v1Fixture(name: string) {
  const source = openTestDesk();
  await source.store.register(walkIn({ complainant: { name: '赵敏', phone: '13711112222' }, description: '收银员态度恶劣，多收了钱' }));
  await source.store.register(walkIn({ complainant: { name: '钱进' }, category: 'service_attitude', nature: 'people' }));
  const events = await source.db.events.toArray();
  source.db.close();

  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.table('events').bulkAdd(events);
  // v1 rows: no search tokens, no deadline columns.
  await old.table('complaints').bulkAdd(
    events
      .filter((event) => event.type === 'Registered')
      .map((event) => ({
        id: event.complaintId,
        number: event.type === 'Registered' ? event.payload.number : '',
        receivedAt: event.at,
        status: 'registered',
        grade: 4,
        channel: 'walk_in',
        category: 'product_quality',
        assignee: event.actor,
        updatedAt: event.at,
      })),
  );
  await old.table('counters').put({ key: 'SH01:20261123', last: 2 });
  old.close();
  return events;
}

describe('schema migrations', () => {
  it('opens at the current version', async () => {
    const db = openDeskDb(freshName(), { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a v1 database: rows rebuilt from the log with search and deadline columns, nothing lost', async () => {
    const name = freshName('v1');
    const events = await v1Fixture(name);
    const db = openDeskDb(name, { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.events.count()).toBe(events.length);
    const rows = await db.complaints.orderBy('number').toArray();
    expect(rows.map((row) => [row.number, row.customerName, row.category])).toEqual([
      ['SH01-20261123-0001', '赵敏', 'product_quality'],
      ['SH01-20261123-0002', '钱进', 'service_attitude'],
    ]);
    expect(rows[0]?.searchText).toContain('13711112222');
    expect(await db.counters.get('SH01:20261123')).toEqual({ key: 'SH01:20261123', last: 2 });
    expect(await countAll(db)).toBe(2);
    const now = '2026-11-23T03:00:00.000Z';
    expect(await queryRegisterIds(db, { search: '态度恶劣' }, now)).toEqual([rows[0]?.id]);
    expect(await queryRegisterIds(db, { category: ['service_attitude'] }, now)).toEqual([rows[1]?.id]);
    db.close();
  });
});
