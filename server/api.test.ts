/**
 * What head office's people and a branch's admin see: the admin token guards everything but the branch
 * endpoints; enrolment codes are issued, rotated and revoked; the register, a complaint's timeline, the KPI
 * table and the branches' watermarks read back what branches sent; USB files import by command and by upload,
 * twice harmlessly, with a signed acknowledgement for the branch.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../shared/domain/events';
import { decodeEnrolment } from '../shared/sync/enrolment';
import { batchEnvelope, sealEnvelope } from '../shared/sync/envelope';
import { AckFileBodySchema, BatchEnvelopeSchema, BranchStatusSchema } from '../shared/sync/protocol';
import { newBranchSecret, signatureHolds } from '../shared/sync/signature';
import { branchLog } from '../tests/server/branchLog';
import { BACKENDS, batchesOf, drain, httpSend, openBackend, postEnvelope, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';
import { importBatchFiles } from './files';

const codeOf = (answer: { body: unknown }) => (answer.body as { status: string; code?: string }).code ?? (answer.body as { status: string }).status;

describe.each(BACKENDS)('head office admin, read and USB on %s', (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  let folder: string;
  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
    folder = mkdtempSync(join(tmpdir(), 'cd-usb-'));
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses every admin and read request without the admin token', async () => {
    for (const [method, path] of [['GET', '/api/v1/branches'], ['POST', '/api/v1/branches'], ['GET', '/api/v1/complaints'], ['GET', '/api/v1/kpis'], ['POST', '/api/v1/batch-files']]) {
      expect((await httpSend(`${office.url}${path}`, { method: method as string })).status).toBe(401);
      expect((await httpSend(`${office.url}${path}`, { method: method as string, headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    }
  });

  it('enrols a branch with a one-time code, rotates its secret and revokes it', async () => {
    expect(await office.admin('POST', '/api/v1/branches', { code: 'en01', name: '小写' })).toMatchObject({ status: 400, body: { error: 'invalid_input' } });
    expect(await office.admin('POST', '/api/v1/branches', { code: 'EN01', name: '浦东店' })).toMatchObject({ status: 201, body: { code: 'EN01', secret: 'none' } });
    expect((await office.admin('POST', '/api/v1/branches', { code: 'EN01', name: '又一次' })).status).toBe(409);
    expect((await office.admin('POST', '/api/v1/branches/NONE/secret', {})).status).toBe(404);

    const issued = (await office.admin('POST', '/api/v1/branches/EN01/secret', { url: 'https://hq.example.cn:8443' })).body as { enrolmentCode: string };
    const enrolment = decodeEnrolment(issued.enrolmentCode);
    if (!enrolment.ok) throw new Error(enrolment.error.message);
    expect(enrolment.value).toMatchObject({ url: 'https://hq.example.cn:8443', branch: 'EN01' });

    const events = branchLog('EN01', 20);
    const [batch] = await batchesOf(enrolment.value.secret, events, 10);
    const rotation = await office.admin('POST', '/api/v1/branches/EN01/secret');
    expect(rotation.status, JSON.stringify(rotation.body)).toBe(200);
    const rotated = decodeEnrolment((rotation.body as { enrolmentCode: string }).enrolmentCode);
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.value.url).toBe(office.url);
    expect(codeOf(await postEnvelope(office.url, batch))).toBe('bad_signature');
    const [fresh] = await batchesOf(rotated.value.secret, events, 10);
    expect(codeOf(await postEnvelope(office.url, fresh))).toBe('accepted');

    expect((await office.admin('DELETE', '/api/v1/branches/EN01/secret')).status).toBe(204);
    const [next] = await batchesOf(rotated.value.secret, events.slice(10), 10);
    expect(codeOf(await postEnvelope(office.url, next))).toBe('revoked_branch');
    const branches = (await office.admin('GET', '/api/v1/branches')).body as { branches: { code: string; secret: string; ackedThroughSeq: number }[] };
    expect(branches.branches.find((b) => b.code === 'EN01')).toMatchObject({ secret: 'revoked', ackedThroughSeq: 10, secretRotatedAt: expect.any(String) });
  });

  it('reads back the register with filters and paging, a complaint with its timeline, KPIs and watermarks by branch', async () => {
    const [a, b] = [branchLog('RD01', 400), branchLog('RD02', 100, '2026-11-01T01:00:00.000Z')];
    await drain(() => office.url, await batchesOf(await office.enrol('RD01'), a, 200));
    // RD02's clock runs two minutes ahead: head office reports the skew.
    const ahead = () => new Date(Date.now() + 120_000).toISOString();
    await drain(() => office.url, await batchesOf(await office.enrol('RD02'), b, 100, ahead));
    await office.enrol('RD03');

    const registered = (events: DomainEvent[]) => events.filter((event) => event.type === 'Registered').length;
    const page = (await office.admin('GET', '/api/v1/complaints?branch=RD01&limit=25&offset=25')).body as { total: number; items: { branch: string; number: string }[] };
    expect(page.total).toBe(registered(a));
    expect(page.items).toHaveLength(25);
    expect(page.items.every((item) => item.branch === 'RD01')).toBe(true);
    const inNovember = (await office.admin('GET', '/api/v1/complaints?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&limit=500')).body as { total: number };
    expect(inNovember.total).toBe(registered(b));
    const proposed = (await office.admin('GET', '/api/v1/complaints?branch=RD01&status=resolution_proposed&grade=4')).body as { items: { status: string; grade: number }[] };
    expect(proposed.items.every((item) => item.status === 'resolution_proposed' && item.grade === 4)).toBe(true);
    expect((await office.admin('GET', '/api/v1/complaints?status=lost')).status).toBe(400);

    const id = a[0]!.complaintId;
    const one = (await office.admin('GET', `/api/v1/branches/RD01/complaints/${id}`)).body as { complaint: { id: string }; timeline: DomainEvent[] };
    expect(one.complaint.id).toBe(id);
    expect(one.timeline.map((event) => event.id)).toEqual(a.filter((event) => event.complaintId === id).map((event) => event.id));
    expect((await office.admin('GET', '/api/v1/branches/RD01/complaints/nothing')).status).toBe(404);

    const kpis = (await office.admin('GET', '/api/v1/kpis?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z')).body as { rows: { key: string; count: number }[] };
    expect(kpis.rows.filter((row) => row.key.startsWith('RD'))).toEqual([
      expect.objectContaining({ key: 'RD01', count: registered(a) }),
      expect.objectContaining({ key: 'RD02', count: registered(b) }),
      expect.objectContaining({ key: 'RD03', count: 0 }),
    ]);

    const branches = ((await office.admin('GET', '/api/v1/branches')).body as { branches: { code: string; ackedThroughSeq: number; lastSyncAt: string | null; clockSkewMs: number | null }[] }).branches;
    const rd02 = branches.find((branch) => branch.code === 'RD02');
    expect(rd02).toMatchObject({ ackedThroughSeq: 100 });
    expect(rd02?.clockSkewMs).toBeGreaterThan(100_000);
    expect(rd02?.clockSkewMs).toBeLessThan(140_000);
    expect(branches.find((branch) => branch.code === 'RD03')).toMatchObject({ ackedThroughSeq: 0, lastSyncAt: null });
  });

  it('imports USB files, twice harmlessly, refuses foreign or broken ones, and writes a signed acknowledgement', async () => {
    const secret = await office.enrol('US01');
    const events = branchLog('US01', 60);
    // Made at the branch two months ago: files are exempt from the replay window.
    const old = '2026-09-01T08:00:00.000Z';
    const files = [
      join(folder, 'US01-1-30.cdbatch'),
      join(folder, 'US01-31-60.cdbatch'),
      join(folder, 'foreign.cdbatch'),
      join(folder, 'broken.cdbatch'),
    ];
    writeFileSync(files[0]!, JSON.stringify(await batchEnvelope(secret, 'US01', events.slice(0, 30), old)));
    writeFileSync(files[1]!, gzipSync(JSON.stringify(await batchEnvelope(secret, 'US01', events.slice(30), old))));
    writeFileSync(files[2]!, JSON.stringify(await batchEnvelope(newBranchSecret(), 'ZZ99', branchLog('ZZ99', 5), old)));
    const broken = await batchEnvelope(secret, 'US01', events.slice(0, 30), old);
    writeFileSync(files[3]!, JSON.stringify({ ...broken, signature: broken.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));

    const importAll = async (paths: string[]) => {
      const outcomes = new Map<string, string>();
      await importBatchFiles(office.running.ingest, paths, (outcome) =>
        outcomes.set(outcome.name, 'unreadable' in outcome ? 'unreadable' : outcome.result.status === 'refused' ? outcome.result.code : outcome.result.status),
      );
      return paths.map((path) => outcomes.get(path));
    };
    // The later file named first: it waits for the earlier one.
    expect(await importAll([files[1]!, files[0]!, files[2]!, files[3]!, join(folder, 'missing.cdbatch')])).toEqual(['accepted', 'accepted', 'unknown_branch', 'bad_signature', 'unreadable']);
    expect(await importAll(files.slice(0, 2))).toEqual(['duplicate', 'duplicate']);
    expect(await office.held('US01')).toHaveLength(60);

    const ack = BatchEnvelopeSchema.parse(JSON.parse(readFileSync(join(folder, 'US01-31-60.cdack'), 'utf8')));
    expect(await signatureHolds(secret, ack)).toBe(true);
    expect(AckFileBodySchema.parse(JSON.parse(ack.body))).toEqual({ ackedThroughSeq: 60 });
    // On its next contact the branch learns it too.
    const status = await postEnvelope(office.url, await sealEnvelope(secret, 'US01', '{}', new Date().toISOString()), { path: '/api/v1/status' });
    expect(BranchStatusSchema.parse(status.body).ackedThroughSeq).toBe(60);

    const upload = await office.admin('POST', '/api/v1/batch-files', {
      files: [
        { name: 'US01-31-60.cdbatch', base64: readFileSync(files[1]!).toString('base64') },
        { name: 'broken.cdbatch', base64: readFileSync(files[3]!).toString('base64') },
        { name: 'junk.cdbatch', base64: Buffer.from('not a batch').toString('base64') },
      ],
    });
    expect(upload.status).toBe(200);
    const results = (upload.body as { results: { name: string; result: { status: string; code?: string }; ack?: unknown }[] }).results;
    expect(results.map(({ name, result }) => [name, result.code ?? result.status])).toEqual([
      ['US01-31-60.cdbatch', 'duplicate'],
      ['broken.cdbatch', 'bad_signature'],
      ['junk.cdbatch', 'malformed_batch'],
    ]);
    expect(results[0]?.ack).toBeDefined();
  });
});
