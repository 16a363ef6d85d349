/**
 * The branch's sync engine (issue 12 item 3): sends main's own journal — events already fsync'd — to head office
 * in batches of at most BATCH_MAX_EVENTS, and moves "acknowledged up to" only when head office says so.
 *
 * A round sends batch after batch until nothing is pending or something fails; each answer says how far head
 * office holds the branch. A retry after a failure, and a round with nothing to send, start with a cheap signed
 * status probe instead (is head office back; has it imported a USB batch since?). Each
 * batch's range is persisted before it is sent and resent unchanged until answered, so a lost answer makes a
 * duplicate, never a second copy. Failures back off exponentially with jitter (backoff.ts) and the probe on that
 * schedule notices the connection coming back; "sync now" and the window's `online` event try at once.
 *
 * Nothing here waits for the network while holding anything the desk needs: the journal is only read (its
 * appends never wait for a round), state changes are short serial steps on the outbox file, and every request
 * has a timeout and is aborted when the desk closes.
 */
import { mkdir } from 'node:fs/promises';
import type { SyncProblem, SyncStatus } from '../../../shared/api/sync';
import type { DomainEvent } from '../../../shared/domain/events';
import type { PersonalDataToHeadOffice } from '../../../shared/policy/policy';
import { ok, refuse, type Result } from '../../../shared/result';
import { decodeEnrolment } from '../../../shared/sync/enrolment';
import { eventsForHeadOffice, personalDataHasher } from '../../../shared/sync/personalData';
import type { PublishedCalendar } from '../../../shared/sync/calendar';
import type { PublishedPolicy } from '../../../shared/sync/policy';
import type { BatchEnvelope } from '../../../shared/sync/protocol';
import type { DirectoryUser } from '../../../shared/sync/users';
import type { Logger } from '../log';
import { createSerial } from '../serial';
import { backoffDelayMs } from './backoff';
import { batchEnvelope, sealEnvelope } from '../../../shared/sync/envelope';
import { createHeadOfficeClient, type Acknowledged, type Answer, type HeadOfficeClient } from './headOfficeClient';
import { acknowledge, nextRange, planAll, reconcile, statusOf, type Outbox, type SeqRange } from './outbox';
import { readOutbox, writeOutbox, type SyncFiles } from './outboxFile';
import type { SecretStore } from './secretStore';
import { readAcknowledgement, writeBatchFiles, type WrittenBatchFile } from './usb';

/** The journal as the engine sees it: main's own, read-only. */
export interface JournalReader {
  readonly lastSeq: () => number;
  read(afterSeq: number, limit: number): Promise<{ events: readonly DomainEvent[] }>;
}

/** A timer the engine can cancel; injected so tests fire it themselves instead of waiting. */
export type ScheduleTimer = (run: () => void, ms: number) => () => void;

/** How soon new events are sent after main journals them: long enough to gather a burst of steps into one batch. */
export const SEND_SOON_MS = 5_000;

export interface SyncEngineDeps {
  readonly journal: JournalReader;
  /** This desk's branch code (undefined before first-run set-up). */
  readonly branchCode: () => Promise<string | undefined>;
  readonly secrets: SecretStore;
  /** The organisation's personal-data key from the enrolment code, kept like the secret. */
  readonly personalDataKey: SecretStore;
  /** How personal data leaves for head office: the policy in force when a batch is made. */
  readonly personalData: () => PersonalDataToHeadOffice;
  readonly files: SyncFiles;
  readonly log: Logger;
  readonly now: () => Date;
  readonly random?: () => number;
  readonly schedule?: ScheduleTimer;
  /** Per request; default 30 s. */
  readonly requestTimeoutMs?: number;
  readonly clientFor?: (url: string, timeoutMs: number) => HeadOfficeClient;
  /** Head office's policy: pulled after every good round, when newer than the one the branch pulled last. */
  readonly policy?: PublishedReceiver<PublishedPolicy>;
  /** Head office's working calendar: pulled likewise. */
  readonly calendar?: PublishedReceiver<PublishedCalendar>;
  /** The branch's accounts as head office may know them (staff names, no usernames or hashes): sent when they changed. */
  readonly users?: () => Promise<readonly DirectoryUser[]>;
}

