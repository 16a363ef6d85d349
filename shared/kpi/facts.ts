/**
 * What the KPIs need of one complaint, taken when the complaint changes (the renderer's projection writes them
 * with its row), so a dashboard over 100 000 complaints reads plain values instead of folding events and
 * computing clocks on every view.
 *
 * An on-time verdict depends on "now": a clock still running at the last step turns missed once its deadline
 * passes, with no event. So a clock is kept as its verdict at the last step plus, while it runs, the instant it
 * turns missed (`missAtMs`); `verdictAt` gives the verdict at any later instant, equal to `computeKpis`' (which
 * computes the clocks at that instant): without an event nothing else about a clock changes — a paused clock
 * stays as it was until the customer answers, a decided one stays decided.
 */
import type { ComplaintId } from '../brand';
import { instantMs } from '../calendar/instant';
import type { WorkingCalendar } from '../calendar';
import { computeGradedClocks, type Clock } from '../deadlines/clocks';
import type { ComplaintState } from '../domain/state';
import type { Policy } from '../policy/policy';
import { addTo, emptyTally, latestSatisfaction, outcomeOf, type Outcome, type Tally } from './kpi';
import { contactRef, customerKeysOf, repeatRefs, type KeyedContact } from './repeats';

export interface ClockFact {
  /** The verdict when the facts were taken. */
  readonly verdict: Outcome;
  /** Undecided and running: the clock is missed at any instant after this one (epoch ms). */
  readonly missAtMs?: number;
}

export interface CorrectiveActionFact {
  readonly id: string;
  readonly owner: string;
  /** Local day, `YYYY-MM-DD`: overdue once a later day has begun and it is still open. */
  readonly dueDate: string;
  readonly description: string;
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly outcome?: string;
}

export interface KpiFacts {
  readonly id: ComplaintId;
  readonly number: string;
  /** ISO instant, one spelling (ms, Z): the store indexes it. */
  readonly receivedAt: string;
  readonly receivedMs: number;
  /** A voided record was a mistake: it counts nowhere. */
  readonly voided: boolean;
  readonly status: string;
  readonly terminal: boolean;
  readonly grade: 1 | 2 | 3 | 4;
  readonly channel: string;
  readonly category: string;
  /** '' when none. */
  readonly subCategory: string;
  /** The handling department; '' when none was set. */
  readonly department: string;
  /** The assignee's user id. */
  readonly person: string;
  /** The investigation's root cause as written, trimmed; '' when none. */
  readonly rootCause: string;
  readonly flags: readonly string[];
  readonly response: ClockFact;
  readonly resolution: ClockFact;
  /** Not rejected and not assessed not liable. */
  readonly resolvable: boolean;
  /** Has a resolution in force. */
  readonly resolved: boolean;
  /** The latest reached follow-up's score, 1–5; absent when none. */
  readonly satisfaction?: number;
  /** Registered as a repeat of an earlier complaint, or flagged `repeat`. */
  readonly ownRepeat: boolean;
  /**
   * The customer's identifiers as the repeat rule compares them (shared/kpi/repeats.ts); only where complaints are
   * linked by customer (head office's screens), else none.
   */
  readonly customerKeys: readonly string[];
  /** What the KPIs count: `ownRepeat`, or (linked by customer) the customer complained before (`withCustomerRepeats`, the store's linking). */
  readonly repeat: boolean;
  readonly acknowledgedAt?: string;
  readonly firstRepliedAt?: string;
  readonly resolvedAt?: string;
  readonly correctiveActions: readonly CorrectiveActionFact[];
}

function clockFact(clock: Clock, endedUnresolved: boolean): ClockFact {
  // A complaint that ended without a resolution had nothing to resolve in time (kpi.ts): its resolution clock never counts.
  if (endedUnresolved) return { verdict: 'undecided' };
  const verdict = outcomeOf(clock);
  const running = clock.state === 'on_time' || clock.state === 'due_soon';
  return running ? { verdict, missAtMs: clock.deadlineMs } : { verdict };
}

