/**
 * The branch's sync engine against a head office on loopback (headOffice.ts): what head office ends up holding,
 * what the branch says, and what is on disk, through lost answers, dropped connections, an outage, a restored
 * head office, a wrong clock and a revoked secret. Timers are fired by the tests; nothing sleeps.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchBodySchema, BatchEnvelopeSchema, BATCH_MAX_EVENTS } from '../../../shared/sync/protocol';
import { newBranchSecret, signatureHolds } from '../../../shared/sync/signature';
import { BACKOFF_CAP_MS, backoffDelayMs } from '../../../electron/services/sync/backoff';
import { SEND_SOON_MS } from '../../../electron/services/sync/engine';
import { batchesReceived, withBranch } from './branch';

const seqsStored = (stored: Map<number, unknown>) => [...stored.keys()].sort((a, b) => a - b);
const oneToN = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

describe('branch sync engine', () => {
  it('drains the outbox in batches and moves "acknowledged" only when head office answers', async () => {
    await withBranch(2500, async ({ office, engine, timers, enrolAndSync, outboxOnDisk }) => {
      expect(engine.status()).toMatchObject({ state: 'not_enrolled', pending: 2500 });
      office.faults.dropBeforeStore = 1; // the connection drops mid-request: nothing reaches head office
      await enrolAndSync();
      expect(office.stored.size).toBe(0);
      expect(engine.status()).toMatchObject({ state: 'offline', pending: 2500, ackedThroughSeq: 0, lastError: { code: 'unreachable' } });
      // The batch on its way was on disk before it was sent.
      expect(await outboxOnDisk()).toMatchObject({ ackedThroughSeq: 0, planned: [{ fromSeq: 1, toSeq: 1000 }] });

      timers.fire(); // the back-off's retry
      await engine.idle();
      expect(seqsStored(office.stored)).toEqual(oneToN(2500));
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, ackedThroughSeq: 2500, lastError: null });
      expect(engine.status().lastSuccessAt).not.toBeNull();
      const sent = batchesReceived(office);
      expect(sent.map((batch) => batch.batchId)).toEqual(['BR01-1-1000', 'BR01-1-1000', 'BR01-1001-2000', 'BR01-2001-2500']);
      expect(sent[1]?.payloadHash).toBe(sent[0]?.payloadHash);
      expect(await outboxOnDisk()).toMatchObject({ ackedThroughSeq: 2500, planned: [], failures: 0 });
    });
  });

  it('a lost answer: "sync now" resends the same batch, head office answers duplicate, nothing is stored twice', async () => {
    await withBranch(1200, async ({ office, engine, enrolAndSync }) => {
      office.faults.dropAfterStore = 1;
      await enrolAndSync();
      expect(office.stored.size).toBe(1000); // head office stored it; the branch never heard
      expect(engine.status()).toMatchObject({ state: 'offline', pending: 1200, ackedThroughSeq: 0 });

      engine.syncNow(false);
      await engine.idle();
      expect(seqsStored(office.stored)).toEqual(oneToN(1200));
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
      const sent = batchesReceived(office);
      expect(sent.map((batch) => batch.batchId)).toEqual(['BR01-1-1000', 'BR01-1-1000', 'BR01-1001-1200']);
      expect(sent[1]?.payloadHash).toBe(sent[0]?.payloadHash);
    });
  });

  it('a lost answer: the retry probes first and learns the acknowledgement without sending the batch again', async () => {
    await withBranch(1000, async ({ office, engine, timers, enrolAndSync }) => {
      office.faults.dropAfterStore = 1;
      await enrolAndSync();
      timers.fire();
      await engine.idle();
      expect(office.received.map((request) => request.path)).toEqual(['batches', 'status']);
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, ackedThroughSeq: 1000 });
    });
  });

  it('the batch on its way survives a restart of the app: the next start sends exactly that range', async () => {
    await withBranch(300, async ({ office, enrolAndSync, journalMore, reopen }) => {
      office.faults.dropBeforeStore = 1;
      await enrolAndSync();
      await journalMore(900); // more steps were taken before the app restarted
      const next = await reopen();
      await next.idle();
      expect(batchesReceived(office).map((batch) => batch.batchId)).toEqual(['BR01-1-300', 'BR01-1-300', 'BR01-301-1200']);
      expect(next.status()).toMatchObject({ state: 'synced', pending: 0 });
    });
  });

  it('head office down: retries back off with growing delays, the probe notices it is back, and the outbox drains', async () => {
    await withBranch(1500, async ({ office, engine, timers, enrolAndSync }) => {
      await office.down();
      await enrolAndSync();
      const delays = [timers.waiting()];
      for (let attempt = 0; attempt < 3; attempt++) {
        timers.fire();
        await engine.idle();
        expect(engine.status()).toMatchObject({ state: 'offline', pending: 1500, lastError: { code: 'unreachable' } });
        delays.push(timers.waiting());
      }
      expect(delays).toEqual([3_750, 7_500, 15_000, 30_000]);
      expect(engine.status().nextAttemptAt).not.toBeNull();

      await office.up();
      timers.fire();
      await engine.idle();
      expect(office.received[0]?.path).toBe('status'); // a cheap probe first, then the batches
      expect(seqsStored(office.stored)).toEqual(oneToN(1500));
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, lastError: null });
      expect(timers.waiting()).toBe(5 * 60_000); // back to the regular interval
    });
  });

  it('new steps go within seconds, not at the next interval; a burst makes one round, and a failing head office keeps its back-off', async () => {
    await withBranch(100, async ({ office, engine, timers, enrolAndSync, journalMore }) => {
      await enrolAndSync();
      expect(timers.waiting()).toBe(5 * 60_000);
      engine.journaled(); // nothing new: the interval stays
      expect(timers.waiting()).toBe(5 * 60_000);
      await journalMore(3);
      engine.journaled();
      await journalMore(2);
      engine.journaled();
      expect(timers.waiting()).toBe(SEND_SOON_MS);
      timers.fire();
      await engine.idle();
      expect(seqsStored(office.stored)).toEqual(oneToN(105));
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });

      office.revoked = true;
      await journalMore(1);
      engine.syncNow(false);
      await engine.idle();
      const backOff = timers.waiting();
      await journalMore(1);
      engine.journaled();
      expect(timers.waiting()).toBe(backOff);
    });
  });

  it('back-off doubles up to a cap of 10 minutes, never less than half its nominal delay', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(2_500);
    expect(backoffDelayMs(1, () => 1)).toBe(5_000);
    expect(backoffDelayMs(3, () => 1)).toBe(20_000);
    expect(backoffDelayMs(50, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelayMs(50, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('head office restored from an older backup answers sequence_gap: the branch resumes from expectedFromSeq', async () => {
    await withBranch(1500, async ({ office, engine, enrolAndSync, journalMore }) => {
      await enrolAndSync();
      office.forgetAfter(700);
      await journalMore(200);
      engine.syncNow(false);
      await engine.idle();
      expect(seqsStored(office.stored)).toEqual(oneToN(1700));
      expect(batchesReceived(office).map((batch) => batch.batchId).slice(2)).toEqual(['BR01-1501-1700', 'BR01-701-1700']);
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, ackedThroughSeq: 1700 });
    });
  });

  it('a clock outside the replay window is corrected by head office\'s time and the batch goes through', async () => {
    await withBranch(10, async ({ office, engine, enrolAndSync, log }) => {
      office.clockOffsetMs = 2 * 60 * 60_000; // head office is two hours ahead of this PC
      await enrolAndSync();
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
      expect(batchesReceived(office)).toHaveLength(2); // refused once, then accepted
      expect(log.lines.some((line) => line.message.includes('correcting it for signing'))).toBe(true);
    });
  });

  it('a revoked secret: the error is shown with its code, nothing is lost, and the outbox drains once head office lets it in', async () => {
    await withBranch(500, async ({ office, engine, timers, enrolAndSync, journalMore, outboxOnDisk }) => {
      await enrolAndSync();
      await journalMore(100);
      office.revoked = true;
      engine.syncNow(false);
      await engine.idle();
      expect(engine.status()).toMatchObject({ state: 'error', pending: 100, ackedThroughSeq: 500, lastError: { code: 'revoked_branch' } });
      expect(await outboxOnDisk()).toMatchObject({ ackedThroughSeq: 500 });
      expect(office.stored.size).toBe(500);

      office.revoked = false;
      timers.fire();
      await engine.idle();
      expect(seqsStored(office.stored)).toEqual(oneToN(600));
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
    });
  });

  it('a head office that answers without storing is not sent the same batch forever: the round stops with an error', async () => {
    await withBranch(50, async ({ office, engine, enrolAndSync }) => {
      office.faults.answerWithoutStoring = true;
      await enrolAndSync();
      expect(batchesReceived(office)).toHaveLength(4); // the batch and three tries to follow head office
      expect(engine.status()).toMatchObject({ state: 'error', pending: 50, ackedThroughSeq: 0, lastError: { code: 'bad_response' } });
    });
  });

  it('50 000 events (a month offline) drain in batches of at most 1000', async () => {
    await withBranch(50_000, async ({ office, engine, enrolAndSync }) => {
      await enrolAndSync();
      const sent = batchesReceived(office);
      expect(sent).toHaveLength(50);
      expect(sent.every((batch) => (batch.events ?? 0) <= BATCH_MAX_EVENTS)).toBe(true);
      expect(office.stored.size).toBe(50_000);
      expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, ackedThroughSeq: 50_000 });
    });
  });

  it('enrolling checks the code: damaged or for another branch is refused and changes nothing', async () => {
    await withBranch(5, async ({ engine, code, office }) => {
      expect(await engine.enrol('CDSYNC1.broken')).toMatchObject({ ok: false, error: { code: 'invalid_enrolment_code' } });
      expect(await engine.enrol(code({ branch: 'SH02' }))).toMatchObject({ ok: false, error: { code: 'enrolment_wrong_branch', params: { branch: 'SH02' } } });
      expect(engine.status()).toMatchObject({ state: 'not_enrolled', enrolment: null });
      expect(office.received).toHaveLength(0);
    });
  });

  it('switched off, it sends nothing; switched on, it drains', async () => {
    await withBranch(20, async ({ office, engine, enrolAndSync, journalMore }) => {
      await enrolAndSync();
      expect(await engine.configure({ enabled: false })).toMatchObject({ ok: true, value: { state: 'disabled', enabled: false, nextAttemptAt: null } });
      await journalMore(5);
      engine.syncNow(false);
      await engine.idle();
      expect(office.stored.size).toBe(20);
      await engine.configure({ enabled: true, intervalMinutes: 15 });
      await engine.idle();
      expect(office.stored.size).toBe(25);
      expect(engine.status()).toMatchObject({ state: 'synced', intervalMinutes: 15 });
    });
  });
});

describe('USB transfer', () => {
  it('exports the pending events as signed batch files, the very batches the network then sends', async () => {
    await withBranch(2300, async ({ dir, office, engine, secret, enrolAndSync }) => {
      office.faults.dropBeforeStore = 1;
      await enrolAndSync(); // offline: the first 1000 are on their way
      const stick = join(dir, 'usb');
      await mkdir(stick);
      const exported = await engine.exportBatchFiles(stick);
      expect(exported).toMatchObject({ ok: true, value: { files: [{ fileName: 'BR01-1-1000.cdbatch' }, { fileName: 'BR01-1001-2000.cdbatch' }, { fileName: 'BR01-2001-2300.cdbatch' }] } });
      expect((await readdir(stick)).sort()).toEqual(['BR01-1-1000.cdbatch', 'BR01-1001-2000.cdbatch', 'BR01-2001-2300.cdbatch']);
      for (const name of await readdir(stick)) {
        const envelope = BatchEnvelopeSchema.parse(JSON.parse(await readFile(join(stick, name), 'utf8')));
        expect(await signatureHolds(secret, envelope)).toBe(true);
        const body = BatchBodySchema.parse(JSON.parse(envelope.body));
        expect(`${body.batchId}.cdbatch`).toBe(name);
      }
      engine.syncNow(false);
      await engine.idle();
      expect(batchesReceived(office).map((batch) => batch.batchId)).toEqual(['BR01-1-1000', 'BR01-1-1000', 'BR01-1001-2000', 'BR01-2001-2300']);
    });
  });

  it('a signed acknowledgement file lowers the pending count; a forged or foreign one is refused and changes nothing', async () => {
    await withBranch(1500, async ({ dir, office, engine, enrolAndSync }) => {
      await office.down();
      await enrolAndSync();
      const stick = join(dir, 'usb');
      await mkdir(stick);
      await office.writeAckFile(join(stick, 'BR01-1-1000.cdack'), 1000, newBranchSecret());
      expect(await engine.importAck(stick)).toMatchObject({ ok: false, error: { code: 'ack_file_bad_signature', params: { file: 'BR01-1-1000.cdack' } } });
      expect(engine.status()).toMatchObject({ pending: 1500 });
      expect(await engine.importAck(join(dir, 'missing.cdack'))).toMatchObject({ ok: false, error: { code: 'ack_file_invalid' } });

      await office.writeAckFile(join(stick, 'BR01-1-1000.cdack'), 1000);
      expect(await engine.importAck(stick)).toMatchObject({ ok: true, value: { pending: 500, ackedThroughSeq: 1000 } });
      await office.writeAckFile(join(stick, 'old.cdack'), 300); // an older acknowledgement brings nothing back
      expect(await engine.importAck(join(stick, 'old.cdack'))).toMatchObject({ ok: true, value: { pending: 500 } });
    });
  });
});