/** Where a version head office published (its policy, its calendar) is taken in. */
export interface PublishedReceiver<T extends { readonly version: number }> {
  /** Head office's number of the version the branch pulled last; 0 before the first. */
  knownVersion(): number;
  /** Takes a newer published version into force (or says why not: it is logged, and asked for again next round). */
  arrived(published: T): Promise<Result<unknown>>;
}

export interface SyncEngine {
  status(): SyncStatus;
  enrol(code: string): Promise<Result<SyncStatus>>;
  configure(change: { enabled?: boolean; intervalMinutes?: number }): Promise<Result<SyncStatus>>;
  /**
   * Starts a round in the background (or marks the running one to go again) and answers at once; `probe`
   * (the window saw the network come back) starts it with the cheap status probe.
   */
  syncNow(probe: boolean): SyncStatus;
  /**
   * Main has journaled new events: they go within SEND_SOON_MS (a burst of steps makes one round) instead of at
   * the next interval. While head office is failing the back-off decides; a running round is asked to go again.
   */
  journaled(): void;
  /** Resolves when the round running now (and any asked for meanwhile) is over; at once when none runs. */
  idle(): Promise<void>;
  exportBatchFiles(folder: string): Promise<Result<{ files: WrittenBatchFile[] }>>;
  importAck(path: string): Promise<Result<SyncStatus>>;
  start(): void;
  /** Aborts a request in flight, cancels the timer and waits for the round to end. */
  stop(): Promise<void>;
}

const defaultSchedule: ScheduleTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** Times one round follows head office elsewhere before it calls it an error (head office moving under us, or a bug). */
const MAX_DETOURS = 3;
/** Where head office says it stands: its acknowledgement, or a sequence gap's `expectedFromSeq - 1`. */
function standing(answer: Answer<Acknowledged>): number | undefined {
  if (answer.kind === 'answer') return answer.value.ackedThroughSeq;
  if (answer.kind !== 'refused' || answer.refusal.code !== 'sequence_gap' || answer.refusal.expectedFromSeq === undefined) return undefined;
  return answer.refusal.expectedFromSeq - 1;
}

