/**
 * From a complaint's state to its register row. The row carries the nearest deadline as plain instants
 * (`nextDeadlineAt`, `dueSoonAt`) so the register can show a live clock state for 100 000 rows without
 * folding a single complaint: comparing two strings with "now" is all a row needs at render time.
 */
import type { DomainEvent } from '../../shared/domain/events';
import type { ComplaintState } from '../../shared/domain/state';
import type { KpiFacts } from '../../shared/kpi/facts';
import type { Projector } from './db';
import type { Bit, ComplaintRecord, KpiFactsRow, SearchDoc } from './records';
import { maskPhone, searchDocText, searchTokens } from './search-text';

/** The deadline columns of a row: absent instants mean no clock is running. */
export interface DeadlineColumns {
  nextDeadlineAt?: string;
  nextDeadlineKind?: string;
  dueSoonAt?: string;
  paused: Bit;
  /** When an automatic escalation can first fall due without a step (deadline-columns.ts); absent when none can. */
  escalationDueAt?: string;
  /** The next deadline was counted past the end of the working calendar (`Clock.beyondCalendar`); absent otherwise. */
  nextDeadlineBeyondCalendar?: 1;
}

/** What is computed of a state under the branch's policy and calendar when it changes: its deadline columns and KPI facts. */
export interface StateSummary {
  deadline: DeadlineColumns;
  kpi: KpiFacts;
}

/** Summarizes a state under the branch's policy and calendar (summarize.ts). */
export type StateSummarizer = (state: ComplaintState) => StateSummary;

/** One complaint as projected: its register row, its search text and its KPI facts. */
export interface Projection {
  record: ComplaintRecord;
  searchDoc: SearchDoc;
  kpi: KpiFactsRow;
}

/** Indexes and clock states compare instants as strings, so every stored instant has one spelling (ms, Z). */
const canonical = (instant: string): string => new Date(instant).toISOString();

/** Projects a state; `eventBlocks` are the journal blocks holding its events (journal-blocks.ts). */
export function projectState(state: ComplaintState, summarize: StateSummarizer, eventBlocks: readonly number[]): Projection {
  const { deadline, kpi } = summarize(state);
  const record: ComplaintRecord = {
    id: state.id,
    number: state.number,
    branch: state.branch,
    receivedAt: canonical(state.receivedAt),
    channel: state.channel,
    category: state.category,
    grade: state.grade,
    status: state.status,
    tier: state.tier,
    flags: [...state.flags],
    routes: [...state.routes],
    tierSince: canonical(state.tierSince),
    assignee: state.assignee,
    customerName: state.anonymous ? '' : (state.complainant.name ?? ''),
    phoneMasked: maskPhone(state.complainant.phone),
    paused: deadline.paused,
    terminal: state.terminal ? 1 : 0,
    updatedAt: canonical(state.updatedAt),
    lastSeq: state.lastSeq,
    eventBlocks: [...eventBlocks],
  };
  // Optional columns are left out rather than set to undefined: IndexedDB must not index a missing deadline.
  if (state.subCategory) record.subCategory = state.subCategory;
  if (deadline.nextDeadlineAt) record.nextDeadlineAt = canonical(deadline.nextDeadlineAt);
  if (deadline.nextDeadlineKind) record.nextDeadlineKind = deadline.nextDeadlineKind;
  if (deadline.dueSoonAt) record.dueSoonAt = canonical(deadline.dueSoonAt);
  if (deadline.escalationDueAt) record.escalationDueAt = canonical(deadline.escalationDueAt);
  if (deadline.nextDeadlineBeyondCalendar) record.nextDeadlineBeyondCalendar = 1;
  return { record, searchDoc: searchDocOf(state), kpi: kpiFactsRow(kpi) };
}

/** What the register's search and filters match of a state (records.ts): what `projectState` stores, computed alone. */
export const searchDocOf = (state: ComplaintState): SearchDoc => ({
  id: state.id,
  receivedAt: canonical(state.receivedAt),
  tokens: searchTokens(state),
  text: searchDocText(state),
  status: state.status,
  grade: state.grade,
  category: state.category,
  channel: state.channel,
  assignee: state.assignee,
  flags: [...state.flags],
});

/** The facts as stored: marked when the complaint holds corrective actions (records.ts), left unmarked otherwise so the index skips them. */
export const kpiFactsRow = (facts: KpiFacts): KpiFactsRow => (facts.correctiveActions.length > 0 ? { ...facts, hasActions: 1 } : facts);

export function createProjector(fold: (events: readonly DomainEvent[]) => ComplaintState, summarize: StateSummarizer): Projector {
  return (events, eventBlocks) => projectState(fold(events), summarize, eventBlocks);
}

export type RowClockState = 'none' | 'paused' | 'on_time' | 'due_soon' | 'overdue';

/** The clock state a row shows at `now` (ISO instants compare as strings). */
export function rowClockState(row: Pick<ComplaintRecord, 'nextDeadlineAt' | 'dueSoonAt' | 'paused'>, now: string): RowClockState {
  if (row.paused) return 'paused';
  if (!row.nextDeadlineAt) return 'none';
  if (now > row.nextDeadlineAt) return 'overdue';
  if (row.dueSoonAt && now >= row.dueSoonAt) return 'due_soon';
  return 'on_time';
}
