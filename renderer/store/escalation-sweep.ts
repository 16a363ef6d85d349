/**
 * The automatic escalations of SPEC §5 that no user action sets off: the tier's deadline passing unresolved,
 * and a month unresolved raising the major flag. Main decides them (shared/escalation/rules.ts on its own
 * journal's state and clock, as the system actor); this window only names the complaints its index says may be
 * due, so main need not fold the register every minute.
 *
 * Candidates are the keys of one index range: every row carries `escalationDueAt`, the first instant one of
 * these two can fall due (deadline-columns.ts), so `escalationDueAt <= now` is exactly the complaints to look
 * at. A second sweep at the same moment escalates nothing more: main folds each complaint again.
 *
 * A desk that was off for a long while can find thousands due at once. They go to main a batch per call, with a
 * pause for the screen between batches, so the register stays responsive meanwhile.
 */
import { ESCALATION_BATCH_MAX } from '../../shared/api/contract';
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import type { Refusal } from '../../shared/result';
import type { DeskDb } from './db';
import type { StoreApi } from './ports';

/** Complaints named per call, and the pause between two calls (the screen's turn: every import makes the open screens query again). */
export const SWEEP_BATCH = ESCALATION_BATCH_MAX;
const BATCH_PAUSE_MS = 50;

export interface SweepDeps {
  db: DeskDb;
  api: StoreApi;
  /** Writes events main journaled into this window's copy (the store's import path). */
  take: (events: readonly DomainEvent[]) => Promise<void>;
}

export interface SweepReport {
  /** Complaints named to main because the index said an escalation may be due. */
  candidates: number;
  /** Complaints that were escalated, and the Escalated events main journaled for them. */
  escalated: number;
  events: number;
  /** Batches main did not answer (unreachable, signed out): the next sweep tries them again. */
  failures: Refusal[];
}

/** The ids of complaints one of whose automatic escalations may be due at `now` (a superset; the rule decides). */
export async function escalationCandidates(db: DeskDb, now: string): Promise<ComplaintId[]> {
  return db.complaints.where('escalationDueAt').belowOrEqual(new Date(now).toISOString()).primaryKeys();
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Has main journal every automatic escalation due on the candidates at `now`, a batch per call. */
export async function sweepEscalations(deps: SweepDeps, now: string): Promise<SweepReport> {
  const candidates = await escalationCandidates(deps.db, now);
  const report: SweepReport = { candidates: candidates.length, escalated: 0, events: 0, failures: [] };
  for (let start = 0; start < candidates.length; start += SWEEP_BATCH) {
    if (start > 0) await pause(BATCH_PAUSE_MS);
    const decided = await deps.api.call('complaints.escalateDue', { complaintIds: candidates.slice(start, start + SWEEP_BATCH) });
    if (!decided.ok) {
      report.failures.push(decided.error);
      continue;
    }
    const { events } = decided.value;
    if (events.length === 0) continue;
    report.escalated += new Set(events.map((event) => event.complaintId)).size;
    report.events += events.length;
    await deps.take(events);
  }
  return report;
}

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs `sweep` at once and then every `intervalMs`, never two at a time (a slow sweep makes the next tick
 * skip); a failure is reported to `onError` and the timer goes on. Returns `stop`, after which no sweep starts.
 */
export function startEscalationSweeps(
  sweep: (now: string) => Promise<SweepReport>,
  clock: () => string,
  onError: (error: unknown) => void,
  intervalMs = SWEEP_INTERVAL_MS,
): () => void {
  let stopped = false;
  let running = false;
  async function tick(): Promise<void> {
    if (stopped || running) return;
    running = true;
    try {
      const report = await sweep(clock());
      // After stop the database is closing under a sweep still under way: its failures are expected.
      if (report.failures.length > 0 && !stopped) onError(report.failures);
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      running = false;
    }
  }
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
