import 'fake-indexeddb/auto';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { EventIdSchema } from '../../shared/brand';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import type { DomainEvent } from '../../shared/domain/events';
import { foldComplaint } from '../../shared/domain/reducer';
import { COMPLAINT_TOTAL_KEY, JOURNALED_THROUGH_KEY, lastOf } from './counters';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, type DeskDb } from './db';
import { stateSummarizer } from './summarize';
import { escalationCandidates } from './escalation-sweep';
import { highestLocalSeq } from './import-events';
import { EVENTS_PER_BLOCK } from './journal-blocks';
import { allKpiFacts } from './kpi-hours';
import { openDeskDb } from './open';
import { createProjector } from './projection';
import { countAll, loadTimeline, queryRegisterIds } from './queries';
import { StoredEventError, toDomainEvent, type ComplaintRecord, type StoredEvent } from './records';
import { allSearchDocs } from './search-hours';
import { freshName, storedEvents } from '../../tests/unit/store/desk';
import { dexieFixtureVersions, readDexieFixture, rowsOf, writeDexieFixture, type DexieFixture } from '../../tests/unit/store/fixtures';

/** Every schema version's declaration, as the fixtures are written into a database of their own version. */
const SCHEMAS: Readonly<Record<number, Readonly<Record<string, string>>>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4, 5: SCHEMA_V5, 6: SCHEMA_V6, 7: SCHEMA_V7, 8: SCHEMA_V8, 9: SCHEMA_V9, 10: SCHEMA_V10 };
const VERSIONS = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1);
/** Older versions with a fixture: a missing one fails the guard below with its name instead of failing to collect. */
const OLDER = dexieFixtureVersions().filter((version) => version < CURRENT_SCHEMA_VERSION);

