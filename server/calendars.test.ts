/**
 * Publishing the working calendar at head office and a branch pulling it: each publication is a version holding
 * every notice head office applies, numbered one at a time even when two admins confirm at once; a branch gets the
 * latest only when it is newer than its own, and only with a request signed with its secret.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEnvelope } from '../shared/sync/envelope';
import { newBranchSecret } from '../shared/sync/signature';
import { BACKENDS, openBackend, postEnvelope, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';
import { headOfficeCalendar, publishNotice } from './calendars';

const NOTICE_2027 = join(import.meta.dirname, '..', 'tests', 'fixtures', 'calendars', 'cn-2027-notice.example.json');
const NOTICE_2028 = JSON.stringify({ year: 2028, holidays: [{ from: '2028-01-01', to: '2028-01-03', name: '元旦' }] });

describe.each(BACKENDS)('calendar publication on %s', (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  let secret: string;
  const pull = async (body: unknown, signWith = secret) =>
    postEnvelope(office.url, await sealEnvelope(signWith, 'CL01', JSON.stringify(body), new Date().toISOString()), { path: '/api/v1/calendar' });
  const publish = async (text: string, by = 'zongbu') =>
    publishNotice(office.running.db, { format: 'json', text, basedOn: (await headOfficeCalendar(office.running.db)).fingerprint }, by, new Date());

  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
    secret = await office.enrol('CL01');
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  it('answers nothing newer before the first publication, and a version with every notice after', async () => {
    expect(await pull({ knownVersion: 0 })).toMatchObject({ status: 200, body: { latest: null } });
    expect(await publish(await readFile(NOTICE_2027, 'utf8'))).toMatchObject({ ok: true, value: { latest: { version: 1 } } });
    expect(await publish(NOTICE_2028, 'zongbu2')).toMatchObject({ ok: true, value: { latest: { version: 2 } } });

    const fresh = await pull({ knownVersion: 0 });
    expect(fresh.status).toBe(200);
    const latest = (fresh.body as { latest: { version: number; notices: { notice: { year: number }; record: { importedBy: string; headOfficeVersion: number } }[] } }).latest;
    expect(latest.version).toBe(2);
    // The 2028 publication keeps 2027's notice as it was published (v1, by its admin).
    expect(latest.notices.map((entry) => [entry.notice.year, entry.record.importedBy, entry.record.headOfficeVersion])).toEqual([
      [2027, 'zongbu', 1],
      [2028, 'zongbu2', 2],
    ]);
    expect((await pull({ knownVersion: 1 })).body).toMatchObject({ latest: { version: 2 } });
    expect((await pull({ knownVersion: 2 })).body).toMatchObject({ latest: null });
  });

  it('numbers publications one at a time: of two confirmed on the same calendar, the second is refused', async () => {
    const basedOn = (await headOfficeCalendar(office.running.db)).fingerprint;
    const text = JSON.stringify({ year: 2028, holidays: [{ from: '2028-01-01', to: '2028-01-02', name: '元旦' }] });
    const both = await Promise.all([1, 2].map(() => publishNotice(office.running.db, { format: 'json', text, basedOn }, 'zongbu', new Date())));
    expect(both.map((result) => (result.ok ? result.value.latest.version : result.error.code)).sort()).toEqual([3, 'calendar_changed']);
  });

  it('answers only a well-formed request signed with the branch’s secret', async () => {
    expect(await pull({ knownVersion: 0 }, newBranchSecret())).toMatchObject({ status: 401, body: { status: 'refused', code: 'bad_signature' } });
    expect(await pull({ knownVersion: -1 })).toMatchObject({ status: 400, body: { status: 'refused', code: 'malformed_batch' } });
  });
});
