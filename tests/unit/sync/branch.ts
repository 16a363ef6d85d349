/**
 * A branch for the sync engine's tests: main's real journal in a temp data folder, seeded with events, the
 * real engine over it, a fake head office on loopback, and timers the test fires itself (no sleeps).
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseEvent, type DomainEvent } from '../../../shared/domain/events';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { BranchCodeSchema } from '../../../shared/brand';
import { encodeEnrolment } from '../../../shared/sync/enrolment';
import { newBranchSecret } from '../../../shared/sync/signature';
import { openJournal, type Journal } from '../../../electron/services/journal';
import { openSyncEngine, type ScheduleTimer, type SyncEngine } from '../../../electron/services/sync/engine';
import { syncFiles } from '../../../electron/services/sync/outboxFile';
import { OutboxSchema, type Outbox } from '../../../electron/services/sync/outbox';
import { createFileSecretStore } from '../../../electron/services/sync/secretStore';
import { events, memoryLogger, seedJournal, withTempDir } from '../platform/fixtures';
import { startFakeHeadOffice, type FakeHeadOffice } from './headOffice';

export const BRANCH = 'BR01';

/** Timers that only run when the test fires them. */
export function manualTimers() {
  const timers: { run: () => void; ms: number; live: boolean }[] = [];
  const schedule: ScheduleTimer = (run, ms) => {
    const timer = { run, ms, live: true };
    timers.push(timer);
    return () => (timer.live = false);
  };
  return {
    schedule,
    /** The delay of the timer waiting now (undefined when none). */
    waiting: () => timers.find((timer) => timer.live)?.ms,
    /** Runs the waiting timer, as if its time had come. */
    fire() {
      const timer = timers.find((candidate) => candidate.live);
      if (!timer) throw new Error('no timer is waiting');
      timer.live = false;
      timer.run();
    },
  };
}

export interface TestBranch {
  readonly dir: string;
  readonly office: FakeHeadOffice;
  readonly engine: SyncEngine;
  readonly journal: Journal<DomainEvent>;
  readonly timers: ReturnType<typeof manualTimers>;
  readonly log: ReturnType<typeof memoryLogger>;
  readonly secret: string;
  /** The one-time code head office would hand this branch. */
  readonly code: (overrides?: { branch?: string; url?: string }) => string;
  /** Enrols, then waits for the round that starts. */
  enrolAndSync(): Promise<void>;
  /** Appends events n+1..n+count to main's journal, as main does after a decided step. */
  journalMore(count: number): Promise<void>;
  /** The outbox as it is on disk. */
  outboxOnDisk(): Promise<Outbox>;
  /** Opens a second engine on the same data folder, as the next start of the app would. */
  reopen(): Promise<SyncEngine>;
}

export async function withBranch(seeded: number, work: (branch: TestBranch) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    if (seeded > 0) await seedJournal(dir, events(1, seeded));
    const log = memoryLogger();
    const journal = await openJournal<DomainEvent>(join(dir, 'journal', 'events.v1.jsonl'), { parse: parseEvent, log, checkpointFile: join(dir, 'journal.checkpoint.json') });
    const secret = newBranchSecret();
    const office = await startFakeHeadOffice(BRANCH, secret);
    const timers = manualTimers();
    const files = syncFiles(dir);
    const open = () =>
      openSyncEngine({
        journal,
        branchCode: async () => BRANCH,
        secrets: createFileSecretStore(files.secretFile),
        personalDataKey: createFileSecretStore(files.personalDataKeyFile),
        personalData: () => DEFAULT_POLICY.personalData.toHeadOffice,
        files,
        log,
        now: () => new Date(),
        random: () => 0.5,
        schedule: timers.schedule,
        requestTimeoutMs: 10_000,
      });
    const engine = await open();
    engine.start();
    const code = (overrides: { branch?: string; url?: string } = {}) =>
      encodeEnrolment({ url: overrides.url ?? office.url, branch: BranchCodeSchema.parse(overrides.branch ?? BRANCH), secret, issuedAt: '2026-12-01T08:00:00.000Z' });
    try {
      await work({
        dir,
        office,
        engine,
        journal,
        timers,
        log,
        secret,
        code,
        async enrolAndSync() {
          const enrolled = await engine.enrol(code());
          if (!enrolled.ok) throw new Error(enrolled.error.message);
          await engine.idle();
        },
        async journalMore(count) {
          const from = journal.lastSeq() + 1;
          const appended = await journal.append(events(from, from + count - 1), BRANCH);
          if (!appended.ok) throw new Error(appended.error.message);
        },
        outboxOnDisk: async () => OutboxSchema.parse(JSON.parse(await readFile(files.outboxFile, 'utf8'))),
        async reopen() {
          await engine.stop();
          const next = await open();
          next.start();
          return next;
        },
      });
    } finally {
      await engine.stop();
      await office.close();
      await journal.close();
    }
  });
}

/** The batch requests head office received, as `batchId` (with its payload hash, to see a resend is the same batch). */
export const batchesReceived = (office: FakeHeadOffice) => office.received.filter((request) => request.path === 'batches');