/** The facts of a complaint as of its last event (`state.updatedAt`); `linkCustomers` takes its customer keys too. */
export function kpiFactsOf(state: ComplaintState, policy: Policy, calendar: WorkingCalendar, linkCustomers = false): KpiFacts {
  const ownRepeat = state.repeatOf !== undefined || state.flags.includes('repeat');
  const clocks = computeGradedClocks(state, policy, calendar, state.updatedAt);
  const receivedAt = new Date(state.receivedAt).toISOString();
  const satisfaction = latestSatisfaction(state);
  const facts: KpiFacts = {
    id: state.id,
    number: state.number,
    receivedAt,
    receivedMs: instantMs(receivedAt),
    voided: state.status === 'voided',
    status: state.status,
    terminal: state.terminal,
    grade: state.grade,
    channel: state.channel,
    category: state.category,
    subCategory: state.subCategory ?? '',
    department: state.department ?? '',
    person: state.assignee,
    rootCause: state.investigation?.rootCause?.trim() ?? '',
    flags: [...state.flags],
    response: clockFact(clocks.response, false),
    resolution: clockFact(clocks.resolution, state.terminal && state.resolvedAt === undefined),
    resolvable: state.status !== 'rejected' && state.validity !== 'not_liable',
    resolved: state.resolvedAt !== undefined,
    ownRepeat,
    customerKeys: linkCustomers ? customerKeysOf(state.complainant) : [],
    repeat: ownRepeat,
    correctiveActions: state.correctiveActions.map((action) => ({ ...action })),
    ...(satisfaction === undefined ? {} : { satisfaction }),
    ...(state.acknowledgedAt ? { acknowledgedAt: state.acknowledgedAt } : {}),
    ...(state.firstRepliedAt ? { firstRepliedAt: state.firstRepliedAt } : {}),
    ...(state.resolvedAt ? { resolvedAt: state.resolvedAt } : {}),
  };
  return facts;
}

/** A complaint number begins with its branch's code (`SH01-20261101-0001`). */
export const branchOfFacts = (facts: Pick<KpiFacts, 'number'>): string => facts.number.slice(0, facts.number.indexOf('-'));

/** The facts as the repeat rule compares them. */
export const contactOfFacts = (facts: Pick<KpiFacts, 'id' | 'number' | 'receivedMs' | 'customerKeys'>): KeyedContact => ({
  ref: contactRef(branchOfFacts(facts), facts.id),
  receivedMs: facts.receivedMs,
  customerKeys: facts.customerKeys,
});

/** `facts` with `repeat` counting, besides their own, the complaints whose customer complained before among them all. */
export function withCustomerRepeats<F extends KpiFacts>(facts: readonly F[]): F[] {
  const repeats = repeatRefs(facts.map(contactOfFacts));
  return facts.map((fact) => {
    const repeat = fact.ownRepeat || repeats.has(contactOfFacts(fact).ref);
    return repeat === fact.repeat ? fact : { ...fact, repeat };
  });
}

/** The clock's verdict at `nowMs` (not before the facts were taken). */
export function verdictAt(clock: ClockFact, nowMs: number): Outcome {
  if (clock.verdict === 'undecided' && clock.missAtMs !== undefined && nowMs > clock.missAtMs) return 'missed';
  return clock.verdict;
}

/** Adds one complaint's facts to a tally, as `computeKpis` adds a complaint's state. */
export function tallyFact(tally: Tally, facts: KpiFacts, nowMs: number): void {
  addTo(tally, verdictAt(facts.response, nowMs), verdictAt(facts.resolution, nowMs), facts.resolvable, facts.resolved, facts.satisfaction, facts.repeat);
}

export function tallyOf(facts: Iterable<KpiFacts>, nowMs: number): Tally {
  const tally = emptyTally();
  for (const fact of facts) tallyFact(tally, fact, nowMs);
  return tally;
}

/** An open corrective action past its due day (`today`, the branch's local `YYYY-MM-DD`). */
export const isActionOverdue = (action: CorrectiveActionFact, today: string): boolean => action.closedAt === undefined && action.dueDate < today;
