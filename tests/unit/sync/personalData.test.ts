/**
 * Personal data to head office follows policy (issue 13 item 5), end to end: main's real journal and sync
 * engine at two branches, the real head office on loopback (PGlite, and PostgreSQL where installed). Whatever
 * the branches typed, head office's database — every table, as text — and its log hold only what the policy
 * sends; a masked phone still links one customer's complaints across branches; an anonymisation at the branch
 * takes back at head office what `full` had sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutPersonalData } from '../../../shared/domain/anonymise';
import type { Complainant } from '../../../shared/domain/event-payloads';
import { parseEvent, type DomainEvent } from '../../../shared/domain/events';
import type { KpiTable } from '../../../shared/kpi/kpi';
import { DEFAULT_POLICY, type PersonalDataToHeadOffice } from '../../../shared/policy/policy';
import { openJournal, type Journal } from '../../../electron/services/journal';
import { openSyncEngine, type SyncEngine } from '../../../electron/services/sync/engine';
import { syncFiles } from '../../../electron/services/sync/outboxFile';
import { createFileSecretStore } from '../../../electron/services/sync/secretStore';
import { memoryLogger, seedJournal } from '../platform/fixtures';
import { branchLog } from '../../server/branchLog';
import { BACKENDS, openBackend, startTestHeadOffice, type Backends, type TestHeadOffice } from '../../server/harness';
import type { Db } from '../../../server/db/db';

/** One customer who complains at both branches, typing the phone differently each time. */
const CUSTOMER = { name: '王小明', email: 'Wang.XM@example.com', address: '上海市浦东新区世纪大道100号', customerNumber: 'VIP-778899' };
const PHONE_AT = { SH01: '138 1234 5678', BJ02: '+86 138-1234-5678' } as const;
/** Every way the phone could show up, and the rest of what the customer typed. */
const NEEDLES = ['13812345678', '138 1234 5678', '138-1234-5678', '+86', '1234 5678', '1234-5678', '12345678', 'wang.xm', 'example.com', '世纪大道', '小明', '778899'];

const found = (text: string): string[] => NEEDLES.filter((needle) => text.toLowerCase().includes(needle.toLowerCase()));

/** Every row of every table of head office's database, as text. */
async function everythingStored(db: Db): Promise<string> {
  const tables = await db.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
  expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['batches', 'branches', 'complaints', 'events', 'refused_batches']));
  const texts = await Promise.all(tables.map(async ({ table_name }) => (await db.query<{ row: string }>(`select t::text as row from "${table_name}" t`)).map((r) => r.row).join('\n')));
  return texts.join('\n');
}

interface Branch {
  readonly engine: SyncEngine;
  readonly journal: Journal<DomainEvent>;
  readonly events: readonly DomainEvent[];
  close(): Promise<void>;
}

/**
 * A branch whose journal holds 40 registrations (and a few steps) by the real commands; its first complaint is
 * CUSTOMER's, the others' phones are this branch's own. Enrolled at `office` and synced under `policy`.
 */
