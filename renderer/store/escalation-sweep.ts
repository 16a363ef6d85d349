/**
 * The automatic escalations of SPEC §5 that no user action sets off: the tier's deadline passing unresolved,
 * and a month unresolved raising the major flag. The pure rule (shared/escalation/rules.ts) decides; this
 * finds the complaints it could apply to without folding the register, and writes what it returns through the
 * commands' own write path, journaled like any event.
 *
 * Candidates are the keys of one index range: every row carries `escalationDueAt`, the first instant one of
 * these two can fall due (deadline-columns.ts), so `escalationDueAt <= now` is exactly the complaints to look
 * at. Each is folded again inside the write transaction, so a sweep racing a command (or another sweep)
 * decides on the latest events, and a second sweep at the same `now` writes nothing.
 *
 * A desk that was off for a long while can find thousands due at once. They are written a batch per
 * transaction, with a pause for the screen between batches, so the register stays responsive meanwhile.
 */
import { SYSTEM_USER_ID, type ComplaintId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import type { Actor, CommandContext } from '../../shared/domain/commands/context';
import type { DomainEvent } from '../../shared/domain/events';
import { runDueEscalations } from '../../shared/escalation/rules';
import type { Policy } from '../../shared/policy/policy';
import { ok, type Refusal } from '../../shared/result';
import type { DeskDb } from './db';
import { writeComplaints, type Decide } from './write';

/**
 * The actor of every automatic escalation, as in the seed's stories. The escalation rule has no gate, so the
 * role is not checked; it names who would be allowed to take the same step by hand.
 */
export const SYSTEM_ACTOR: Actor = { id: SYSTEM_USER_ID, role: 'supervisor' };

/**
 * Complaints written per transaction, and the pause between two batches (the screen's turn). Every commit makes
 * the open screens query again, so fewer, larger batches finish a backlog sooner (100 per batch: 7 ms a
 * complaint with the register open, against 0.6 ms with no screen open).
 */
export const SWEEP_BATCH = 500;
const BATCH_PAUSE_MS = 50;

export interface SweepDeps {
  db: DeskDb;
  place: Parameters<typeof writeComplaints>[1];
  policy: Policy;
  calendar: WorkingCalendar;
  newId: () => string;
  /** Hands written events to main's journal (the store's journal flusher). */
  journal: (events: readonly DomainEvent[]) => Promise<unknown>;
}

export interface SweepReport {
  /** Complaints folded because the index said an escalation may be due. */
  candidates: number;
  /** Complaints that were escalated, and the Escalated events written for them. */
  escalated: number;
  events: number;
  /** Batches whose escalations could not be saved (storage failures); the next sweep tries them again. */
  failures: Refusal[];
}

/** The ids of complaints one of whose automatic escalations may be due at `now` (a superset; the rule decides). */
export async function escalationCandidates(db: DeskDb, now: string): Promise<ComplaintId[]> {
  return db.complaints.where('escalationDueAt').belowOrEqual(new Date(now).toISOString()).primaryKeys();
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Appends every automatic escalation due at `now`, a batch of complaints per transaction. */
export async function sweepEscalations(deps: SweepDeps, now: string): Promise<SweepReport> {
  const { db, place, policy, calendar, newId } = deps;
  const ctx: CommandContext = { now, actor: SYSTEM_ACTOR, newId, policy, calendar };
  const decide: Decide = (state) => ok({ drafts: state ? runDueEscalations(state, calendar, ctx) : [] });
  const candidates = await escalationCandidates(db, now);
  const report: SweepReport = { candidates: candidates.length, escalated: 0, events: 0, failures: [] };
  for (let start = 0; start < candidates.length; start += SWEEP_BATCH) {
    if (start > 0) await pause(BATCH_PAUSE_MS);
    const batch = candidates.slice(start, start + SWEEP_BATCH).map((complaintId) => ({ complaintId, decide }));
    const written = await writeComplaints(db, place, batch);
    if (!written.ok) {
      report.failures.push(written.error);
      continue;
    }
    if (written.value.length === 0) continue;
    report.escalated += new Set(written.value.map((event) => event.complaintId)).size;
    report.events += written.value.length;
    await deps.journal(written.value);
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
