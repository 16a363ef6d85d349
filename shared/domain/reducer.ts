/**
 * The one reducer (DESIGN "The spine: events"): a complaint's state is the fold of its events, in `seq`
 * order. The renderer, the head-office importer and the tests all fold with this file, so it must be
 * deterministic (nothing but the events goes in) and fast (whole databases are rebuilt from the log).
 *
 * Events reaching the reducer were parsed (`parseEvent`) and produced by commands that checked the workflow,
 * so the reducer records what happened rather than re-judging it. What it does refuse — by throwing a
 * ReplayError, because a caller passing them is a bug, not a user mistake — is a log that cannot be one
 * complaint's history: a foreign event, a first event that is not Registered, or `seq` going backwards.
 */
import { withoutFileName } from './anonymise';
import type { DomainEvent, EventOf } from './events';
import { copyState, type ComplaintState, type CorrectiveAction, type Mutable } from './state';

export type ReplayErrorCode = 'no_events' | 'not_registered_first' | 'already_registered' | 'wrong_complaint' | 'wrong_branch' | 'seq_out_of_order';

export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  constructor(
    readonly code: ReplayErrorCode,
    message: string,
    readonly eventId?: string,
  ) {
    super(message);
  }
}

/**
 * A fold's working copy, written in place, arrays replaced (never pushed) so older states stay intact: private to a
 * fold, or held by one caller who folds on (applyEventInPlace) and gives it to no one who keeps it.
 */
export type FoldDraft = Mutable<ComplaintState>;

/** The state after one more event (`undefined` before the first). Returns a new object; `state` is unchanged. */
export function applyEvent(state: ComplaintState | undefined, event: DomainEvent): ComplaintState {
  return applyEventInPlace(state === undefined ? undefined : copyState(state), event);
}

/**
 * Fold a complaint's whole history, oldest first. Equal to applying the events one by one with applyEvent. The
 * state answered is new and the caller's own: it may go on folding it in place (applyEventInPlace).
 */
export function foldComplaint(events: Iterable<DomainEvent>): FoldDraft {
  let state: FoldDraft | undefined;
  for (const event of events) state = applyEventInPlace(state, event);
  if (state === undefined) throw new ReplayError('no_events', 'A complaint needs at least its Registered event');
  return state;
}

/**
 * The state after one more event, written into `state` itself (`undefined` before the first: a new one). For a
 * fold that goes on over time, as a restore folds each complaint across many pages: applyEvent's copy for every
 * event was most of what a restore of a million events allocated. A ReplayError may leave `state` part-way.
 */
export function applyEventInPlace(state: FoldDraft | undefined, event: DomainEvent): FoldDraft {
  if (state === undefined) return registeredState(event);
  assertNext(state, event);
  apply(state, event);
  return state;
}

function assertNext(state: ComplaintState, event: DomainEvent): void {
  if (event.complaintId !== state.id) {
    throw new ReplayError('wrong_complaint', `Event ${event.id} belongs to complaint ${event.complaintId}, not ${state.id}`, event.id);
  }
  if (event.branch !== state.branch) {
    throw new ReplayError('wrong_branch', `Event ${event.id} comes from branch ${event.branch}, not ${state.branch}`, event.id);
  }
  if (event.seq <= state.lastSeq) {
    throw new ReplayError('seq_out_of_order', `Event ${event.id} has seq ${event.seq}, after seq ${state.lastSeq}`, event.id);
  }
}

