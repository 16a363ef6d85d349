/**
 * The desk's store: the steps the UI takes. Main decides each one (DESIGN "Main is the authority"): the store
 * sends the step, main runs the shared command on its own journal's state, allocates the sequence and the
 * complaint number and answers once the events are fsync'd; only then are they written here, with the row and
 * the counters, in one transaction. So nothing on screen — a number, a "saved" — is ahead of the disk.
 *
 * Everything effectful (the api, ids, the clock for the sweep's candidates, policy and calendar for the rows) is
 * passed in, so tests and benchmarks run the same code against the real services.
 */
import type { ApiInput } from '../../shared/api/contract';
import type { ComplaintId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import type { ProposableAction } from '../../shared/domain/commands/context';
import { calendarFingerprint } from '../../shared/calendar/fingerprint';
import type { RegisterInput as RegisterCommandInput } from '../../shared/domain/commands/registration';
import type { DomainEvent } from '../../shared/domain/events';
import type { PolicyBook } from '../../shared/policy/book';
import { ok, refuse, type Result } from '../../shared/result';
import { JOURNALED_THROUGH_KEY, lastOf } from './counters';
import { reprojectForCalendar, type DeskDb } from './db';
import { stateSummarizer } from './summarize';
import { sweepEscalations, type SweepReport } from './escalation-sweep';
import { createEventImporter, highestLocalSeq, LogGapError } from './import-events';
import type { StoreApi } from './ports';
import { catchUp, mirrorUsers, reconcileWithJournal, type RestoreProgress, type RestoreReport } from './restore';

export interface DeskStoreDeps {
  db: DeskDb;
  api: StoreApi;
  /** Current instant, ISO-8601 UTC (the sweep's candidates; main decides on its own clock). */
  clock: () => string;
  /** Fresh unique ids for requests. */
  newId: () => string;
  /** Every policy version the branch ran: each row is counted under its complaint's own. */
  policies: PolicyBook;
  calendar: WorkingCalendar;
  /** Rows a restore holds before it writes them (restore-import.ts); tests make it small to see rows written along the way. */
  restoreRowsHeld?: number;
}

/** What the registration form submits: the register command's input without the number main allocates. */
export type RegisterInput = Omit<RegisterCommandInput, 'number'>;

export interface RegisterOptions {
  /** The assessment entered on the same form: decided with the registration, as one step. */
  assessment?: unknown;
  /** The form's id for this attempt, kept across its retries, so a retry after a lost answer registers once. */
  requestId?: string;
}

/** A step as sent to main; the request id defaults to a fresh one. */
type StepInput = Omit<ApiInput<'complaints.decide'>, 'requestId'> & { requestId?: string | undefined };

export interface DeskStore {
  /** Registers a complaint; the number is main's, given only once the registration is on disk. */
  register(input: RegisterInput, options?: RegisterOptions): Promise<Result<{ id: ComplaintId; number: string }>>;
  /** Runs a workflow action (assess, acknowledge, escalate, …) on a complaint. */
  perform(complaintId: ComplaintId, action: Exclude<ProposableAction, 'register'>, input: unknown): Promise<Result<void>>;
  /**
   * Asks main for the automatic escalations due on the complaints this copy's index says may be due at `now`
   * (tier deadline passed, a month unresolved); main decides on its own clock. The app runs it on a timer.
   */
  sweepEscalations(now: string): Promise<SweepReport>;
  /** Copies what main journaled since this copy's last event (other windows' steps). */
  catchUp(): Promise<Result<number>>;
  /** Events in this copy above the journal watermark (0: every event here came from main's journal). */
  pendingJournalCount(): Promise<number>;
  /**
   * On start: rebuilds the rows if they were computed on another working calendar, checks this copy against
   * main's journal (rebuilding it if it is not one), copies what is missing and mirrors users.
   */
  restoreIfEmpty(onProgress?: (progress: RestoreProgress) => void): Promise<Result<RestoreReport>>;
  refreshUsers(): Promise<Result<number>>;
}

export function createDeskStore(deps: DeskStoreDeps): DeskStore {
  const { db, api, newId, policies, calendar } = deps;
  const summarize = stateSummarizer(policies, calendar, db.linksCustomers);
  // One import at a time: a step's answer and a catch-up must not both write the same events.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  // New events may name people this copy has not heard of (at head office: a branch's accounts, sent with its
  // sync), so the user list is read again whenever some arrived.
  const syncUp = () =>
    inOrder(async () => {
      const caught = await catchUp(db, api, summarize);
      if (caught.ok && caught.value > 0) await mirrorUsers(db, api);
      return caught;
    });

  /** Writes events main journaled; when they do not follow this copy's last event, the journal is read up to them. */
  async function take(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await inOrder(() => createEventImporter(db, summarize).importChunk(events));
    } catch (error) {
      if (!(error instanceof LogGapError)) throw error;
      const caught = await syncUp();
      if (!caught.ok) throw new Error(caught.error.message);
    }
  }

  async function decide(request: StepInput): Promise<Result<DomainEvent[]>> {
    const decided = await api.call('complaints.decide', { ...request, requestId: request.requestId ?? newId() });
    if (!decided.ok) return decided;
    const { events } = decided.value;
    try {
      await take(events);
    } catch (error) {
      // Main has it on disk; only this window's copy lags. The next catch-up brings it; the step stands.
      console.error('The step is journaled, but this window could not show it yet', error);
    }
    return ok(events);
  }

  return {
    async register(input, options = {}) {
      const decided = await decide({ action: 'register', input, assessment: options.assessment, requestId: options.requestId });
      if (!decided.ok) return decided;
      const registered = decided.value[0];
      // Main answered, but not with what a registration journals: its answer is at fault, not this window's storage.
      if (registered?.type !== 'Registered') return refuse('bad_response', 'complaints.decide: the registration answered without its Registered event');
      return ok({ id: registered.complaintId, number: registered.payload.number });
    },
    async perform(complaintId, action, input) {
      const decided = await decide({ action, complaintId, input });
      return decided.ok ? ok(undefined) : decided;
    },
    sweepEscalations: (now) => sweepEscalations({ db, api, take }, now),
    catchUp: syncUp,
    async pendingJournalCount() {
      // The log is gap-free: what lies above the watermark is the difference of the two.
      const [mark, held] = await Promise.all([lastOf(db, JOURNALED_THROUGH_KEY), highestLocalSeq(db)]);
      return Math.max(0, held - mark);
    },
    restoreIfEmpty: async (onProgress) => {
      const reconciled = inOrder(async () => {
        // Rows are rebuilt when the calendar changed, or the book gained a version (a complaint another window
        // registered under it may have been counted here with an earlier one meanwhile).
        await reprojectForCalendar(db, `${calendarFingerprint(calendar.doc)} policies ${policies.versions.map((entry) => entry.policy.version).join(',')}`);
        return reconcileWithJournal(db, api, summarize, { onProgress, rowsHeld: deps.restoreRowsHeld });
      });
      const [restored] = await Promise.all([reconciled, mirrorUsers(db, api)]);
      return restored;
    },
    refreshUsers: () => mirrorUsers(db, api),
  };
}
