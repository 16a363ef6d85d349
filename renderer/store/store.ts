/**
 * The desk's store: the commands the UI runs, each written through `writeCommand` (events + row + counters in
 * one transaction) and then handed to main's journal (a command resolves once main answered). Everything effectful — clock, ids, the api, the
 * signed-in user, the branch, policy and calendar — is passed in, so tests and benchmarks run the same code.
 */
import type { BranchCode, ComplaintId, UserId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { COMMANDS, type ActionName, type CommandContext } from '../../shared/domain/commands';
import type { RegisterInput as RegisterCommandInput } from '../../shared/domain/commands/registration';
import { formatComplaintNumber, localDateKey } from '../../shared/domain/numbering';
import type { ComplaintState } from '../../shared/domain/state';
import type { Role } from '../../shared/domain/vocabulary';
import { runDueEscalations } from '../../shared/escalation/rules';
import type { Policy } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import { dailyCounterKey } from './counters';
import type { DeskDb } from './db';
import { deadlineSummarizer } from './deadline-columns';
import { SYSTEM_ACTOR, sweepEscalations, type SweepReport } from './escalation-sweep';
import { createJournalFlusher, defaultRetryDelayMs, type JournalOptions } from './journal';
import type { StoreApi } from './ports';
import { mirrorUsers, reconcileWithJournal, type RestoreProgress, type RestoreReport } from './restore';
import { writeCommand } from './write';

export interface DeskStoreDeps {
  db: DeskDb;
  api: StoreApi;
  /** Current instant, ISO-8601 UTC. */
  clock: () => string;
  /** Fresh unique ids for complaints and events. */
  newId: () => string;
  session: { userId: UserId; role: Role };
  branch: { code: BranchCode; timeZone: string };
  policy: Policy;
  calendar: WorkingCalendar;
  journal?: JournalOptions;
}

/** What the registration form submits: the register command's input without the number the store allocates. */
export type RegisterInput = Omit<RegisterCommandInput, 'number'>;

export interface DeskStore {
  /** Registers a complaint and allocates its number; refusals (bad input, not allowed) write nothing. */
  register(input: RegisterInput): Promise<Result<{ id: ComplaintId; number: string }>>;
  /** Runs a workflow action (assess, acknowledge, escalate, …) on a complaint. */
  perform(complaintId: ComplaintId, action: Exclude<ActionName, 'register'>, input: unknown): Promise<Result<void>>;
  /**
   * Appends the automatic escalations due at `now` (tier deadline passed, a month unresolved) as the system
   * user, each complaint in its own transaction and journaled like a command; a second sweep at the same
   * `now` writes nothing. The app runs it on a timer.
   */
  sweepEscalations(now: string): Promise<SweepReport>;
  /** Sends every event main has not confirmed yet; resolves once main answered and the watermark is stored. */
  flushUnjournaled(): Promise<Result<{ journaledThroughSeq: number }>>;
  /** Events main has not confirmed yet (above the journal watermark). */
  pendingJournalCount(): Promise<number>;
  /**
   * On start: replays main's journal into an empty (or behind) database and mirrors users; resolves once the
   * counters are level with the journal, so numbering is safe. Events main lacks are re-sent in the background
   * (`pendingJournalCount` shows them; `flushUnjournaled` waits for them).
   */
  restoreIfEmpty(onProgress?: (progress: RestoreProgress) => void): Promise<Result<RestoreReport>>;
  refreshUsers(): Promise<Result<number>>;
  /** Stops retry timers and starts a last write of the journal watermark (the caller owns and closes the database). */
  dispose(): void;
}

export function createDeskStore(deps: DeskStoreDeps): DeskStore {
  const { db, api, clock, newId, session, branch, policy, calendar } = deps;
  const summarize = deadlineSummarizer(policy, calendar);
  const place = { branch: branch.code, summarize };
  const journal = createJournalFlusher(db, api, branch.code, { retryDelayMs: defaultRetryDelayMs, ...deps.journal });
  const context = (): CommandContext => ({ now: clock(), actor: { id: session.userId, role: session.role }, newId, policy, calendar });

  async function register(input: RegisterInput): Promise<Result<{ id: ComplaintId; number: string }>> {
    const ctx = context();
    const localDate = localDateKey(ctx.now, branch.timeZone);
    const counterKey = dailyCounterKey(branch.code, localDate);
    let number = '';
    const written = await writeCommand(
      db,
      place,
      undefined,
      (state, counter) => {
        const dailySeq = counter(counterKey) + 1;
        number = formatComplaintNumber(branch.code, localDate, dailySeq);
        const drafts = COMMANDS.register(state, { ...input, number }, ctx);
        return drafts.ok ? ok({ drafts: drafts.value, counters: [{ key: counterKey, last: dailySeq }] }) : drafts;
      },
      [counterKey],
    );
    if (!written.ok) return written;
    const registered = written.value[0];
    if (!registered) return refuse('storage_failed', 'The registration wrote no event');
    await journal.send(written.value);
    return ok({ id: registered.complaintId, number });
  }

  async function perform(complaintId: ComplaintId, action: Exclude<ActionName, 'register'>, input: unknown): Promise<Result<void>> {
    const command = Object.hasOwn(COMMANDS, action) ? COMMANDS[action] : undefined;
    if (!command) return refuse('unknown_action', `No such action: ${String(action)}`);
    const ctx = context();
    const written = await writeCommand(db, place, complaintId, (state) => {
      const drafts = command(state, input, ctx);
      // The rule runs after every change as well as on the sweep's timer: a regrade or a step taken after the
      // tier's deadline escalates with the step itself, not up to a minute later.
      const consequences = (after: ComplaintState) => runDueEscalations(after, calendar, { ...ctx, actor: SYSTEM_ACTOR });
      return drafts.ok ? ok({ drafts: drafts.value, consequences }) : drafts;
    });
    if (!written.ok) return written;
    if (written.value.length > 0) await journal.send(written.value);
    return ok(undefined);
  }

  return {
    register,
    perform,
    sweepEscalations: (now) => sweepEscalations({ db, place, policy, calendar, newId, journal: journal.send }, now),
    flushUnjournaled: journal.flush,
    pendingJournalCount: journal.pendingCount,
    async restoreIfEmpty(onProgress) {
      await journal.settle();
      const [restored] = await Promise.all([reconcileWithJournal(db, api, summarize, onProgress), mirrorUsers(db, api)]);
      journal.reload();
      // Not awaited: sending main what it lacks does not touch numbering. Even when main could not be read,
      // the flush runs — a failed one schedules the retries that pending events need.
      void journal.flush();
      return restored;
    },
    refreshUsers: () => mirrorUsers(db, api),
    dispose: journal.dispose,
  };
}
