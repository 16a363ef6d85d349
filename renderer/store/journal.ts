/**
 * Sends the event log to main's fsync'd journal. The log in IndexedDB is the outbox and what main has
 * confirmed is one watermark, `journaledThroughSeq` (main's journal is gap-free, so confirming seq N confirms
 * every event before it): an event is journaled once its seq is at or below a seq main answered with, and
 * pending (counted) above it. A failure leaves events pending, and the next flush — after a back-off, or the
 * next command — sends everything above the watermark again, oldest first. Flushes run one at a time so the
 * journal always receives the branch's sequence in order.
 *
 * After a command the watermark is held in memory as soon as main answers and written to `counters` a moment
 * later, coalesced, off the command's path. A write lost to a crash leaves the stored watermark lower than
 * main's: the events above it are sent again on the next start, and main's append takes an identical re-sent
 * event as a no-op — so an event never counts as journaled before main confirmed it, and none is doubled.
 */
import { Dexie } from 'dexie';
import type { BranchCode } from '../../shared/brand';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import type { DomainEvent } from '../../shared/domain/events';
import { ok, refuse, type Result } from '../../shared/result';
import { JOURNALED_THROUGH_KEY, lastOf } from './counters';
import type { DeskDb } from './db';
import { toDomainEvent } from './records';
import type { StoreApi } from './ports';

type Journaled = Result<{ journaledThroughSeq: number }>;

export interface JournalFlusher {
  /** Sends every unjournaled event and stores the watermark; resolves with the highest seq main has confirmed. */
  flush(): Promise<Journaled>;
  /** After a command: sends its events (or everything pending, when older events still wait). */
  send(events: readonly DomainEvent[]): Promise<Journaled>;
  /** Events above the watermark (main's answers not yet stored included, so the count drops when main answers). */
  pendingCount(): Promise<number>;
  /** Waits for the flushes under way and stores the watermark held in memory (before a restore reads it). */
  settle(): Promise<void>;
  /** Drops the watermark held in memory: a restore has moved the stored one. */
  reload(): void;
  /** Cancels scheduled work (a last watermark write is attempted; losing it only means a re-send). */
  dispose(): void;
}

export interface JournalOptions {
  /** Delay before retry number `attempt` (1, 2, …) after a failed flush; `undefined` turns retries off. */
  retryDelayMs?: (attempt: number) => number;
  /** How long a confirmed watermark may wait in memory, so a burst of commands writes it once. */
  markDelayMs?: number;
}

export const defaultRetryDelayMs = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 60_000);
const DEFAULT_MARK_DELAY_MS = 50;

/** The watermark as stored (0 before main ever confirmed anything). */
export const storedJournalMark = (db: DeskDb): Promise<number> => lastOf(db, JOURNALED_THROUGH_KEY);

const eventsAfter = (db: DeskDb, branch: BranchCode, seq: number) =>
  db.events.where('[branch+seq]').between([branch, seq], [branch, Dexie.maxKey], false, true);

/** What one run achieved: its answer, and whether nothing was left pending. */
interface Outcome {
  result: Journaled;
  drained: boolean;
}

export function createJournalFlusher(db: DeskDb, api: StoreApi, branch: BranchCode, options: JournalOptions = {}): JournalFlusher {
  const markDelayMs = options.markDelayMs ?? DEFAULT_MARK_DELAY_MS;
  let queue: Promise<unknown> = Promise.resolve();
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let markTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** The highest seq main confirmed, as this window knows it; undefined until read from the database. */
  let confirmed: number | undefined;
  /** The watermark as last read or written. */
  let stored: number | undefined;

  async function confirmedSeq(): Promise<number> {
    if (confirmed === undefined) {
      stored = await storedJournalMark(db);
      confirmed = stored;
    }
    return confirmed;
  }

  async function writeMark(): Promise<void> {
    if (markTimer !== undefined) clearTimeout(markTimer);
    markTimer = undefined;
    const value = confirmed;
    if (value === undefined || value === stored) return;
    await db.counters.put({ key: JOURNALED_THROUGH_KEY, last: value });
    stored = value;
  }

  function scheduleMark(): void {
    if (markTimer !== undefined || disposed) return;
    markTimer = setTimeout(() => {
      markTimer = undefined;
      // A failed write is retried by the next one; until then the events above the stored mark count as pending.
      writeMark().catch(() => undefined);
    }, markDelayMs);
  }

  function scheduleRetry(): void {
    if (!options.retryDelayMs || retryTimer !== undefined || disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, options.retryDelayMs(failures));
  }

  async function append(events: readonly DomainEvent[]): Promise<Journaled> {
    const sent = await api.call('journal.append', { events: [...events] });
    if (sent.ok) confirmed = Math.max(confirmed ?? 0, sent.value.journaledThroughSeq);
    return sent;
  }

  /** Everything above the watermark, read from the log a page at a time; the watermark is stored after each page. */
  async function sendPending(): Promise<Outcome> {
    let through = await confirmedSeq();
    for (;;) {
      const batch = await eventsAfter(db, branch, through).limit(JOURNAL_PAGE_MAX).toArray();
      const last = batch[batch.length - 1];
      if (!last) return { result: ok({ journaledThroughSeq: through }), drained: true };
      const sent = await append(batch.map(toDomainEvent));
      if (!sent.ok) return { result: sent, drained: false };
      through = sent.value.journaledThroughSeq;
      await writeMark();
      // Main confirmed less than we sent: what is left stays pending for the retry rather than looping now.
      if (through < last.seq) return { result: sent, drained: false };
    }
  }

  /** A command's events straight from memory when they follow the watermark; otherwise everything pending. */
  async function sendWritten(events: readonly DomainEvent[]): Promise<Outcome> {
    const through = await confirmedSeq();
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last || last.seq <= through) return { result: ok({ journaledThroughSeq: through }), drained: true };
    if (first.seq !== through + 1) return sendPending();
    const sent = await append(events);
    if (!sent.ok) return { result: sent, drained: false };
    scheduleMark();
    return { result: sent, drained: sent.value.journaledThroughSeq >= last.seq };
  }

  function enqueue(work: () => Promise<Outcome>): Promise<Journaled> {
    const run = queue.then(async () => {
      let outcome: Outcome;
      try {
        outcome = await work();
      } catch (error) {
        outcome = { result: refuse('journal_unavailable', String(error)), drained: false };
      }
      if (outcome.result.ok && outcome.drained) {
        failures = 0;
      } else {
        failures += 1;
        scheduleRetry();
      }
      return outcome.result;
    });
    queue = run;
    return run;
  }

  function flush(): Promise<Journaled> {
    return enqueue(async () => {
      const outcome = await sendPending();
      await writeMark();
      return outcome;
    });
  }

  return {
    flush,
    send: (events) => enqueue(() => sendWritten(events)),
    async pendingCount() {
      const mark = Math.max(await storedJournalMark(db), confirmed ?? 0);
      return eventsAfter(db, branch, mark).count();
    },
    async settle() {
      await queue;
      await writeMark();
    },
    reload() {
      if (markTimer !== undefined) clearTimeout(markTimer);
      markTimer = undefined;
      confirmed = undefined;
      stored = undefined;
    },
    dispose() {
      disposed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      writeMark().catch(() => undefined);
    },
  };
}
