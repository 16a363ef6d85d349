/**
 * Main's authority over the record (DESIGN "Main is the authority"). Every step a window proposes is decided
 * here, with the shared rules, on the complaint's state folded from main's OWN journal: the actor is the signed-in
 * person of that window, the role gate and the step's own checks are the command's, the sequence number and the
 * complaint number are allocated here. Only what is on disk (fsync'd) is answered, so a number a clerk reads
 * out to a customer can never be handed out again — not by a second window, not after a crash.
 *
 * Decisions run one at a time (the state a decision reads is the state the previous one left), and a step
 * re-sent after a lost answer (same request id) gets the events it was first given instead of being decided twice
 * — also after main restarted: the ids a decision makes (event ids, a new complaint's id) are derived from the
 * person and the request id, so the journal itself says which request its events answered.
 */
import { createHash } from 'node:crypto';
import type { BranchSetup } from '../../shared/api/schemas';
import type { ComplaintId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import type { Actor, CommandContext } from '../../shared/domain/commands';
import { isDueForAnonymisation, withoutPersonalData } from '../../shared/domain/anonymise';
import { decideDueEscalations, decideStep, type StepRequest } from '../../shared/domain/decide';
import type { DomainEvent } from '../../shared/domain/events';
import { formatComplaintNumber, localDateKey, parseComplaintNumber } from '../../shared/domain/numbering';
import { applyEvent } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { policyFor, type PolicyBook } from '../../shared/policy/book';
import { ok, refuse, type Result } from '../../shared/result';
import type { Journal } from './journal';
import { createSerial } from './serial';

/** Answers kept for re-sent requests: enough for any retry a window makes after a lost answer. */
const REMEMBERED_ANSWERS = 1000;
const READ_PAGE = 5000;
/** `r<32 hex>-<n>`: the n-th id made while deciding one request (see `requestKey`). */
const REQUEST_ID = /^(r[0-9a-f]{32})-\d+$/;

/** One person's request, as a key: who asked and their request id. */
const requestKey = (actor: Actor, requestId: string): string => `r${createHash('sha256').update(`${actor.id}\n${requestId}`).digest('hex').slice(0, 32)}`;

export interface AuthorityDeps {
  readonly journal: Journal<DomainEvent>;
  readonly branch: () => Promise<BranchSetup | undefined>;
  /** The policy versions the branch has run: a complaint is decided under the one it was graded under, a new one under the one in force. */
  readonly policies: () => PolicyBook;
  /** The working calendar in force now (an admin may import a holiday notice while main runs). */
  readonly calendar: () => WorkingCalendar;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface Decision {
  /** Every event the step journaled, in seq order (the step's own, then the escalations it set off). */
  readonly events: DomainEvent[];
  readonly journaledThroughSeq: number;
}

export interface Authority {
  /** Decides and journals one step for `actor`; a refusal journals nothing. */
  decide(actor: Actor, requestId: string, request: StepRequest): Promise<Result<Decision>>;
  /** Journals the automatic escalations due now on these complaints (the window's sweep names candidates; the rule decides). */
  escalateDue(complaintIds: readonly ComplaintId[]): Promise<Result<Decision>>;
  /** The complaint as main's journal has it. */
  complaint(id: ComplaintId): ComplaintState | undefined;
  /** The complaint whose last event is the journal's event `seq`, if any (a journal page's `completedHistories`). */
  lastEventAt(seq: number): ComplaintId | undefined;
  /** The complaint registered by the journal's event `seq`, if any (whose contacts a reader may not see). */
  registeredAt(seq: number): ComplaintId | undefined;
  /** Every complaint as main's journal has it (reports compute their figures from these). */
  complaints(): Iterable<ComplaintState>;
  /** Complaints ended before `endedBefore` that still hold personal data. */
  dueForAnonymisation(endedBefore: string): ComplaintState[];
  /**
   * Journals an `Anonymised` event for each complaint due (one step for all, by an admin), refused when they are
   * not the `expected` number the admin confirmed (checked in the same turn as the decision). The caller then
   * deletes the evidence files named and rewrites the journal (retention.ts): until it has, `unfinishedAnonymisation`
   * names them, also after a crash.
   */
  anonymise(actor: Actor, endedBefore: string, expected: number): Promise<Result<Anonymisation>>;
  /** Anonymised complaints whose earlier journal lines still hold personal data, and the files only they used. */
  unfinishedAnonymisation(): Anonymisation;
  /** The journal was rewritten without these complaints' personal data: forget it here too. */
  personalDataRemoved(complaintIds: readonly ComplaintId[]): void;
}

export interface Anonymisation {
  readonly complaintIds: ComplaintId[];
  /** Evidence files no complaint that keeps its personal data refers to. */
  readonly evidence: string[];
  readonly journaledThroughSeq: number;
}

export async function openAuthority(deps: AuthorityDeps): Promise<Authority> {
  const { journal } = deps;
  const states = new Map<ComplaintId, ComplaintState>();
  const numbers = new Set<string>();
  /** Highest daily sequence per local date (`YYYYMMDD`) among the numbers given. */
  const daily = new Map<string, number>();
  const answers = new Map<string, Decision>();
  /** By seq: the complaints' last events, and their registrations (journal pages are sent on unparsed). */
  const lastEvents = new Map<number, ComplaintId>();
  const registrations = new Map<number, ComplaintId>();
  /** Complaints with journal lines that hold personal data (most of them, until retention ends). */
  const holdsPersonalData = new Set<ComplaintId>();
  const serial = createSerial();

  function take(events: readonly DomainEvent[]): void {
    for (const event of events) {
      const before = states.get(event.complaintId);
      if (before) lastEvents.delete(before.lastSeq);
      states.set(event.complaintId, applyEvent(before, event));
      lastEvents.set(event.seq, event.complaintId);
      if (withoutPersonalData(event) !== event) holdsPersonalData.add(event.complaintId);
      if (event.type !== 'Registered') continue;
      registrations.set(event.seq, event.complaintId);
      numbers.add(event.payload.number);
      const parts = parseComplaintNumber(event.payload.number);
      if (parts.ok) daily.set(parts.value.localDate, Math.max(daily.get(parts.value.localDate) ?? 0, parts.value.seq));
    }
  }

  for (let afterSeq = 0; ; ) {
    const page = await journal.read(afterSeq, READ_PAGE);
    take(page.events);
    // The answers given before a restart, for a window that re-sends a step whose answer it never got.
    for (const event of page.events) {
      const key = REQUEST_ID.exec(event.id)?.[1];
      if (key) remember(key, { events: [...(answers.get(key)?.events ?? []), event], journaledThroughSeq: event.seq });
    }
    const last = page.events[page.events.length - 1];
    if (!last || last.seq >= page.lastSeq) break;
    afterSeq = last.seq;
  }

  function remember(key: string, decision: Decision): void {
    answers.set(key, decision);
    if (answers.size > REMEMBERED_ANSWERS) answers.delete(answers.keys().next().value ?? key);
  }

  async function journalEvents(events: DomainEvent[], branch: BranchSetup): Promise<Result<Decision>> {
    if (events.length === 0) return ok({ events, journaledThroughSeq: journal.lastSeq() });
    let appended: Awaited<ReturnType<typeof journal.append>>;
    try {
      appended = await journal.append(events, branch.code);
    } catch (error) {
      // A full or read-only disk: nothing was kept (the journal cuts a half-written batch off), and the person must hear it.
      return refuse('journal_write_failed', `The journal could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!appended.ok) return appended;
    take(events);
    return ok({ events, journaledThroughSeq: appended.value.journaledThroughSeq });
  }

  async function decide(actor: Actor, requestId: string, request: StepRequest): Promise<Result<Decision>> {
    const key = requestKey(actor, requestId);
    const earlier = answers.get(key);
    if (earlier) return ok(earlier);
    const branch = await deps.branch();
    if (!branch) return refuse('not_configured', 'Set up the branch first.');
    const now = deps.now().toISOString();
    let made = 0;
    const state = request.complaintId === undefined ? undefined : states.get(request.complaintId);
    const ctx: CommandContext = { now, actor, newId: () => `${key}-${made++}`, policy: policyFor(deps.policies(), state), calendar: deps.calendar() };
    let input = request.input;
    if (request.action === 'register') {
      // The number is main's to give: the next of the branch's local day, whatever the caller put in.
      const localDate = localDateKey(now, branch.timeZone);
      const number = formatComplaintNumber(branch.code, localDate, (daily.get(localDate) ?? 0) + 1);
      if (numbers.has(number)) throw new Error(`complaint number ${number} would be given twice`);
      input = { ...(isRecord(request.input) ? request.input : {}), number };
    }
    const decided = decideStep(state, { ...request, input }, ctx, { branch: branch.code, firstSeq: journal.lastSeq() + 1 });
    if (!decided.ok) return decided;
    const journaled = await journalEvents(decided.value.events, branch);
    if (journaled.ok) remember(key, journaled.value);
    return journaled;
  }

  async function escalateDue(complaintIds: readonly ComplaintId[]): Promise<Result<Decision>> {
    const branch = await deps.branch();
    if (!branch) return refuse('not_configured', 'Set up the branch first.');
    const now = deps.now().toISOString();
    const calendar = deps.calendar();
    const events: DomainEvent[] = [];
    for (const id of new Set(complaintIds)) {
      const state = states.get(id);
      if (!state) continue;
      const ctx = { now, newId: deps.newId, policy: policyFor(deps.policies(), state), calendar };
      events.push(...decideDueEscalations(state, ctx, { branch: branch.code, firstSeq: journal.lastSeq() + 1 + events.length }).events);
    }
    return journalEvents(events, branch);
  }

  /** Files of these complaints that no other complaint (still holding its personal data) attached. */
  function evidenceOnlyOf(complaintIds: ReadonlySet<ComplaintId>): string[] {
    const kept = new Set<string>();
    for (const state of states.values()) if (!complaintIds.has(state.id) && state.anonymised === undefined) for (const file of state.evidence) kept.add(file.hash);
    const files = new Set<string>();
    for (const id of complaintIds) for (const file of states.get(id)?.evidence ?? []) if (!kept.has(file.hash)) files.add(file.hash);
    return [...files];
  }

  const dueForAnonymisation = (endedBefore: string) => [...states.values()].filter((state) => isDueForAnonymisation(state, endedBefore));

  async function anonymise(actor: Actor, endedBefore: string, expected: number): Promise<Result<Anonymisation>> {
    const branch = await deps.branch();
    if (!branch) return refuse('not_configured', 'Set up the branch first.');
    const due = dueForAnonymisation(endedBefore);
    if (due.length !== expected) return refuse('anonymisation_changed', `${expected} complaints were confirmed; ${due.length} are due now`, { params: { expected, found: due.length } });
    const now = deps.now().toISOString();
    const calendar = deps.calendar();
    const events: DomainEvent[] = [];
    for (const state of due) {
      const ctx: CommandContext = { now, actor, newId: deps.newId, policy: policyFor(deps.policies(), state), calendar };
      const decided = decideStep(state, { action: 'anonymise', complaintId: state.id, input: { endedBefore } }, ctx, { branch: branch.code, firstSeq: journal.lastSeq() + 1 + events.length });
      if (!decided.ok) return decided;
      events.push(...decided.value.events);
    }
    const journaled = await journalEvents(events, branch);
    if (!journaled.ok) return journaled;
    const complaintIds = [...new Set(events.map((event) => event.complaintId))];
    return ok({ complaintIds, evidence: evidenceOnlyOf(new Set(complaintIds)), journaledThroughSeq: journaled.value.journaledThroughSeq });
  }

  function unfinishedAnonymisation(): Anonymisation {
    const complaintIds = [...holdsPersonalData].filter((id) => states.get(id)?.anonymised !== undefined);
    return { complaintIds, evidence: evidenceOnlyOf(new Set(complaintIds)), journaledThroughSeq: journal.lastSeq() };
  }

  function personalDataRemoved(complaintIds: readonly ComplaintId[]): void {
    const removed = new Set(complaintIds);
    for (const id of removed) holdsPersonalData.delete(id);
    // An answer kept for a re-sent request must not hand the removed data back either.
    for (const [key, decision] of answers) {
      if (decision.events.some((event) => removed.has(event.complaintId))) answers.set(key, { ...decision, events: decision.events.map((event) => (removed.has(event.complaintId) ? withoutPersonalData(event) : event)) });
    }
  }

  return {
    dueForAnonymisation,
    anonymise: (actor, endedBefore, expected) => serial(() => anonymise(actor, endedBefore, expected)),
    unfinishedAnonymisation,
    personalDataRemoved,
    decide: (actor, requestId, request) => serial(() => decide(actor, requestId, request)),
    escalateDue: (complaintIds) => serial(() => escalateDue(complaintIds)),
    complaint: (id) => states.get(id),
    lastEventAt: (seq) => lastEvents.get(seq),
    registeredAt: (seq) => registrations.get(seq),
    complaints: () => states.values(),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
