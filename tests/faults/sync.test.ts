/**
 * Branch and head office together (issue 12 item 5): main's real journal, the real sync engine and the real
 * head-office server on loopback, with the line breaking in between. Whatever happens, head office ends with
 * exactly the branch's events, once each, and the branch's outbox drains (nothing pending, nothing lost).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { openJournal, type Journal } from '../../electron/services/journal';
import { openSyncEngine, type ScheduleTimer, type SyncEngine } from '../../electron/services/sync/engine';
import { syncFiles } from '../../electron/services/sync/outboxFile';
import { createFileSecretStore } from '../../electron/services/sync/secretStore';
import { memoryLogger, seedJournal } from '../unit/platform/fixtures';
import { branchLog } from '../server/branchLog';
import { startFaultProxy } from '../server/faultProxy';
import { expectedHeld, openBackend, startTestHeadOffice, type Backends, type TestHeadOffice } from '../server/harness';

/** Retries the tests fire themselves: the engine's back-off timer runs when the test says, never by waiting. */
function manualTimers() {
  const waiting: { run: () => void; live: boolean }[] = [];
  const schedule: ScheduleTimer = (run) => {
    const timer = { run, live: true };
    waiting.push(timer);
    return () => (timer.live = false);
  };
  return {
    schedule,
    fire(): boolean {
      const timer = waiting.find((candidate) => candidate.live);
      if (!timer) return false;
      timer.live = false;
      timer.run();
      return true;
    },
  };
}

interface Branch {
  readonly engine: SyncEngine;
  readonly journal: Journal<DomainEvent>;
  readonly events: readonly DomainEvent[];
  readonly timers: ReturnType<typeof manualTimers>;
  /** Retries (firing the back-off timer) until nothing is pending; fails if it takes more than `rounds`. */
  drainWithRetries(rounds?: number): Promise<void>;
  close(): Promise<void>;
}

/** A branch whose journal holds `count` events made by the real commands, enrolled at `url`. */
async function openBranch(code: string, count: number, office: TestHeadOffice, url: string): Promise<Branch> {
  const dir = await mkdtemp(join(tmpdir(), `sync-${code}-`));
  const events = branchLog(code, count);
  await seedJournal(dir, events);
  const log = memoryLogger();
  const journal = await openJournal<DomainEvent>(join(dir, 'journal', 'events.v1.jsonl'), { parse: parseEvent, log, checkpointFile: join(dir, 'journal.checkpoint.json') });
  const files = syncFiles(dir);
  const timers = manualTimers();
  const engine = await openSyncEngine({ journal, branchCode: async () => code, secrets: createFileSecretStore(files.secretFile), personalDataKey: createFileSecretStore(files.personalDataKeyFile), personalData: () => DEFAULT_POLICY.personalData.toHeadOffice, files, log, now: () => new Date(), random: () => 0.5, schedule: timers.schedule, requestTimeoutMs: 10_000 });
  engine.start();
  const issued = await office.admin('POST', '/api/v1/branches', { code, name: `${code} 门店` });
  if (issued.status !== 201) throw new Error(`create branch: ${issued.status}`);
  const secret = await office.admin('POST', `/api/v1/branches/${code}/secret`, {});
  const enrolmentCode = (secret.body as { enrolmentCode: string }).enrolmentCode.replace(/^CDSYNC1\./, '');
  const enrolment = JSON.parse(Buffer.from(enrolmentCode, 'base64url').toString('utf8')) as Record<string, unknown>;
  const enrolled = await engine.enrol(`CDSYNC1.${Buffer.from(JSON.stringify({ ...enrolment, url })).toString('base64url')}`);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return {
    engine,
    journal,
    events,
    timers,
    async drainWithRetries(rounds = 10) {
      await engine.idle();
      for (let round = 0; engine.status().pending > 0; round++) {
        if (round >= rounds || !timers.fire()) throw new Error(`the outbox does not drain: ${JSON.stringify(engine.status())}`);
        await engine.idle();
      }
    },
    async close() {
      await engine.stop();
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('a branch syncing with head office on loopback, under faults', () => {
  let backends: Backends;
  let office: TestHeadOffice;
  beforeAll(async () => {
    backends = await openBackend('pglite');
    office = await startTestHeadOffice(await backends.fresh());
  }, 60_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  async function expectDrained(branch: Branch, code: string) {
    expect(await office.held(code)).toEqual(expectedHeld(branch.events));
    expect(branch.engine.status()).toMatchObject({ pending: 0, ackedThroughSeq: branch.events.length, lastError: null });
  }

  it('the line drops mid-batch, then an answer is lost after head office committed: retried, stored once each', async () => {
    const proxy = await startFaultProxy(office.url);
    const branch = await openBranch('SY01', 2500, office, proxy.url);
    try {
      proxy.next('cut_request');
      await branch.engine.idle();
      expect(branch.engine.status().pending).toBeGreaterThan(0);
      proxy.next('drop_response');
      await branch.drainWithRetries();
      await expectDrained(branch, 'SY01');
    } finally {
      await branch.close();
      await proxy.close();
    }
  });

  it('two branches sync at once while head office restarts mid-stream', async () => {
    const first = await openBranch('SY02', 3000, office, office.url);
    const second = await openBranch('SY03', 3000, office, office.url);
    try {
      // Both are sending (enrolling started their first round) when head office goes down and comes back.
      office = await office.restart();
      await Promise.all([first.drainWithRetries(), second.drainWithRetries()]);
      await expectDrained(first, 'SY02');
      await expectDrained(second, 'SY03');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a branch offline for a month sends its 50 000 events when it comes back', async () => {
    const branch = await openBranch('SY04', 50_000, office, 'http://127.0.0.1:9');
    try {
      await branch.engine.idle();
      expect(branch.engine.status()).toMatchObject({ pending: 50_000, state: 'offline' });
      const enrolled = await office.admin('POST', '/api/v1/branches/SY04/secret', {});
      const code = (enrolled.body as { enrolmentCode: string }).enrolmentCode;
      expect((await branch.engine.enrol(code)).ok).toBe(true);
      await branch.drainWithRetries(100);
      await expectDrained(branch, 'SY04');
    } finally {
      await branch.close();
    }
  }, 120_000);

  it('a revoked branch is refused in words and keeps every event pending until enrolled again', async () => {
    const branch = await openBranch('SY05', 200, office, office.url);
    try {
      await branch.engine.idle();
      expect(branch.engine.status().pending).toBe(0);
      expect((await office.admin('DELETE', '/api/v1/branches/SY05/secret')).status).toBeLessThan(300);
      const more = branchLog('SY05', 260).slice(200);
      expect((await branch.journal.append(more, 'SY05')).ok).toBe(true);
      branch.engine.syncNow(false);
      await branch.engine.idle();
      expect(branch.engine.status()).toMatchObject({ pending: 60, state: 'error', lastError: { code: 'revoked_branch' } });
      expect((await office.held('SY05')).length).toBe(200);
    } finally {
      await branch.close();
    }
  });
});