export async function openSyncEngine(deps: SyncEngineDeps): Promise<SyncEngine> {
  const { journal, secrets, files, log, now } = deps;
  const random = deps.random ?? Math.random;
  const schedule = deps.schedule ?? defaultSchedule;
  const requestTimeoutMs = deps.requestTimeoutMs ?? 30_000;
  const clientFor = deps.clientFor ?? createHeadOfficeClient;
  let outbox = await readOutbox(files.outboxFile, log);
  const serial = createSerial();
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  let controller = new AbortController();
  let cancelTimer: (() => void) | undefined;
  let nextAttemptAt: Date | null = null;
  /** The next round starts with the status probe (a retry after a failure: is head office back?). */
  let probeFirst = false;
  /** Head office's clock minus ours, measured when it refused a timestamp; applied to what we sign. */
  let clockOffsetMs = 0;
  /** The user directory head office last stored from this desk (as sent), so an unchanged one is not sent again. */
  let usersSent: string | undefined;

  const iso = (date: Date) => date.toISOString();
  const signingTime = () => new Date(now().getTime() + clockOffsetMs).toISOString();

  /** Changes the outbox and fsyncs it before anyone acts on the change. */
  const update = (change: (current: Outbox) => Outbox): Promise<Outbox> =>
    serial(async () => {
      const next = change(outbox);
      if (next !== outbox) {
        // Made at the first change, so a desk that never syncs has no sync folder.
        await mkdir(files.folder, { recursive: true });
        await writeOutbox(files.outboxFile, next);
        outbox = next;
      }
      return outbox;
    });

  const status = (): SyncStatus =>
    statusOf(outbox, { journaledThroughSeq: journal.lastSeq(), running: running !== undefined, nextAttemptAt: nextAttemptAt && iso(nextAttemptAt) });

  function clearSchedule() {
    cancelTimer?.();
    cancelTimer = undefined;
    nextAttemptAt = null;
  }

  /** A retry after a failure probes first; the regular interval round sends at once. */
  function scheduleIn(ms: number, retry: boolean) {
    clearSchedule();
    if (stopped || !outbox.enrolment || !outbox.enabled) return;
    nextAttemptAt = new Date(now().getTime() + ms);
    cancelTimer = schedule(() => void kick(retry), ms);
  }

  async function succeed() {
    await update((current) => ({ ...current, lastError: null, failures: 0, lastSuccessAt: iso(now()) }));
    scheduleIn(outbox.intervalMinutes * 60_000, false);
  }

  async function fail(problem: Omit<SyncProblem, 'at'>) {
    await update((current) => ({ ...current, lastError: { ...problem, at: iso(now()) }, failures: current.failures + 1 }));
    log.warn('sync: attempt failed', { code: problem.code, message: problem.message, failures: outbox.failures });
    scheduleIn(backoffDelayMs(outbox.failures, random), true);
  }

  /** Anything but an answer ends the round: a refusal or no connection is recorded; a stop is not. */
  async function settle(answer: Answer<unknown>) {
    if (answer.kind === 'aborted' || answer.kind === 'answer') return;
    if (answer.kind === 'failed') {
      return fail({ code: answer.code, message: answer.message, params: answer.httpStatus === undefined ? {} : { httpStatus: answer.httpStatus } });
    }
    const { code, message, expectedFromSeq, seq, refusal } = answer.refusal;
    return fail({ code, message, params: { ...(expectedFromSeq ? { expectedFromSeq } : {}), ...(seq ? { seq } : {}), ...(refusal ? { refusal: refusal.slice(0, 64) } : {}) } });
  }

  /**
   * Head office holds everything up to `ackedThroughSeq`. True when that is more than this desk's journal has:
   * the data folder was restored from an older backup, and sending on would reuse sequence numbers.
   */
  async function heard(ackedThroughSeq: number): Promise<boolean> {
    if (ackedThroughSeq > journal.lastSeq()) {
      await fail({ code: 'journal_behind_head_office', message: `head office holds up to seq ${ackedThroughSeq}; the journal ends at ${journal.lastSeq()}`, params: { expectedFromSeq: ackedThroughSeq + 1 } });
      return true;
    }
    if (ackedThroughSeq < outbox.ackedThroughSeq) {
      log.warn('sync: head office holds fewer events than it acknowledged before; sending them again', { before: outbox.ackedThroughSeq, now: ackedThroughSeq });
    }
    await update((current) => reconcile(current, ackedThroughSeq));
    return false;
  }

  /** Sends; if head office refuses our clock, corrects it by the measured offset and tries once more. */
  async function withClockCorrection<T>(send: () => Promise<Answer<T>>): Promise<Answer<T>> {
    const first = await send();
    if (first.kind !== 'refused' || first.refusal.code !== 'timestamp_outside_window') return first;
    clockOffsetMs = Date.parse(first.refusal.serverTime) - now().getTime();
    log.warn('sync: head office refused our clock; correcting it for signing', { offsetMs: clockOffsetMs });
    return send();
  }

  /** The next batch's range, persisted before it is sent. */
  const planNext = async (): Promise<SeqRange | undefined> => {
    let range: SeqRange | undefined;
    await update((current) => {
      const next = nextRange(current, journal.lastSeq());
      range = next.range;
      return next.outbox;
    });
    return range;
  };

  /** The range's events as they leave for head office: personal data as the policy says (shared/sync/personalData.ts). */
  async function eventsOf(range: SeqRange) {
    const { events } = await journal.read(range.fromSeq - 1, range.toSeq - range.fromSeq + 1);
    if (events.length !== range.toSeq - range.fromSeq + 1 || events[0]?.seq !== range.fromSeq) {
      throw new Error(`journal: seq ${range.fromSeq}..${range.toSeq} could not be read whole`);
    }
    const key = await deps.personalDataKey.get();
    return eventsForHeadOffice(events, deps.personalData(), key === undefined ? undefined : await personalDataHasher(key));
  }

  async function round(signal: AbortSignal, probe: boolean) {
    const { enrolment, enabled } = outbox;
    if (!enrolment || !enabled) return clearSchedule();
    const secret = await secrets.get();
    if (!secret) return fail({ code: 'secret_missing', message: 'the stored sync secret cannot be read on this computer', params: {} });
    await update((current) => ({ ...current, lastAttemptAt: iso(now()) }));
    const client = clientFor(enrolment.url, requestTimeoutMs);

    // The probe: after a failure (cheap: is head office back?), and when nothing is pending (has head office
    // imported a USB batch?). Otherwise the batch's own answer says the same.
    if (probe || journal.lastSeq() <= outbox.ackedThroughSeq) {
      const answer = await withClockCorrection(async () => client.status(await sealEnvelope(secret, enrolment.branch, '{}', signingTime()), signal));
      if (answer.kind !== 'answer') return settle(answer);
      if (await heard(answer.value.ackedThroughSeq)) return;
    }

    await sendUsers(client, secret, enrolment.branch, signal);
    for (let detours = 0; !signal.aborted; ) {
      const range = await planNext();
      if (!range) {
        const pulling = { secret, branch: enrolment.branch, signal };
        await pullPublished('policy', deps.policy, client.policy, pulling);
        await pullPublished('calendar', deps.calendar, client.calendar, pulling);
        return succeed();
      }
      const events = await eventsOf(range);
      const sent = await withClockCorrection(async () => client.sendBatch(await batchEnvelope(secret, enrolment.branch, events, signingTime()), signal));
      const standsAt = standing(sent);
      if (standsAt === undefined) return settle(sent);
      if (await heard(standsAt)) return;
      if (standsAt >= range.toSeq) continue;
      // Head office stands elsewhere than this batch's end (a gap, or an answer that did not take it): follow
      // it, but a head office that keeps moving (or answers without storing) must not keep us sending forever.
      detours += 1;
      log.warn('sync: head office stands elsewhere; resuming from there', { sent: range, headOfficeHolds: standsAt });
      if (detours > MAX_DETOURS) {
        if (sent.kind !== 'answer') return settle(sent);
        return fail({ code: 'bad_response', message: `head office answered ${sent.value.status} for ${range.fromSeq}..${range.toSeq} but holds only up to ${standsAt}`, params: {} });
      }
    }
  }

  /**
   * Asks for a newer version of what head office publishes once the batches are through. A head office without it
   * (older, or one that does not answer this) costs a log line, never the round: the branch's records reached head
   * office all the same.
   */
  async function pullPublished<T extends { readonly version: number }>(
    what: 'policy' | 'calendar',
    receiver: PublishedReceiver<T> | undefined,
    ask: (envelope: BatchEnvelope, signal: AbortSignal) => Promise<Answer<{ readonly latest: T | null }>>,
    { secret, branch, signal }: { secret: string; branch: string; signal: AbortSignal },
  ) {
    if (!receiver) return;
    const body = JSON.stringify({ knownVersion: receiver.knownVersion() });
    const answer = await withClockCorrection(async () => ask(await sealEnvelope(secret, branch, body, signingTime()), signal));
    if (answer.kind === 'refused') return log.warn(`sync: head office refused the ${what} request`, { code: answer.refusal.code });
    if (answer.kind === 'failed') return log.warn(`sync: head office did not answer the ${what} request`, { code: answer.code, message: answer.message });
    if (answer.kind === 'aborted') return;
    const { latest } = answer.value;
    if (!latest) return;
    const taken = await receiver.arrived(latest);
    if (taken.ok) log.info(`sync: head office ${what} in force`, { headOfficeVersion: latest.version });
    else log.warn(`sync: head office ${what} refused here`, { headOfficeVersion: latest.version, code: taken.error.code, path: taken.error.path });
  }

  /**
   * Sends the branch's accounts when they changed since head office last stored them, before the batches, so the
   * names are there when the events naming them arrive. Like the policy, a head office that does not take them
   * costs a log line, never the round.
   */
  async function sendUsers(client: HeadOfficeClient, secret: string, branch: string, signal: AbortSignal) {
    if (!deps.users) return;
    const body = JSON.stringify({ users: await deps.users() });
    if (body === usersSent) return;
    const answer = await withClockCorrection(async () => client.users(await sealEnvelope(secret, branch, body, signingTime()), signal));
    if (answer.kind === 'refused') return log.warn('sync: head office refused the user directory', { code: answer.refusal.code });
    if (answer.kind === 'failed') return log.warn('sync: head office did not take the user directory', { code: answer.code, message: answer.message });
    if (answer.kind === 'answer') usersSent = body;
  }

  function kick(probe = false): Promise<void> {
    if (stopped) return Promise.resolve();
    probeFirst ||= probe;
    if (running) {
      again = true;
      return running;
    }
    clearSchedule();
    running = (async () => {
      do {
        again = false;
        controller = new AbortController();
        const probe = probeFirst;
        probeFirst = false;
        try {
          await round(controller.signal, probe);
        } catch (error) {
          log.error('sync: a round failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          await update((current) => ({ ...current, failures: current.failures + 1 })).catch(() => undefined);
          scheduleIn(backoffDelayMs(outbox.failures, random), true);
        }
      } while (again && !stopped);
    })().finally(() => (running = undefined));
    return running;
  }

  /** Stops the round in flight (its request is aborted; nothing it had persisted is undone). */
  async function interrupt() {
    again = false; // a round asked for meanwhile would run with what is about to change
    controller.abort();
    await running;
  }

  async function withSecret<T>(work: (secret: string, branch: string) => Promise<Result<T>>): Promise<Result<T>> {
    const { enrolment } = outbox;
    if (!enrolment) return refuse('not_enrolled', 'this branch is not enrolled with head office');
    const secret = await secrets.get();
    if (!secret) return refuse('not_enrolled', 'the stored sync secret cannot be read on this computer: enrol again');
    return work(secret, enrolment.branch);
  }

  return {
    status,
    async enrol(code) {
      const decoded = decodeEnrolment(code);
      if (!decoded.ok) return decoded;
      const { url, branch, secret, issuedAt, personalDataKey } = decoded.value;
      const ours = await deps.branchCode();
      if (!ours) return refuse('not_configured', 'set up the branch first');
      if (branch !== ours) return refuse('enrolment_wrong_branch', `the code is for branch ${branch}; this desk is ${ours}`, { path: 'code', params: { branch } });
      await interrupt();
      await secrets.set(secret);
      // A code without a key (an older head office) keeps the key enrolled before, if any.
      if (personalDataKey) await deps.personalDataKey.set(personalDataKey);
      await update((current) => ({ ...current, enrolment: { url, branch, issuedAt, enrolledAt: iso(now()) }, enabled: true, lastError: null, failures: 0 }));
      // Perhaps another head office: it has not had the user directory yet.
      usersSent = undefined;
      log.info('sync: enrolled with head office', { url, branch, issuedAt });
      void kick();
      return ok(status());
    },
    async configure({ enabled, intervalMinutes }) {
      const switchedOn = enabled === true && !outbox.enabled;
      if (enabled === false) await interrupt();
      await update((current) => ({ ...current, enabled: enabled ?? current.enabled, intervalMinutes: intervalMinutes ?? current.intervalMinutes }));
      log.info('sync: settings changed', { enabled: outbox.enabled, intervalMinutes: outbox.intervalMinutes });
      if (switchedOn) void kick();
      else if (!outbox.enabled) clearSchedule();
      else if (intervalMinutes !== undefined && outbox.failures === 0 && !running) scheduleIn(intervalMinutes * 60_000, false);
      return ok(status());
    },
    syncNow(probe) {
      void kick(probe);
      return status();
    },
    journaled() {
      if (stopped || !outbox.enrolment || !outbox.enabled || outbox.failures > 0 || journal.lastSeq() <= outbox.ackedThroughSeq) return;
      if (running) return void kick();
      if (nextAttemptAt && nextAttemptAt.getTime() - now().getTime() <= SEND_SOON_MS) return;
      scheduleIn(SEND_SOON_MS, false);
    },
    idle: () => running ?? Promise.resolve(),
    exportBatchFiles: (folder) =>
      withSecret(async (secret, branch) => {
        const planned = await update((current) => planAll(current, journal.lastSeq()));
        const written = await writeBatchFiles(folder, planned.planned, async (range) => batchEnvelope(secret, branch, await eventsOf(range), signingTime()));
        if (written.ok) log.info('sync: batch files written for USB', { folder, files: written.value.map((file) => file.fileName) });
        return written.ok ? ok({ files: written.value }) : written;
      }),
    importAck: (path) =>
      withSecret(async (secret, branch) => {
        const acked = await readAcknowledgement(path, branch, secret);
        if (!acked.ok) return acked;
        const usable = Math.min(acked.value, journal.lastSeq());
        if (usable < acked.value) log.warn('sync: an acknowledgement names more events than the journal holds', { acked: acked.value, journaled: journal.lastSeq() });
        await update((current) => acknowledge(current, usable));
        log.info('sync: acknowledgement read from a file', { path, ackedThroughSeq: acked.value });
        return ok(status());
      }),
    start() {
      stopped = false;
      void kick(outbox.failures > 0);
    },
    async stop() {
      stopped = true;
      clearSchedule();
      await interrupt();
    },
  };
}