const open = (name: string): DeskDb => openDeskDb(name, { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
const project = createProjector(foldComplaint, stateSummarizer(DEFAULT_POLICY_BOOK, AROUND_THE_CLOCK));

/** A database of the fixture's schema version holding its rows, opened (and so upgraded) by today's code. */
async function openFixture(fixture: DexieFixture): Promise<DeskDb> {
  const name = freshName(`v${fixture.schemaVersion}`);
  const stores = SCHEMAS[fixture.schemaVersion];
  if (!stores) throw new Error(`schema v${fixture.schemaVersion} is not declared in SCHEMAS`);
  await writeDexieFixture(name, fixture, stores);
  const db = open(name);
  await db.open();
  return db;
}

/** The fixture's log as stored, in journal order: a row per event before v7, blocks after. */
function fixtureLog(fixture: DexieFixture): StoredEvent[] {
  const blocks = rowsOf(fixture, 'journalBlocks');
  if (blocks.length > 0) return blocks.flatMap((block) => block.events as StoredEvent[]);
  return (rowsOf(fixture, 'events') as StoredEvent[]).sort((a, b) => a.seq - b.seq);
}

const byId = <T extends { id: string }>(list: T[]): T[] => list.sort((a, b) => (a.id < b.id ? -1 : 1));

/** What today's projection makes of the fixture's log, one row and doc per complaint, by complaint id. */
function projectedFrom(fixture: DexieFixture) {
  const byComplaint = new Map<string, { events: DomainEvent[]; blocks: number[] }>();
  for (const [position, event] of fixtureLog(fixture).map(toDomainEvent).entries()) {
    const history = byComplaint.get(event.complaintId) ?? { events: [], blocks: [] };
    history.events.push(event);
    history.blocks = [...new Set([...history.blocks, Math.floor(position / EVENTS_PER_BLOCK)])];
    byComplaint.set(event.complaintId, history);
  }
  const projected = [...byComplaint.values()].map((history) => project(history.events, history.blocks));
  return { records: byId(projected.map((p) => p.record)), docs: byId(projected.map((p) => p.searchDoc)), facts: byId(projected.map((p) => ({ ...p.kpi }))) };
}

/** The stored search docs and KPI facts (a day's to a row), by complaint id. */
const docsOf = async (db: DeskDb) => byId(await allSearchDocs(db.searchHours));
const factsOf = async (db: DeskDb) => byId(await allKpiFacts(db.kpiHours));

const byNumber = (rows: ComplaintRecord[]): ComplaintRecord[] => [...rows].sort((a, b) => (a.number < b.number ? -1 : 1));

/**
 * Read off each fixture by hand (tests/fixtures/dexie/v<N>.json): the log's last seq, how far main had confirmed
 * it (per-event flags before v3, the watermark after), and each complaint's status by number.
 */
const FIXTURE_FACTS: Readonly<Record<number, { held: number; journaledThrough: number; statuses: readonly string[] }>> = {
  1: { held: 8, journaledThrough: 6, statuses: ['investigating', 'registered', 'rejected'] },
  2: { held: 8, journaledThrough: 6, statuses: ['investigating', 'registered', 'rejected'] },
  3: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  4: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  5: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  6: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  7: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  8: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  9: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
  10: { held: 10, journaledThrough: 10, statuses: ['investigating', 'investigating', 'rejected'] },
};

describe('schema fixtures', () => {
  /*
   * When this fails, the Dexie schema was bumped (CURRENT_SCHEMA_VERSION) without the fixtures the upgrade is
   * tested from. Do this, in the same change:
   *   1. Add the new SCHEMA_V<N> to SCHEMAS above and its facts to FIXTURE_FACTS.
   *   2. Leave tests/fixtures/dexie/v<N-1>.json exactly as it is: written while v<N-1> was current, it is what
   *      desks on that version hold now, and the upgrade is tested from it by the tests below.
   *   3. Write tests/fixtures/dexie/v<N>.json by hand: what the new version stores (its log, rows with the new
   *      columns, counters). The test "the current version's fixture is what today's code stores" checks it.
   * Never regenerate an older fixture from today's code: an upgrade tested against what it would write itself
   * proves nothing about the databases already on people's disks.
   */
  it('hold a database of every schema version up to the current one, each declared here', () => {
    expect(Object.keys(SCHEMAS).map(Number), 'SCHEMAS above').toEqual(VERSIONS);
    expect(Object.keys(FIXTURE_FACTS).map(Number), 'FIXTURE_FACTS above').toEqual(VERSIONS);
    expect(dexieFixtureVersions(), 'tests/fixtures/dexie/v<N>.json').toEqual(VERSIONS);
  });
});

describe('schema migrations', () => {
  it('opens at the current version', async () => {
    const db = open(freshName());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
  });

  it('the current version’s fixture is what today’s code stores: it opens as it is, its rows are the projection of its log', async () => {
    const fixture = readDexieFixture(CURRENT_SCHEMA_VERSION);
    const db = await openFixture(fixture);
    const expected = projectedFrom(fixture);
    expect(await db.complaints.orderBy('id').toArray()).toEqual(expected.records);
    expect(await docsOf(db)).toEqual(expected.docs);
    expect(await factsOf(db)).toEqual(expected.facts);
    expect(await db.searchHours.orderBy('hour').toArray()).toEqual(rowsOf(fixture, 'searchHours'));
    expect(await db.kpiHours.orderBy('hour').toArray()).toEqual(rowsOf(fixture, 'kpiHours'));
    expect(await db.counters.orderBy('key').toArray()).toEqual([...rowsOf(fixture, 'counters')].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1)));
    db.close();
  });

  describe.each(OLDER)('a v%i database', (version) => {
    const fixture = readDexieFixture(version);
    const facts = FIXTURE_FACTS[version] ?? { held: Number.NaN, journaledThrough: Number.NaN, statuses: [] };

    it('upgrades to the current version with nothing lost: its log, users and counters kept as they were', async () => {
      const db = await openFixture(fixture);
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // The log is not rewritten: old payload versions stay as stored and are upgraded each time they are read.
      // v7 moved it into blocks as stored, without the per-event flag of v1–v2.
      expect(await storedEvents(db)).toEqual(fixtureLog(fixture).map(({ journaled: _flag, ...event }) => event));
      expect(await db.users.orderBy('id').toArray()).toEqual(rowsOf(fixture, 'users'));
      expect(await db.settings.toArray()).toEqual(rowsOf(fixture, 'settings'));
      for (const counter of rowsOf(fixture, 'counters')) expect(await db.counters.get(String(counter.key))).toEqual(counter);
      expect(await highestLocalSeq(db)).toBe(facts.held);
      // Before v3 the journal state was a flag per event: the watermark starts at the highest flagged one, so the
      // events after it (a closed desk's outbox) are known not to be in main's journal. restore.test.ts covers
      // what the start-up check does with them.
      expect(await lastOf(db, JOURNALED_THROUGH_KEY)).toBe(facts.journaledThrough);
      db.close();
    });

    it('rebuilds every row from the log: search, filters, deadline and escalation columns all answer', async () => {
      const db = await openFixture(fixture);
      const rows = byNumber(await db.complaints.toArray());
      expect(rows.map((row) => [row.number, row.customerName, row.category, row.status])).toEqual([
        ['SH01-20261123-0001', '赵敏', 'product_quality', facts.statuses[0]],
        ['SH01-20261123-0002', '钱进', 'service_attitude', facts.statuses[1]],
        ['SH01-20261124-0001', '孙丽', 'price_billing', facts.statuses[2]],
      ]);
      const expected = projectedFrom(fixture);
      expect(await db.complaints.orderBy('id').toArray()).toEqual(expected.records);
      expect(await docsOf(db)).toEqual(expected.docs);
      expect(await factsOf(db)).toEqual(expected.facts);
      expect(await countAll(db)).toBe(3);
      expect(await lastOf(db, COMPLAINT_TOTAL_KEY)).toBe(3);

      const [zhao, qian, sun] = rows.map((row) => row.id);
      const now = '2026-11-24T03:00:00.000Z';
      expect(await queryRegisterIds(db, { search: '态度恶劣' }, now)).toEqual([zhao]);
      expect(await queryRegisterIds(db, { search: '13711112222' }, now)).toEqual([zhao]);
      expect(await queryRegisterIds(db, { search: '钱进' }, now)).toEqual([qian]);
      expect(await queryRegisterIds(db, { search: '会员价' }, now)).toEqual([sun]);
      expect(await queryRegisterIds(db, { category: ['service_attitude'] }, now)).toEqual([qian]);
      expect(await queryRegisterIds(db, { status: ['rejected'] }, now)).toEqual([sun]);
      // T1's 24 h limit runs from registration: both open complaints are found by the index alone a day after.
      expect(new Set(await escalationCandidates(db, '2026-11-24T02:00:00.000Z'))).toEqual(new Set([zhao, qian]));
      expect(await escalationCandidates(db, '2026-11-23T12:00:00.000Z')).toEqual([]);
      db.close();
    });

    it('reads its InvestigationRecorded v1 line at today’s version: the department was not found unable to resolve it alone', async () => {
      const db = await openFixture(fixture);
      const zhao = (await db.complaints.where('number').equals('SH01-20261123-0001').first())?.id;
      if (!zhao) throw new Error('fixture');
      expect((await storedEvents(db)).find((event) => event.id === EventIdSchema.parse('e-fx-005'))?.v).toBe(1);
      const timeline = await loadTimeline(db, zhao);
      expect(timeline.find((event) => event.type === 'InvestigationRecorded')).toMatchObject({ v: 2, payload: { findings: '收银员重复扫码一件商品', cannotResolveAlone: false } });
      expect(foldComplaint(timeline).investigation).toMatchObject({ findings: '收银员重复扫码一件商品', cannotResolveAlone: false, atTier: 'T1' });
      db.close();
    });
  });

  it('upgrades a v3 database: every row gets the escalation column the sweep looks up, and is today’s projection of its log', async () => {
    const fixture = readDexieFixture(3);
    const db = await openFixture(fixture);
    const rows = await db.complaints.orderBy('id').toArray();
    // Rows are re-projected: the one v3 stored as due soon after its deadline (a step taken once the clock was
    // overdue) is corrected, and later columns are added.
    expect(rows).toEqual(projectedFrom(fixture).records);
    expect(rows.filter((row) => row.escalationDueAt !== undefined).map((row) => row.number).sort()).toEqual(['SH01-20261123-0001', 'SH01-20261123-0002']);
    db.close();
  });

  it('stops an upgrade at a stored event that does not parse: the database stays at its old version, the error names the event', async () => {
    const fixture = readDexieFixture(1);
    const events = rowsOf(fixture, 'events').map((event) => (event.id === 'e-fx-005' ? { ...event, payload: { ...(event.payload as object), findings: '' } } : event));
    const name = freshName('v1-damaged');
    await writeDexieFixture(name, { ...fixture, tables: { ...fixture.tables, events } }, SCHEMA_V1);
    const db = open(name);
    const failure: unknown = await db.open().then(
      () => undefined,
      (error: unknown) => error,
    );
    db.close();
    const cause = causeOf(failure);
    expect(cause).toBeInstanceOf(StoredEventError);
    expect(cause).toMatchObject({ eventId: 'e-fx-005', seq: 5, refusal: { code: 'invalid_event', path: 'payload.findings' } });

    const untouched = new Dexie(name);
    await untouched.open();
    expect(untouched.verno).toBe(1);
    expect(await untouched.table('events').count()).toBe(8);
    expect(await untouched.table('complaints').get('c-0a4f1c2e-6b7d-4e19-8c3a-5d2b9f7e1a01')).toEqual(rowsOf(fixture, 'complaints')[0]);
    untouched.close();
  });
});

/** The StoredEventError inside Dexie's wrapping of a failed upgrade (`inner`) or open (`cause`). */
function causeOf(error: unknown): unknown {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof StoredEventError) return current;
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return error;
}
