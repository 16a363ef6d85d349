/**
 * Sends the event log to main's fsync'd journal. The log in IndexedDB is the outbox: an event is marked
 * `journaled` only once main confirms it is on disk, a failure leaves it pending (and counted), and the next
 * flush — after a back-off, or the next command — sends everything pending again, oldest first. Flushes run
 * one at a time so the journal always receives the branch's sequence in order.
 */
import { Dexie } from 'dexie';
import { JOURNAL_PAGE_MAX } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/result';
import type { DeskDb } from './db';
import { toDomainEvent } from './records';
import type { StoreApi } from './ports';

export interface JournalFlusher {
  /** Sends every unjournaled event; resolves with the highest seq main has confirmed (0 when none). */
  flush(): Promise<Result<{ journaledThroughSeq: number }>>;
  pendingCount(): Promise<number>;
  /** Cancels a scheduled retry. */
  dispose(): void;
}

export interface JournalOptions {
  /** Delay before retry number `attempt` (1, 2, …) after a failed flush; `undefined` turns retries off. */
  retryDelayMs?: (attempt: number) => number;
}

export const defaultRetryDelayMs = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 60_000);

export const unjournaled = (db: DeskDb) => db.events.where('[journaled+seq]').between([0, Dexie.minKey], [0, Dexie.maxKey]);

export function createJournalFlusher(db: DeskDb, api: StoreApi, options: JournalOptions = {}): JournalFlusher {
  let queue: Promise<unknown> = Promise.resolve();
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function scheduleRetry(): void {
    if (!options.retryDelayMs || retryTimer !== undefined || disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, options.retryDelayMs(failures));
  }

  async function flushOnce(): Promise<Result<{ journaledThroughSeq: number }>> {
    let through = 0;
    for (;;) {
      const batch = await unjournaled(db).limit(JOURNAL_PAGE_MAX).toArray();
      if (batch.length === 0) return ok({ journaledThroughSeq: through });
      const sent = await api.call('journal.append', { events: batch.map(toDomainEvent) });
      if (!sent.ok) return sent;
      through = sent.value.journaledThroughSeq;
      const marked = await db.events
        .where('[journaled+seq]')
        .between([0, Dexie.minKey], [0, through], true, true)
        .modify({ journaled: 1 });
      // Main confirmed less than we sent: what is left stays pending for the retry rather than looping now.
      if (marked < batch.length) return ok({ journaledThroughSeq: through });
    }
  }

  function flush(): Promise<Result<{ journaledThroughSeq: number }>> {
    const run = queue.then(async () => {
      let result: Result<{ journaledThroughSeq: number }>;
      try {
        result = await flushOnce();
      } catch (error) {
        result = { ok: false, error: { code: 'journal_unavailable', message: String(error) } };
      }
      if (result.ok && (await unjournaled(db).count()) === 0) {
        failures = 0;
      } else {
        failures += 1;
        scheduleRetry();
      }
      return result;
    });
    queue = run;
    return run;
  }

  return {
    flush,
    pendingCount: () => unjournaled(db).count(),
    dispose() {
      disposed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}
