/**
 * Repeat complaints at head office: the figure its dashboard counts (the renderer's KPI facts in IndexedDB,
 * imported from head office's journal) equals `GET /api/v1/kpis`' for the same data — the same customer (by
 * keyed phone) at another branch, earlier, makes a repeat; also when that earlier complaint reaches head office
 * after the later one (the copy links them as the events arrive), in a copy restored in one go, and in the facts
 * head office's report counts.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR } from '../../../shared/calendar/defaults';
import type { DomainEvent } from '../../../shared/domain/events';
import { factsIn } from '../../../shared/kpi/dashboard';
import { tallyOf } from '../../../shared/kpi/facts';
import { DEFAULT_POLICY_BOOK } from '../../../shared/policy/book';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { eventsForHeadOffice, personalDataHasher } from '../../../shared/sync/personalData';
import { newBranchSecret } from '../../../shared/sync/signature';
import { createAccounts } from '../../../server/accounts';
import { kpisByBranch } from '../../../server/read';
import { headOfficeBook } from '../../../server/deskPolicy';
import { consolidatedFacts } from '../../../server/deskReports';
import { createApi, httpTransport } from '../../../renderer/platform/transport';
import { allKpiFacts } from '../../../renderer/store/kpi-hours';
import { openDeskDb } from '../../../renderer/store/open';
import { createDeskStore } from '../../../renderer/store/store';
import { branchLog } from '../../server/branchLog';
import { batchesOf, drain, openBackend, startTestHeadOffice, type Backends, type TestHeadOffice } from '../../server/harness';
import { freshName } from './desk';

const PERIOD = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

describe("head office's repeat complaints", () => {
  let backends: Backends;
  let office: TestHeadOffice;
  // Both branches number their customers alike (tests/bench/dataset.ts): Beijing's n-th complaint is from the
  // customer of Shanghai's n-th, a day earlier.
  let shanghai: DomainEvent[];
  let beijing: DomainEvent[];
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    backends = await openBackend('pglite');
    office = await startTestHeadOffice(await backends.fresh());
    secrets.RS01 = await office.enrol('RS01');
    secrets.RB01 = await office.enrol('RB01');
    const made = await createAccounts(office.running.db).create({ username: 'chakan', role: 'supervisor', password: 'zongbu-2026' }, new Date());
    if (!made.ok) throw new Error(made.error.message);
    // As the branches send them: names masked, phones as keyed hashes.
    const hasher = await personalDataHasher(newBranchSecret());
    const leaving = (events: DomainEvent[]) => eventsForHeadOffice(events, DEFAULT_POLICY.personalData.toHeadOffice, hasher);
    shanghai = await leaving(branchLog('RS01', 150, '2026-10-10T01:00:00.000Z'));
    beijing = await leaving(branchLog('RB01', 150, '2026-10-09T01:00:00.000Z'));
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  const send = async (branch: string, events: readonly DomainEvent[]) => drain(() => office.url, await batchesOf(secrets[branch] ?? '', events, 50));

  /** Head office's screens' copy, signed in as its supervisor, caught up with its journal. */
  async function screensCopy() {
    const api = createApi(httpTransport({ baseUrl: `${office.url}/`, token: 'none', window: randomUUID() }));
    expect((await api.call('auth.signIn', { username: 'chakan', password: 'zongbu-2026' })).ok).toBe(true);
    const db = openDeskDb(freshName('head-office'), { policies: DEFAULT_POLICY_BOOK, calendar: CN_CALENDAR, linkCustomers: true });
    const store = createDeskStore({ db, api, clock: () => new Date().toISOString(), newId: () => randomUUID(), policies: DEFAULT_POLICY_BOOK, calendar: CN_CALENDAR });
    return {
      db,
      async repeats() {
        expect((await store.catchUp()).ok).toBe(true);
        const sorted = await allKpiFacts(db.kpiHours);
        return tallyOf(factsIn(sorted, PERIOD), Date.now()).repeats;
      },
    };
  }
  const kpiRepeats = async () => (await kpisByBranch(office.running.db, PERIOD, new Date())).total.repeatComplaints;

  it('counts what GET /api/v1/kpis counts, as the complaints arrive and in a copy restored at once', async () => {
    const copy = await screensCopy();
    // Shanghai first: nothing repeats yet.
    await send('RS01', shanghai);
    expect(await kpiRepeats()).toBe(0);
    expect(await copy.repeats()).toBe(0);

    // Beijing's earlier complaints arrive after: every Shanghai complaint of a Beijing customer is now a repeat.
    await send('RB01', beijing);
    const expected = await kpiRepeats();
    const registeredInBoth = Math.min(new Set(shanghai.map((e) => e.complaintId)).size, new Set(beijing.map((e) => e.complaintId)).size);
    expect(expected).toBe(registeredInBoth);
    expect(await copy.repeats()).toBe(expected);

    // A copy that reads the whole journal in one go says the same, and so do the facts head office's report counts.
    expect(await (await screensCopy()).repeats()).toBe(expected);
    const reported = await consolidatedFacts(office.running.db)(await headOfficeBook(office.running.db), CN_CALENDAR);
    expect(tallyOf(factsIn(reported, PERIOD), Date.now()).repeats).toBe(expected);
    copy.db.close();
  });
});
