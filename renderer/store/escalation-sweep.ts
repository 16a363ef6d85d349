/**
 * The automatic escalations of SPEC §5 that no user action sets off: the tier's deadline passing unresolved,
 * and a month unresolved raising the major flag. The pure rule (shared/escalation/rules.ts) decides; this
 * finds the complaints it could apply to without folding the whole register, and writes what it returns
 * through the commands' own write path, one transaction per complaint, journaled like any event.
 *
 * Candidates come from two indexes, never from a scan of the register:
 *   - `nextDeadlineAt <= now`: the row's nearest running deadline is never later than its tier deadline, so
 *     every complaint whose tier clock ran out is in this range (a paused row has no running clock); rows at
 *     T4 without flags are left out, as nothing but the month rule can be due for them;
 *   - `[status+receivedAt]` for the unresolved statuses, received `majorUnresolvedDays` ago or earlier, not
 *     yet flagged: the month rule counts calendar days from receipt, paused or not.
 * Each candidate is folded again inside its write transaction, so a sweep racing a command (or another sweep)
 * decides on the latest events, and a second sweep at the same `now` writes nothing.
 */
import { Dexie } from 'dexie';
import { SYSTEM_USER_ID, type ComplaintId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import type { Actor, CommandContext } from '../../shared/domain/commands/context';
import type { DomainEvent } from '../../shared/domain/events';
import type { Status } from '../../shared/domain/vocabulary';
import { runDueEscalations } from '../../shared/escalation/rules';
import type { Policy } from '../../shared/policy/policy';
import { ok, type Refusal } from '../../shared/result';
import type { DeskDb } from './db';
import type { ComplaintRecord } from './records';
import { writeCommand } from './write';

/**
 * The actor of every automatic escalation, as in the seed's stories. The escalation rule has no gate, so the
 * role is not checked; it names who would be allowed to take the same step by hand.
 */
export const SYSTEM_ACTOR: Actor = { id: SYSTEM_USER_ID, role: 'supervisor' };

/** Statuses in which a complaint counts as unresolved for the month rule (resolved and terminal ones do not). */
const UNRESOLVED_STATUSES: readonly Status[] = ['registered', 'acknowledged', 'investigating', 'resolution_proposed', 'awaiting_customer', 'reopened', 'appealed'];

const DAY_MS = 86_400_000;

export interface SweepDeps {
  db: DeskDb;
  place: Parameters<typeof writeCommand>[1];
  policy: Policy;
  calendar: WorkingCalendar;
  newId: () => string;
  /** Hands written events to main's journal (the store's journal flusher). */
  journal: (events: readonly DomainEvent[]) => Promise<unknown>;
}

export interface SweepReport {
  /** Complaints folded because an index said one of their clocks may be due. */
  candidates: number;
  /** Complaints that were escalated, and the Escalated events written for them. */
  escalated: number;
  events: number;
  /** Complaints whose escalation could not be saved (storage failures); the next sweep tries them again. */
  failures: Refusal[];
}

/** The ids of open complaints one of whose automatic escalations may be due at `now` (a superset; the rule decides). */
export async function escalationCandidates(db: DeskDb, policy: Policy, now: string): Promise<ComplaintId[]> {
  const nowIso = new Date(now).toISOString();
  const monthAgo = new Date(Date.parse(now) - policy.majorUnresolvedDays * DAY_MS).toISOString();
  // Whole ranges read at once (getAll) and filtered here: both ranges hold open complaints only, and stepping
  // a cursor through them was 45× slower (fake-indexeddb, 100 000 complaints: 16 s against 0.35 s).
  const [overdue, ...unresolvedLong] = await Promise.all([
    db.complaints.where('nextDeadlineAt').belowOrEqual(nowIso).toArray(),
    ...UNRESOLVED_STATUSES.map((status) =>
      db.complaints.where('[status+receivedAt]').between([status, Dexie.minKey], [status, monthAgo], true, true).toArray(),
    ),
  ]);
  const open = (row: ComplaintRecord): boolean => row.terminal === 0;
  // At T4 no tier clock runs: an overdue T4 row can only be due for its major flags (the month flag is the other range's).
  const tierDue = overdue.filter((row) => open(row) && (row.tier !== 'T4' || row.flags.length > 0));
  const monthDue = unresolvedLong.flat().filter((row) => open(row) && !row.flags.includes('unresolved_month'));
  return [...new Set([...tierDue, ...monthDue].map((row) => row.id))];
}

/** Appends every automatic escalation due at `now`; complaints are written one at a time, each in its own transaction. */
export async function sweepEscalations(deps: SweepDeps, now: string): Promise<SweepReport> {
  const { db, place, policy, calendar, newId } = deps;
  const ctx: CommandContext = { now, actor: SYSTEM_ACTOR, newId, policy };
  const candidates = await escalationCandidates(db, policy, now);
  const report: SweepReport = { candidates: candidates.length, escalated: 0, events: 0, failures: [] };
  for (const complaintId of candidates) {
    const written = await writeCommand(db, place, complaintId, (state) => ok({ drafts: state ? runDueEscalations(state, calendar, ctx) : [] }));
    if (!written.ok) {
      report.failures.push(written.error);
      continue;
    }
    if (written.value.length === 0) continue;
    report.escalated += 1;
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
