import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { JOURNALED_THROUGH_KEY } from './counters';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from './db';
import { escalationCandidates } from './escalation-sweep';
import { openDeskDb } from './open';
import { countAll, queryRegisterIds } from './queries';
import { freshName, testDesks, walkIn } from '../../tests/unit/store/desk';
import { toDomainEvent } from './records';

const desk = testDesks();

/** Events as a v1 desk wrote them: produced by today's commands, then stored in a database of the old schema. */
async function v1Fixture(name: string) {
  const source = await desk();
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
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
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

  it('upgrades a v2 database: the per-event journal flags become the watermark; events main never had are not kept', async () => {
    const source = await desk();
    for (let i = 0; i < 3; i += 1) await source.store.register(walkIn());
    const tables = { events: await source.db.events.orderBy('[branch+seq]').toArray(), complaints: await source.db.complaints.toArray(), counters: await source.db.counters.toArray() };
    source.db.close();
    const name = freshName('v2');
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    // As v2 stored them: main had confirmed 1–3 when the desk closed; 4 was still in the outbox, never journaled.
    const third = tables.events[2];
    if (!third) throw new Error('setup');
    const unsent = { ...toDomainEvent(third), id: 'never-journaled', seq: 4, type: 'NoteAdded', v: 1, payload: { text: '旧版本未发送的备注' } };
    await old.table('events').bulkAdd([...tables.events.map((event) => ({ ...toDomainEvent(event), journaled: 1 })), { ...unsent, journaled: 0 }]);
    await old.table('complaints').bulkAdd(tables.complaints);
    await old.table('counters').bulkAdd(tables.counters.filter((counter) => counter.key !== JOURNALED_THROUGH_KEY));
    old.close();

    const upgraded = await desk({ name, main: source.main });
    expect(await upgraded.store.pendingJournalCount()).toBe(1);
    expect(upgraded.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await upgraded.db.counters.get(JOURNALED_THROUGH_KEY)).toEqual({ key: JOURNALED_THROUGH_KEY, last: 3 });
    // Main is the record: the copy is rebuilt from its journal, and the person is told how many events it held.
    expect(await upgraded.store.restoreIfEmpty()).toEqual({ ok: true, value: { restoredEvents: 3, discarded: 4 } });
    expect(await upgraded.store.pendingJournalCount()).toBe(0);
    expect((await upgraded.db.events.orderBy('[branch+seq]').toArray()).map((event) => event.id)).toEqual(tables.events.map((event) => event.id));
  });

  it('upgrades a v3 database: every row gets the escalation column the sweep looks up, nothing else changes', async () => {
    const source = await desk({ now: '2026-11-23T02:00:00.000Z' });
    await source.store.register(walkIn({ receivedAt: '2026-11-23T01:30:00.000Z' }));
    await source.store.register(walkIn({ receivedAt: '2026-11-23T01:40:00.000Z', complainant: { name: '孙丽' } }));
    const tables = { events: await source.db.events.toArray(), complaints: await source.db.complaints.toArray(), counters: await source.db.counters.toArray() };
    source.db.close();
    const name = freshName('v3');
    const old = new Dexie(name);
    old.version(3).stores(SCHEMA_V3);
    await old.table('events').bulkAdd(tables.events);
    // As v3 stored them: the same rows without the column.
    await old.table('complaints').bulkAdd(tables.complaints.map(({ escalationDueAt: _dropped, ...row }) => row));
    await old.table('counters').bulkAdd(tables.counters);
    old.close();

    const db = openDeskDb(name, { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.complaints.orderBy('number').toArray()).toEqual([...tables.complaints].sort((a, b) => (a.number < b.number ? -1 : 1)));
    // T1's 24 h limit runs from registration: both are due a day after, and found by the index alone.
    expect(await escalationCandidates(db, '2026-11-24T02:00:00.000Z')).toHaveLength(2);
    expect(await escalationCandidates(db, '2026-11-23T12:00:00.000Z')).toEqual([]);
    db.close();
  });
  it('upgrades a v4 database: every row gets its routes and the time it entered its tier, found by the board index', async () => {
    const source = await desk({ now: '2026-11-23T02:00:00.000Z' });
    await source.store.register(walkIn({ receivedAt: '2026-11-23T01:30:00.000Z' }));
    const tables = { events: await source.db.events.toArray(), complaints: await source.db.complaints.toArray(), counters: await source.db.counters.toArray() };
    source.db.close();
    const name = freshName('v4');
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old.table('events').bulkAdd(tables.events);
    await old.table('complaints').bulkAdd(tables.complaints.map(({ routes: _routes, tierSince: _since, ...row }) => row));
    await old.table('counters').bulkAdd(tables.counters);
    old.close();

    const db = openDeskDb(name, { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.complaints.toArray()).toEqual(tables.complaints);
    expect(await db.complaints.where('[terminal+tier]').equals([0, 'T1']).count()).toBe(1);
    expect(tables.complaints[0]?.routes).toEqual([]);
    expect(tables.complaints[0]?.tierSince).toBe('2026-11-23T01:30:00.000Z');
    db.close();
  });
});