function registeredState(event: DomainEvent): FoldDraft {
  if (event.type !== 'Registered') {
    throw new ReplayError('not_registered_first', `Complaint ${event.complaintId} starts with ${event.type}, not Registered`, event.id);
  }
  const p = event.payload;
  // Every key is present (optional ones as undefined), in copyState's order, so all states share one shape.
  return {
    id: event.complaintId,
    number: p.number,
    branch: event.branch,
    receivedAt: p.receivedAt,
    registeredAt: event.at,
    registeredBy: event.actor,
    receivedBy: p.receivedBy,
    channel: p.channel,
    category: p.category,
    subCategory: p.subCategory,
    nature: p.nature,
    anonymous: p.anonymous,
    complainant: p.complainant,
    collectiveCount: p.collective?.count,
    incident: p.incident,
    description: p.description,
    requests: p.requests,
    requestedAmount: p.requestedAmount,
    requestText: p.requestText,
    evidence: p.evidence,
    repeatOf: p.repeatOf,
    confirmation: p.confirmation?.method,
    status: 'registered',
    statusBeforePause: undefined,
    terminal: false,
    grade: p.grade,
    gradeChanges: [],
    policyVersion: p.policyVersion,
    validity: undefined,
    // The counter's impression until a supervisor assesses (older registrations did not keep it).
    severity: p.impression?.severity,
    urgency: p.impression?.urgency,
    spread: p.impression?.spread,
    flags: p.flags,
    routes: [],
    tier: 'T1',
    // The clocks run from when the customer complained, not from when it was typed in.
    tierSince: p.receivedAt,
    assignee: p.receivedBy,
    department: p.incident.department,
    acknowledgedAt: undefined,
    firstRepliedAt: undefined,
    resolutionStartedAt: p.receivedAt,
    resolvedAt: undefined,
    closedAt: undefined,
    pauses: [],
    extension: undefined,
    extensionCount: 0,
    investigation: undefined,
    proposal: undefined,
    customerRejectedAt: undefined,
    resolution: undefined,
    followUps: [],
    reopenCount: 0,
    rejection: undefined,
    voided: undefined,
    correctiveActions: [],
    printCount: 0,
    anonymised: undefined,
    lastSeq: event.seq,
    eventCount: 1,
    updatedAt: event.at,
  };
}

const STARTS_INVESTIGATION = new Set(['registered', 'acknowledged', 'reopened', 'appealed']);

