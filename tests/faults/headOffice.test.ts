/**
 * Head office under faults (issue 12 item 5), on a real server over loopback, PGlite and PostgreSQL: the line
 * drops mid-batch, an answer is lost after the commit, batches come twice and out of order, the server restarts
 * mid-stream, two branches sync at once, a branch comes back after a month offline. Every time head office ends
 * with exactly the branch's events, once each, and its consolidated complaints equal the branch's own fold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/domain/events';
import { branchLog } from '../server/branchLog';
import { startFaultProxy } from '../server/faultProxy';
import {
  BACKENDS,
  batchesOf,
  consolidated,
  drain,
  expectedHeld,
  foldedLocally,
  openBackend,
  postEnvelope,
  startTestHeadOffice,
  type Backends,
  type TestHeadOffice,
} from '../server/harness';

async function expectExactly(office: TestHeadOffice, events: readonly DomainEvent[]): Promise<void> {
  const branch = events[0]?.branch as string;
  expect(await office.held(branch)).toEqual(expectedHeld(events));
  expect(await consolidated(office, branch)).toEqual(foldedLocally(events));
}

describe.each(BACKENDS)('head office under faults on %s', (backend) => {
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

  it('a connection cut mid-batch stores nothing; an answer lost after the commit comes back as a duplicate', async () => {
    const events = branchLog('FL01', 300);
    const [first, second, third] = await batchesOf(await office.enrol('FL01'), events, 100);
    const proxy = await startFaultProxy(office.url);
    try {
      proxy.next('cut_request');
      await expect(postEnvelope(proxy.url, first)).rejects.toThrow();
      expect(await office.held('FL01')).toEqual([]);
      expect(await postEnvelope(proxy.url, first)).toMatchObject({ body: { status: 'accepted', ackedThroughSeq: 100 } });

      proxy.next('drop_response');
      await expect(postEnvelope(proxy.url, second)).rejects.toThrow();
      expect((await office.held('FL01')).length).toBe(200);
      expect(await postEnvelope(proxy.url, second)).toMatchObject({ body: { status: 'duplicate', ackedThroughSeq: 200 } });
      expect(await postEnvelope(proxy.url, third)).toMatchObject({ body: { status: 'accepted', ackedThroughSeq: 300 } });
    } finally {
      await proxy.close();
    }
    await expectExactly(office, events);
  });

  it('batches sent twice, out of order and all at once are stored once each, in order', async () => {
    const events = branchLog('DR01', 500);
    const batches = await batchesOf(await office.enrol('DR01'), events, 50);
    const shuffled = [...batches, ...batches].sort((a, b) => (a.signature < b.signature ? -1 : 1));
    const answers = await Promise.all(shuffled.map((batch) => postEnvelope(office.url, batch)));
    const outcomes = new Set(answers.map(({ body }) => (body as { status: string; code?: string }).code ?? (body as { status: string }).status));
    expect([...outcomes].every((outcome) => ['accepted', 'duplicate', 'sequence_gap'].includes(outcome))).toBe(true);
    const seen: string[] = [];
    await drain(() => office.url, batches, (outcome) => seen.push(outcome));
    expect(seen.every((outcome) => outcome === 'accepted' || outcome === 'duplicate')).toBe(true);
    await expectExactly(office, events);
  });

  it('a restart mid-stream loses nothing and duplicates nothing', async () => {
    const events = branchLog('RS01', 300);
    const batches = await batchesOf(await office.enrol('RS01'), events, 50);
    await drain(() => office.url, batches.slice(0, 3));
    office = await office.restart();
    const seen: string[] = [];
    // The branch never heard the third answer: it sends that batch again first.
    await drain(() => office.url, batches, (outcome) => seen.push(outcome));
    expect(seen).toEqual(['duplicate', 'duplicate', 'duplicate', 'accepted', 'accepted', 'accepted']);
    await expectExactly(office, events);
  });

  it('two branches syncing at once each end with exactly their own events', async () => {
    const [a, b] = [branchLog('TW01', 600), branchLog('TW02', 600)];
    const [secretA, secretB] = [await office.enrol('TW01'), await office.enrol('TW02')];
    await Promise.all([drain(() => office.url, await batchesOf(secretA, a, 50)), drain(() => office.url, await batchesOf(secretB, b, 50))]);
    await expectExactly(office, a);
    await expectExactly(office, b);
  });

  // 50 000 events is the database's work more than head office's: run on PostgreSQL (PGlite when it is the only one).
  it.runIf(backend === BACKENDS[BACKENDS.length - 1])('a branch back after a month offline sends 50 000 events in batches of 1000', async () => {
    const events = branchLog('MO01', 50_000);
    const batches = await batchesOf(await office.enrol('MO01'), events, 1000);
    expect(batches).toHaveLength(50);
    await drain(() => office.url, batches);
    await expectExactly(office, events);
  }, 120_000);
});
