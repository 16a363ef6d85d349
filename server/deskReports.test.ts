/**
 * Head office's report keeps the consolidated complaints between calls: a call reads only the complaints whose
 * events arrived since the last, and the figures are those of a head office that read everything afresh.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../shared/domain/events';
import { branchLog } from '../tests/server/branchLog';
import { batchesOf, drain, httpSend, openBackend, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';
import { createAccounts } from './accounts';
import type { Db } from './db/db';
import { consolidatedFacts } from './deskReports';
import { headOfficeBook } from './deskPolicy';
import { factsOfComplaints } from '../electron/services/reports';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import { parseState } from './read';

/** The database, counting the rows each query returns. */
function counting(db: Db): { db: Db; rowsRead: () => number } {
  let rows = 0;
  const query: Db['query'] = async (sql, params) => {
    const result = await db.query(sql, params);
    rows += result.length;
    return result as never;
  };
  return { db: { ...db, query, kind: db.kind, transaction: (work) => db.transaction(work), close: () => db.close() }, rowsRead: () => rows };
}

const complaintsOf = (events: readonly DomainEvent[]) => new Set(events.map((event) => `${event.branch}/${event.complaintId}`)).size;

describe("head office's report", () => {
  let backends: Backends;
  let office: TestHeadOffice;
  const now = new Date('2026-11-20T04:00:00.000Z');
  const [sh, bj] = [branchLog('RA01', 300), branchLog('RB01', 200, '2026-10-03T02:00:00.000Z')];
  const secrets: Record<string, string> = {};
  /** The branch's log up to `through`, as its outbox sends it (what head office holds already is a duplicate). */
  const send = async (branch: string, log: readonly DomainEvent[], through: number) =>
    drain(() => office.url, await batchesOf(secrets[branch] ?? '', log.slice(0, through), 100, () => now.toISOString()));

  beforeAll(async () => {
    backends = await openBackend('pglite');
    office = await startTestHeadOffice(await backends.fresh(), undefined, () => now);
    secrets.RA01 = await office.enrol('RA01');
    secrets.RB01 = await office.enrol('RB01');
    const made = await createAccounts(office.running.db).create({ username: 'chakan', role: 'supervisor', password: 'zongbu-2026' }, now);
    if (!made.ok) throw new Error(made.error.message);
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  const reportHtml = async () => {
    const window = randomUUID();
    const call = async (method: string, input: unknown) =>
      (await httpSend(`${office.url}/api/${method}`, { body: JSON.stringify(input), headers: { 'content-type': 'application/json', 'x-desk-window': window } })).body as {
        ok: boolean;
        value: { html: string };
      };
    expect((await call('auth.signIn', { username: 'chakan', password: 'zongbu-2026' })).ok).toBe(true);
    const report = await call('reports.branchHtml', { kind: 'month', start: '2026-10-01', language: 'en' });
    expect(report.ok).toBe(true);
    return report.value.html;
  };

  it('reads only the complaints whose events arrived since the last call, and holds what a fresh read holds', async () => {
    await send('RA01', sh, 200);
    await send('RB01', bj, 100);
    const { db, rowsRead } = counting(office.running.db);
    const facts = consolidatedFacts(db);
    const book = await headOfficeBook(office.running.db);
    const current = () => facts(book, CN_CALENDAR);
    /** Every complaint read afresh, with repeats linked across branches. */
    const afresh = async () => factsOfComplaints((await office.running.db.query<{ state: unknown }>('select state from complaints')).map(({ state }) => parseState(state)), book, CN_CALENDAR, true);
    const byId = (list: readonly { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

    const first = await current();
    expect(byId(first)).toEqual(byId(await afresh()));
    const afterFirst = rowsRead();
    expect(afterFirst).toBe(first.length + 1);

    // Nothing new: only the position is read.
    expect(await current()).toEqual(first);
    expect(rowsRead() - afterFirst).toBe(1);

    const more = sh.slice(200, 300);
    await send('RA01', sh, 300);
    const before = rowsRead();
    const third = await current();
    expect(rowsRead() - before).toBe(complaintsOf(more) + 1);
    expect(complaintsOf(more)).toBeLessThan(third.length);
    expect(byId(third)).toEqual(byId(await afresh()));
    expect(third.map((fact) => fact.receivedMs)).toEqual([...third.map((fact) => fact.receivedMs)].sort((a, b) => a - b));
  });

  it('gives the figures a head office reading everything afresh gives, after more batches arrived', async () => {
    const earlier = await reportHtml();
    await send('RB01', bj, 200);
    const cached = await reportHtml();
    expect(cached).not.toEqual(earlier);
    office = await office.restart();
    expect(await reportHtml()).toEqual(cached);
  });
});
