/**
 * Head office's screens through the same contract as a branch's: head-office accounts sign in per tab, the
 * journal is every branch's events in the order they arrived (a reader's cursor counts them, gap-free even past
 * a refused batch), nothing of a branch's records can be changed, and branch health shows the watermark, the
 * refusals with their reasons, a pending gap and a revoked secret.
 */
import { apiContract } from '../shared/api/contract';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEnrolment } from '../shared/sync/enrolment';
import { branchLog } from '../tests/server/branchLog';
import {
  BACKENDS,
  batchesOf,
  drain,
  headOfficeTab,
  openBackend,
  postEnvelope,
  startTestHeadOffice,
  type Backends,
  type DeskAnswer as Answer,
  type TestHeadOffice,
} from '../tests/server/harness';
import { createAccounts } from './accounts';

describe.each(BACKENDS)("head office's screens on %s", (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
    const accounts = createAccounts(office.running.db);
    for (const [username, role] of [['zongbu', 'admin'], ['chakan', 'supervisor']] as const) {
      const made = await accounts.create({ username, role, password: 'zongbu-2026' }, new Date());
      if (!made.ok) throw new Error(made.error.message);
    }
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  const tab = () => headOfficeTab(office.url);
  const signedIn = async (username: string) => {
    const call = tab();
    expect(await call('auth.signIn', { username, password: 'zongbu-2026' })).toMatchObject({ ok: true, value: { user: { username } } });
    return call;
  };
  const refusalOf = (answer: Answer) => (answer.ok ? 'answered' : answer.error.code);

  it('says it is head office and lets only its own accounts in, one tab at a time', async () => {
    const call = tab();
    expect(await call('app.info')).toMatchObject({ ok: true, value: { mode: 'headOffice' } });
    expect(refusalOf(await call('journal.read', { afterSeq: 0 }))).toBe('not_signed_in');
    expect(refusalOf(await call('auth.signIn', { username: 'zongbu', password: 'wrong-password' }))).toBe('bad_credentials');
    expect(refusalOf(await call('auth.signIn', { username: 'nobody', password: 'zongbu-2026' }))).toBe('bad_credentials');
    await call('auth.signIn', { username: 'ZONGBU', password: 'zongbu-2026' });
    expect(await call('auth.session')).toMatchObject({ ok: true, value: { user: { username: 'zongbu', role: 'admin' } } });
    // Another tab is not signed in by this one.
    expect(await tab()('auth.session')).toEqual({ ok: true, value: { user: null } });
    expect(refusalOf(await call('app.info', {}, { origin: 'http://evil.example' }))).toBe('forbidden_origin');
    await call('auth.signOut');
    expect(refusalOf(await call('journal.read', { afterSeq: 0 }))).toBe('not_signed_in');
  });

  it("reads every branch's events in arrival order, paged by position, gap-free past a refused batch", async () => {
    const [a, b] = [branchLog('JA01', 20), branchLog('JB01', 10, '2026-10-05T01:00:00.000Z')];
    const [secretA, secretB] = [await office.enrol('JA01'), await office.enrol('JB01')];
    const [a1, a2] = await batchesOf(secretA, a, 10);
    const [b1] = await batchesOf(secretB, b, 10);
    await drain(() => office.url, [a1!]);
    // A batch past what head office holds is refused and stores nothing: no position is used up.
    expect((await postEnvelope(office.url, a2!)).status).toBe(200);
    await drain(() => office.url, [b1!]);
    const call = await signedIn('chakan');
    const first = await call('journal.read', { afterSeq: 0, limit: 25 });
    if (!first.ok) throw new Error(first.error.message);
    const ids = (page: Answer) => (page.ok ? apiContract['journal.read'].output.parse(page.value).events.map((event) => event.id) : []);
    const expected = [...a, ...b].map((event) => event.id);
    expect(first.value.lastSeq).toBe(30);
    expect(ids(first)).toEqual(expected.slice(0, 25));
    const rest = await call('journal.read', { afterSeq: 25, limit: 25 });
    expect(ids(rest)).toEqual(expected.slice(25));
    expect(ids(await call('journal.read', { afterSeq: 30 }))).toEqual([]);
  });

  it("changes nothing of a branch's records: every step and file is refused", async () => {
    const call = await signedIn('zongbu');
    const before = await office.running.db.query('select count(*)::int as n from events');
    const decide = await call('complaints.decide', { requestId: 'ho-request-1', action: 'register', input: {} });
    expect(refusalOf(decide)).toBe('head_office_read_only');
    expect(refusalOf(await call('complaints.escalateDue', { complaintIds: [randomUUID()] }))).toBe('head_office_read_only');
    expect(refusalOf(await call('records.anonymise', { endedBefore: '2026-01-01', complaints: 1 }))).not.toBe('answered');
    expect(refusalOf(await call('backup.run'))).toBe('not_at_head_office');
    expect(refusalOf(await call('users.create', { username: 'xinren', role: 'staff', password: 'zongbu-2026' }))).toBe('not_allowed');
    expect(await office.running.db.query('select count(*)::int as n from events')).toEqual(before);
  });

  it('enrols and revokes branches (admins only) and shows each branch’s health: watermark, gap, refusals, secret', async () => {
    const viewer = await signedIn('chakan');
    expect(refusalOf(await viewer('headOffice.enrol', { code: 'HB01', name: '虹口店' }))).toBe('not_allowed');
    const call = await signedIn('zongbu');
    expect(refusalOf(await call('headOffice.enrol', { code: 'HB01' }))).toBe('branch_name_required');
    expect(refusalOf(await call('headOffice.revoke', { code: 'NONE' }))).toBe('unknown_branch_code');
    const enrolled = await call('headOffice.enrol', { code: 'HB01', name: '虹口店' });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    expect(enrolled.value.branch).toMatchObject({ code: 'HB01', name: '虹口店', secret: 'active', ackedThroughSeq: 0, lastSyncAt: null, complaints: 0 });
    const enrolment = decodeEnrolment(String(enrolled.value.enrolmentCode));
    if (!enrolment.ok) throw new Error(enrolment.error.message);
    expect(enrolment.value).toMatchObject({ branch: 'HB01', url: office.url });

    const events = branchLog('HB01', 30);
    const [first, second, third] = await batchesOf(enrolment.value.secret, events, 10);
    await drain(() => office.url, [first!]);
    await postEnvelope(office.url, third!); // before its turn: a gap
    const health = async () => {
      const listed = await viewer('headOffice.branches');
      if (!listed.ok) throw new Error(listed.error.message);
      return (listed.value.branches as { code: string }[]).find((line) => line.code === 'HB01');
    };
    expect(await health()).toMatchObject({ ackedThroughSeq: 10, pendingGaps: 1, lastSyncAt: expect.any(String), clockSkewMs: expect.any(Number), refused: [{ code: 'sequence_gap', batchId: 'HB01-21-30' }] });

    expect(await call('headOffice.revoke', { code: 'HB01' })).toMatchObject({ ok: true, value: { branch: { secret: 'revoked', secretRevokedAt: expect.any(String) } } });
    expect((await postEnvelope(office.url, second!)).body).toMatchObject({ code: 'revoked_branch' });
    const revoked = await health();
    expect(revoked).toMatchObject({ secret: 'revoked', ackedThroughSeq: 10, refused: [{ code: 'revoked_branch' }, { code: 'sequence_gap' }] });
  });

  it('imports uploaded batch files one by one, each with its own result', async () => {
    const call = await signedIn('zongbu');
    const enrolled = await call('headOffice.enrol', { code: 'UP01', name: '闵行店' });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    const enrolment = decodeEnrolment(String(enrolled.value.enrolmentCode));
    if (!enrolment.ok) throw new Error(enrolment.error.message);
    const [one, two] = await batchesOf(enrolment.value.secret, branchLog('UP01', 20), 10);
    const file = (name: string, content: unknown) => ({ name, base64: Buffer.from(JSON.stringify(content)).toString('base64') });
    const uploaded = await call('headOffice.uploadBatches', { files: [file('1.json', one), file('1-again.json', one), file('junk.json', { hello: 1 }), file('2.json', two)] });
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    expect((uploaded.value.results as { name: string; result: { status: string; code?: string } }[]).map(({ name, result }) => [name, result.code ?? result.status])).toEqual([
      ['1.json', 'accepted'],
      ['1-again.json', 'duplicate'],
      ['junk.json', 'malformed_batch'],
      ['2.json', 'accepted'],
    ]);
    expect(refusalOf(await call('headOffice.uploadBatches', { files: [{ name: 'x', base64: '%%%' }] }))).toBe('invalid_input');
  });

  it('publishes policy through the same contract as a branch saves it: bad field refused with its path, admins only, then the next version', async () => {
    const admin = await signedIn('zongbu');
    const current = await admin('policy.current');
    if (!current.ok) throw new Error(current.error.message);
    const inForce = current.value.inForce as { policy: Record<string, unknown> & { version: number; grades: Record<string, Record<string, unknown>> } };
    const { version, ...document } = inForce.policy;
    const edited = (resolveHours: number) => ({ ...document, grades: { ...document.grades, '2': { ...document.grades['2'], resolveHours } } });
    const bad = await admin('policy.save', { basedOn: version, policy: edited(-5) });
    expect(bad.ok ? undefined : { code: bad.error.code, path: (bad.error as { path?: string }).path }).toEqual({ code: 'invalid_policy', path: 'grades.2.resolveHours' });
    const viewer = await signedIn('chakan');
    expect(refusalOf(await viewer('policy.save', { basedOn: version, policy: edited(60) }))).toBe('not_allowed');
    const saved = await admin('policy.save', { basedOn: version, policy: edited(60) });
    expect(saved).toMatchObject({ ok: true, value: { inForce: { source: 'headOffice', headOfficeVersion: version + 1, policy: { version: version + 1 } } } });
    expect(refusalOf(await admin('policy.save', { basedOn: version, policy: edited(61) }))).toBe('policy_changed');
    const history = await viewer('policy.history');
    expect(history.ok ? (history.value.versions as { policy: { version: number } }[]).map((entry) => entry.policy.version) : []).toEqual([1, version + 1]);
  });

  it('publishes the working calendar through the same contract as a branch imports a notice: previewed, a bad file refused with its path and nothing stored, admins only', async () => {
    const admin = await signedIn('zongbu');
    const viewer = await signedIn('chakan');
    const before = await viewer('calendar.get');
    expect(before).toMatchObject({ ok: true, value: { importsHere: true, headOffice: null, imports: [], calendar: { coverage: { provisionalFrom: '2027-01-01' } } } });
    const basedOn = before.ok ? before.value.fingerprint : '';
    const published = async () => (await office.running.db.query<{ n: number }>('select count(*)::int as n from published_calendars'))[0]?.n;

    const broken = { format: 'json', text: '{"year": 2027, "holidays": [{"from": "2027-10-01", "to": "2027-09-30"}]}', fileName: 'broken.json' };
    const refused = await admin('calendar.importNotice', { ...broken, basedOn });
    expect(refused.ok ? undefined : { code: refused.error.code, path: refused.error.path }).toEqual({ code: 'invalid_notice', path: 'holidays.0.to' });
    expect(await published()).toBe(0);

    const file = { format: 'json', text: readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'calendars', 'cn-2027-notice.example.json'), 'utf8'), fileName: '2027.json' };
    expect(refusalOf(await viewer('calendar.previewNotice', file))).toBe('not_allowed');
    const preview = await admin('calendar.previewNotice', file);
    expect(preview).toMatchObject({ ok: true, value: { year: 2027, basedOn, wasProvisional: true } });
    const changes = (preview.ok ? preview.value.changes : []) as { date: string; change: string }[];
    expect(changes.filter((change) => change.change === 'workday_added').map((change) => change.date)).toContain('2027-02-20');
    expect(await published()).toBe(0);

    expect(refusalOf(await viewer('calendar.importNotice', { ...file, basedOn }))).toBe('not_allowed');
    const applied = await admin('calendar.importNotice', { ...file, basedOn });
    expect(applied).toMatchObject({
      ok: true,
      value: { importsHere: true, headOffice: { version: 1 }, imports: [{ year: 2027, fileName: '2027.json', importedBy: 'zongbu', headOfficeVersion: 1 }], calendar: { coverage: { through: '2027-12-31' } } },
    });
    expect(applied.ok && applied.value.fingerprint).not.toBe(basedOn);
    // The same confirmation again: head office's calendar is no longer the one previewed.
    expect(refusalOf(await admin('calendar.importNotice', { ...file, basedOn }))).toBe('calendar_changed');
    expect(await published()).toBe(1);
    expect(await viewer('calendar.get')).toEqual(applied);
  });

  it("prints the month's report across every branch, each in the comparison", async () => {
    const call = await signedIn('chakan');
    const report = await call('reports.branchHtml', { kind: 'month', start: '2026-10-01', language: 'en' });
    if (!report.ok) throw new Error(report.error.message);
    const html = String(report.value.html);
    expect(html).toContain('JA01');
    expect(html).toContain('JB01');
    expect(html).toContain('Monthly complaint report');
    expect(refusalOf(await call('reports.branchHtml', { kind: 'month', start: '2026-10-02' }))).toBe('report_period_invalid');
    expect(refusalOf(await tab()('reports.branchHtml', { kind: 'month', start: '2026-10-01' }))).toBe('not_signed_in');
  });
});
