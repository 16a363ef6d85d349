/**
 * Head office answers each batch as the protocol says (docs/sync-protocol.md): accepted, duplicate, and every
 * refusal with its code — and a refused batch changes nothing. Real server on loopback, PGlite and PostgreSQL.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEnvelope } from '../shared/sync/envelope';
import { BATCH_MAX_BYTES, BATCH_MAX_INFLATED_BYTES, BatchResultSchema, BranchStatusSchema, REPLAY_WINDOW_MS, type BatchEnvelope } from '../shared/sync/protocol';
import { newBranchSecret, payloadHashOf } from '../shared/sync/signature';
import { branchLog } from '../tests/server/branchLog';
import { BACKENDS, batchesOf, expectedHeld, httpSend, openBackend, postEnvelope, resign, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';

const outcome = (answer: { status: number; body: unknown }) => {
  const result = BatchResultSchema.parse(answer.body);
  return result.status === 'refused' ? result.code : result.status;
};

describe.each(BACKENDS)('head office protocol on %s', (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  it('accepts a batch, answers the same batch again as a duplicate, and refuses the same id with other events', async () => {
    const secret = await office.enrol('AC01');
    const events = branchLog('AC01', 30);
    const [first, second] = await batchesOf(secret, events, 20);
    const accepted = await postEnvelope(office.url, first);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', batchId: 'AC01-1-20', ackedThroughSeq: 20 });

    // A retry signed later (new timestamp and sentAt) is still the same batch.
    const retried = await batchesOf(secret, events.slice(0, 20), 20, () => new Date(Date.now() + 1000).toISOString());
    expect(await postEnvelope(office.url, retried[0])).toMatchObject({ status: 200, body: { status: 'duplicate', batchId: 'AC01-1-20', ackedThroughSeq: 20 } });

    const other = events.slice(0, 20).map((event, i) => (i === 5 && event.type === 'NoteAdded' ? { ...event, payload: { ...event.payload, text: '改过的' } } : event));
    other[19] = { ...events[19]!, at: '2026-10-01T00:00:00.000Z' };
    const conflicting = await batchesOf(secret, other, 20);
    expect(outcome(await postEnvelope(office.url, conflicting[0]))).toBe('batch_conflict');

    expect(outcome(await postEnvelope(office.url, second, { gzip: false }))).toBe('accepted');
    expect(await office.held('AC01')).toEqual(expectedHeld(events));
    const status = await postEnvelope(office.url, await sealEnvelope(secret, 'AC01', '{}', new Date().toISOString()), { path: '/api/v1/status' });
    expect(BranchStatusSchema.parse(status.body)).toMatchObject({ branch: 'AC01', ackedThroughSeq: 30 });
  });

  it('refuses each bad batch with its code and keeps nothing of it', async () => {
    const secret = await office.enrol('RF01');
    const events = branchLog('RF01', 12);
    const [batch] = (await batchesOf(secret, events.slice(0, 6), 6)) as [BatchEnvelope];
    const body = JSON.parse(batch.body) as { events: Record<string, unknown>[]; payloadHash: string };
    const withEvents = async (changed: unknown[]) => resign(secret, batch, JSON.stringify({ ...body, events: changed, payloadHash: await payloadHashOf(changed) }));
    const now = new Date().toISOString();

    const cases: [string, unknown][] = [
      ['bad_signature', { ...batch, body: batch.body.replace('"fromSeq":1', '"fromSeq":1 ') }], // tampered in transit
      ['bad_signature', await sealEnvelope(newBranchSecret(), 'RF01', batch.body, now)],
      ['unknown_branch', await sealEnvelope(secret, 'NOPE', batch.body.replaceAll('RF01', 'NOPE'), now)],
      ['malformed_batch', { ...batch, signature: undefined }],
      ['malformed_batch', await resign(secret, batch, '{"batchId":')],
      ['malformed_batch', await resign(secret, batch, JSON.stringify({ ...body, batchId: 'RF01-1-7' }))],
      ['unsupported_version', { ...batch, v: 2 }],
      ['hash_mismatch', await resign(secret, batch, JSON.stringify({ ...body, payloadHash: '0'.repeat(64) }))],
      ['sequence_gap', (await batchesOf(secret, events.slice(6, 12), 6))[0]],
      ['malformed_event', await withEvents(body.events.map((event, i) => (i === 2 ? { ...event, at: 'yesterday' } : event)))],
      ['malformed_event', await withEvents(body.events.map((event, i) => (i === 3 ? { ...event, seq: 9 } : event)))],
      // The complaint of the first event registered again.
      ['domain_refused', await withEvents(body.events.map((event, i) => (i === 1 ? { ...body.events[0], id: 'RF01-again', seq: 2 } : event)))],
      ['timestamp_outside_window', await sealEnvelope(secret, 'RF01', batch.body, new Date(Date.now() - REPLAY_WINDOW_MS - 60_000).toISOString())],
    ];
    for (const [code, envelope] of cases) {
      const answer = await postEnvelope(office.url, envelope);
      expect({ code, got: outcome(answer) }).toEqual({ code, got: code });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
    const gap = BatchResultSchema.parse((await postEnvelope(office.url, cases[8]![1])).body);
    expect(gap).toMatchObject({ code: 'sequence_gap', expectedFromSeq: 1 });
    const named = BatchResultSchema.parse((await postEnvelope(office.url, cases[11]![1])).body);
    expect(named).toMatchObject({ code: 'domain_refused', seq: 2, eventId: 'RF01-again', refusal: 'already_registered' });
    expect(await office.held('RF01')).toEqual([]);

    // A revoked secret: refused as revoked, even when signed with the secret that used to hold.
    expect(await office.admin('DELETE', '/api/v1/branches/RF01/secret')).toMatchObject({ status: 204 });
    expect(outcome(await postEnvelope(office.url, batch))).toBe('revoked_branch');
    expect(await office.held('RF01')).toEqual([]);
    const refusals = await office.running.db.query<{ code: string }>("select code from refused_batches where branch = 'RF01'");
    expect(refusals.length).toBeGreaterThanOrEqual(cases.length);
  });

  it('refuses oversized bodies before reading them, and a gzip bomb as too large', async () => {
    const huge = await httpSend(`${office.url}/api/v1/batches`, {
      body: Buffer.alloc(BATCH_MAX_BYTES + 1, 0x20),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(outcome(huge)).toBe('too_large');
    const bomb = gzipSync(Buffer.alloc(BATCH_MAX_INFLATED_BYTES + 1024, 0x20));
    expect(bomb.length).toBeLessThan(BATCH_MAX_BYTES);
    const exploded = await httpSend(`${office.url}/api/v1/batches`, { body: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect({ status: exploded.status, code: outcome(exploded) }).toEqual({ status: 413, code: 'too_large' });
    const notJson = await httpSend(`${office.url}/api/v1/batches`, { body: 'hello', headers: { 'content-type': 'application/json' } });
    expect({ status: notJson.status, code: outcome(notJson) }).toEqual({ status: 400, code: 'malformed_batch' });
    const notGzip = await httpSend(`${office.url}/api/v1/batches`, { body: 'hello', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(outcome(notGzip)).toBe('malformed_batch');
  });
});