async function syncedBranch(code: keyof typeof PHONE_AT, office: TestHeadOffice, policy: PersonalDataToHeadOffice, startIso: string): Promise<Branch> {
  const dir = await mkdtemp(join(tmpdir(), `pii-${code}-`));
  let registrations = 0;
  const events = branchLog(code, 50, startIso).map((event) => {
    if (event.type !== 'Registered') return event;
    const n = registrations++;
    const complainant: Complainant = n === 0 ? { ...CUSTOMER, phone: PHONE_AT[code] } : { name: `顾客${n}`, phone: `1390${code === 'SH01' ? 1 : 2}${String(n).padStart(6, '0')}` };
    return { ...event, payload: { ...event.payload, complainant } };
  });
  await seedJournal(dir, events);
  const log = memoryLogger();
  const journal = await openJournal<DomainEvent>(join(dir, 'journal', 'events.v1.jsonl'), { parse: parseEvent, log, checkpointFile: join(dir, 'journal.checkpoint.json') });
  const files = syncFiles(dir);
  const engine = await openSyncEngine({
    journal,
    branchCode: async () => code,
    secrets: createFileSecretStore(files.secretFile),
    personalDataKey: createFileSecretStore(files.personalDataKeyFile),
    personalData: () => policy,
    files,
    log,
    now: () => new Date(),
    schedule: () => () => undefined,
  });
  engine.start();
  await office.admin('POST', '/api/v1/branches', { code, name: `${code} 门店` });
  const issued = await office.admin('POST', `/api/v1/branches/${code}/secret`, {});
  const enrolled = await engine.enrol((issued.body as { enrolmentCode: string }).enrolmentCode);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  await engine.idle();
  expect(engine.status()).toMatchObject({ pending: 0, lastError: null });
  return {
    engine,
    journal,
    events,
    async close() {
      await engine.stop();
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each(BACKENDS)('personal data reaching head office (%s)', (backend) => {
  let backends: Backends;
  beforeAll(async () => {
    backends = await openBackend(backend);
  }, 120_000);
  afterAll(async () => backends?.stop());

  /** A fresh head office whose every log line is kept. */
  async function office(): Promise<{ office: TestHeadOffice; logged: () => string }> {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    return { office: await startTestHeadOffice(await backends.fresh(), undefined, undefined, 0, stream), logged: () => lines.join('') };
  }

  it('under the default policy no phone, email, address, full name or customer number reaches the database or the log, yet the repeat is linked', async () => {
    const { office: headOffice, logged } = await office();
    const branches = [
      await syncedBranch('SH01', headOffice, DEFAULT_POLICY.personalData.toHeadOffice, '2026-10-01T01:00:00.000Z'),
      await syncedBranch('BJ02', headOffice, DEFAULT_POLICY.personalData.toHeadOffice, '2026-10-02T01:00:00.000Z'),
    ];
    try {
      // Something to log besides the batches: the read API and a refused batch.
      expect((await headOffice.admin('GET', '/api/v1/complaints?limit=100')).status).toBe(200);
      const kpis = await headOffice.admin('GET', `/api/v1/kpis?from=${encodeURIComponent('2026-09-01T00:00:00.000Z')}&to=${encodeURIComponent('2026-12-01T00:00:00.000Z')}`);
      const stored = await everythingStored(headOffice.running.db);
      expect(stored).toContain('hmac-sha256:'); // the search does read the complaints
      expect(found(stored)).toEqual([]);
      expect(logged()).toContain('/api/v1/batches'); // the log does hold the requests
      expect(found(logged())).toEqual([]);

      // The customer's two complaints carry one keyed phone: BJ02's is the repeat, and nothing else is.
      const [sh, bj] = await Promise.all(['SH01', 'BJ02'].map(async (code) => (await headOffice.running.db.query<{ complainant: Complainant }>(`select state->'complainant' as complainant from complaints where branch = $1 and number like '%-0001'`, [code]))[0]?.complainant));
      expect(sh).toEqual({ name: '王**', keyed: { phone: expect.stringMatching(/^hmac-sha256:/), customerNumber: expect.stringMatching(/^hmac-sha256:/) } });
      expect(bj?.keyed).toEqual(sh?.keyed);
      const rows = (kpis.body as KpiTable).rows;
      expect(rows.map((row) => [row.key, row.count, row.repeatComplaints])).toEqual([['BJ02', 40, 1], ['SH01', 40, 0]]);
    } finally {
      for (const branch of branches) await branch.close();
      await headOffice.close();
    }
  }, 120_000);

  it('what `full` sent is taken back at head office when the branch anonymises the complaint', async () => {
    const { office: headOffice, logged } = await office();
    const full: PersonalDataToHeadOffice = { name: 'full', phone: 'full', email: 'full', address: 'full', customerNumber: 'full' };
    const branch = await syncedBranch('SH01', headOffice, full, '2026-10-01T01:00:00.000Z');
    try {
      expect(found(await everythingStored(headOffice.running.db)).sort()).toEqual(['138 1234 5678', '1234 5678', 'example.com', 'wang.xm', '小明', '世纪大道', '778899'].sort());
      // As retention does at the branch: the complaint's lines lose their personal data, then Anonymised is journaled.
      const complaintId = branch.events[0]?.complaintId;
      await branch.journal.rewrite((event) => (event.complaintId === complaintId ? withoutPersonalData(event) : event));
      const anonymised = parseEvent({
        id: 'SH01-anonymised', complaintId, branch: 'SH01', seq: branch.journal.lastSeq() + 1, at: '2026-11-30T01:00:00.000Z', actor: 'u-admin',
        type: 'Anonymised', v: 1, payload: { endedBefore: '2026-11-30T00:00:00.000Z', removed: ['name', 'phone', 'email', 'address', 'customerNumber'], evidenceFiles: 0 },
      });
      if (!anonymised.ok) throw new Error(anonymised.error.message);
      expect((await branch.journal.append([anonymised.value], 'SH01')).ok).toBe(true);
      branch.engine.syncNow(false);
      await branch.engine.idle();
      expect(branch.engine.status()).toMatchObject({ pending: 0, lastError: null });

      expect(found(await everythingStored(headOffice.running.db))).toEqual([]);
      expect(found(logged())).toEqual([]);
      const [complaint] = await headOffice.running.db.query<{ state: { complainant: unknown; anonymised?: unknown } }>('select state from complaints where branch = $1 and id = $2', ['SH01', complaintId]);
      expect(complaint?.state).toMatchObject({ complainant: {}, anonymised: { removed: ['name', 'phone', 'email', 'address', 'customerNumber'] } });
      // The other complaints keep what `full` sent.
      expect(await headOffice.running.db.query(`select 1 from complaints where branch = 'SH01' and state->'complainant'->>'phone' = '13901000001'`)).toHaveLength(1);
    } finally {
      await branch.close();
      await headOffice.close();
    }
  }, 120_000);
});