function apply(s: FoldDraft, event: DomainEvent): void {
  s.lastSeq = event.seq;
  s.eventCount += 1;
  s.updatedAt = event.at;
  const at = event.at;
  switch (event.type) {
    case 'Registered':
      throw new ReplayError('already_registered', `Complaint ${s.id} is registered twice (event ${event.id})`, event.id);
    case 'Assessed': {
      const p = event.payload;
      s.validity = p.validity;
      s.severity = p.severity;
      s.urgency = p.urgency;
      s.spread = p.spread;
      s.flags = p.flags;
      regrade(s, p.grade, at);
      s.policyVersion = p.policyVersion;
      return;
    }
    case 'Acknowledged':
      s.acknowledgedAt ??= at;
      if (s.status === 'registered') s.status = 'acknowledged';
      return;
    case 'Assigned':
      s.assignee = event.payload.to;
      if (event.payload.department !== undefined) s.department = event.payload.department;
      return;
    case 'Escalated':
      return escalate(s, event);
    case 'NoteAdded':
      if (event.payload.contactedCustomer) s.firstRepliedAt ??= at;
      return;
    case 'InvestigationRecorded': {
      const { findings, rootCause, responsibleDepartment, responsiblePerson, interviewed, cannotResolveAlone } = event.payload;
      s.investigation = { findings, rootCause, responsibleDepartment, responsiblePerson, interviewed, cannotResolveAlone, atTier: s.tier, at };
      if (STARTS_INVESTIGATION.has(s.status)) s.status = 'investigating';
      return;
    }
    case 'ResolutionProposed': {
      const { offers, amount, text } = event.payload;
      s.proposal = { offers, amount, text, at, accepted: undefined, respondedAt: undefined };
      s.status = 'resolution_proposed';
      s.firstRepliedAt ??= at;
      return;
    }
    case 'CustomerResponded':
      if (s.proposal) {
        const { offers, amount, text, at: proposedAt } = s.proposal;
        s.proposal = { offers, amount, text, at: proposedAt, accepted: event.payload.accepted, respondedAt: at };
      }
      if (!event.payload.accepted) {
        s.customerRejectedAt = at;
        // Back to work on a better proposal; the command escalates at the same time.
        s.status = 'investigating';
      }
      return;
    case 'Resolved': {
      const { communicatedBy, communicatedAt, summary } = event.payload;
      s.resolution = { communicatedBy, communicatedAt, summary, at };
      s.resolvedAt = at;
      s.status = 'resolved';
      s.firstRepliedAt ??= at;
      return;
    }
    case 'Paused':
      s.pauses = [...s.pauses, { from: at, to: undefined }];
      s.statusBeforePause = s.status;
      s.status = 'awaiting_customer';
      s.firstRepliedAt ??= at;
      return;
    case 'Resumed':
      endPause(s, at);
      s.status = s.statusBeforePause ?? 'investigating';
      s.statusBeforePause = undefined;
      return;
    case 'Extended':
      s.extension = { newDeadline: event.payload.newDeadline, reason: event.payload.reason, approvedBy: event.payload.approvedBy, at };
      s.extensionCount += 1;
      return;
    case 'FollowedUp': {
      const { method, reached, satisfaction } = event.payload;
      s.followUps = [...s.followUps, { at, method, reached, satisfaction }];
      if (reached) s.status = 'followed_up';
      return;
    }
    case 'Reopened':
      // A new round of handling: a new resolution clock, which may again be extended once.
      s.status = event.payload.appeal ? 'appealed' : 'reopened';
      s.resolutionStartedAt = at;
      s.resolvedAt = undefined;
      s.closedAt = undefined;
      s.terminal = false;
      s.resolution = undefined;
      s.proposal = undefined;
      s.extension = undefined;
      s.extensionCount = 0;
      s.reopenCount += 1;
      return;
    case 'Rejected':
      s.rejection = { reason: event.payload.reason, text: event.payload.text, at };
      s.firstRepliedAt ??= at;
      return end(s, 'rejected', at);
    case 'Voided':
      s.voided = { reason: event.payload.reason, at };
      return end(s, 'voided', at);
    case 'Closed':
      s.closedAt = at;
      return end(s, 'closed', at);
    case 'CorrectiveActionOpened': {
      const { actionId, owner, dueDate, description } = event.payload;
      const action: CorrectiveAction = { id: actionId, owner, dueDate, description, openedAt: at, closedAt: undefined, outcome: undefined };
      s.correctiveActions = [...s.correctiveActions, action];
      return;
    }
    case 'CorrectiveActionClosed': {
      const { actionId, outcome } = event.payload;
      s.correctiveActions = s.correctiveActions.map((a) =>
        a.id === actionId ? { id: a.id, owner: a.owner, dueDate: a.dueDate, description: a.description, openedAt: a.openedAt, closedAt: at, outcome } : a,
      );
      return;
    }
    case 'EvidenceAttached':
      s.evidence = [...s.evidence, ...event.payload.evidence];
      return;
    case 'RecordPrinted':
      s.printCount += 1;
      return;
    case 'Anonymised':
      s.complainant = {};
      s.evidence = s.evidence.map(withoutFileName);
      s.anonymised = { at, by: event.actor, removed: event.payload.removed, evidenceFiles: event.payload.evidenceFiles };
      return;
  }
}

function escalate(s: FoldDraft, event: EventOf<'Escalated'>): void {
  const { toTier, route, flags } = event.payload;
  if (toTier !== s.tier) {
    s.tier = toTier;
    s.tierSince = event.at;
  }
  if (route !== undefined && !s.routes.includes(route)) s.routes = [...s.routes, route];
  if (flags !== undefined && flags.length > 0) {
    const added = flags.filter((flag) => !s.flags.includes(flag));
    if (added.length > 0) s.flags = [...s.flags, ...added];
    regrade(s, 1, event.at); // a major flag forces grade 1 (SPEC §2)
  }
}

/** A new grade from `at`; the clocks judge what was already decided under the old one by the old one. */
function regrade(s: FoldDraft, grade: FoldDraft['grade'], at: string): void {
  if (grade === s.grade) return;
  s.gradeChanges = [...(s.gradeChanges ?? []), { at, from: s.grade, to: grade }];
  s.grade = grade;
}

function endPause(s: FoldDraft, at: string): void {
  const last = s.pauses[s.pauses.length - 1];
  if (last && last.to === undefined) s.pauses = [...s.pauses.slice(0, -1), { from: last.from, to: at }];
}

/** A terminal event: the clocks stop, including a wait on the customer still open. */
function end(s: FoldDraft, status: 'closed' | 'rejected' | 'voided', at: string): void {
  endPause(s, at);
  s.statusBeforePause = undefined;
  s.status = status;
  s.terminal = true;
}
