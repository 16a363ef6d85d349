/**
 * Every corrective action across complaints (SPEC §4, ISO 10002 §8), from the complaints' KPI facts: overdue
 * first (longest overdue first), then those in progress by due day, then the done ones, latest first.
 */
import type { ComplaintId } from '../../../shared/brand';
import { isActionOverdue, type CorrectiveActionFact, type KpiFacts } from '../../../shared/kpi/facts';

export type ActionStatus = 'overdue' | 'open' | 'closed';
export const ACTION_STATUSES: readonly ActionStatus[] = ['overdue', 'open', 'closed'];

export interface ActionRow {
  readonly action: CorrectiveActionFact;
  readonly status: ActionStatus;
  readonly complaintId: ComplaintId;
  readonly complaintNumber: string;
}

export interface ActionFilter {
  /** '' = every owner. */
  readonly owner: string;
  /** '' = every status. */
  readonly status: ActionStatus | '';
}

const RANK: Readonly<Record<ActionStatus, number>> = { overdue: 0, open: 1, closed: 2 };

function compare(a: ActionRow, b: ActionRow): number {
  if (a.status !== b.status) return RANK[a.status] - RANK[b.status];
  if (a.status === 'closed') return (b.action.closedAt ?? '').localeCompare(a.action.closedAt ?? '');
  return a.action.dueDate.localeCompare(b.action.dueDate) || a.complaintNumber.localeCompare(b.complaintNumber);
}

export function actionRows(facts: readonly KpiFacts[], today: string): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const fact of facts) {
    if (fact.voided) continue;
    for (const action of fact.correctiveActions) {
      const status: ActionStatus = action.closedAt !== undefined ? 'closed' : isActionOverdue(action, today) ? 'overdue' : 'open';
      rows.push({ action, status, complaintId: fact.id, complaintNumber: fact.number });
    }
  }
  return rows.sort(compare);
}

export function filterRows(rows: readonly ActionRow[], filter: ActionFilter): ActionRow[] {
  return rows.filter((row) => (filter.owner === '' || row.action.owner === filter.owner) && (filter.status === '' || row.status === filter.status));
}

/** The owners named on any action, in the UI's collation. */
export function ownersOf(rows: readonly ActionRow[], language: string): string[] {
  return [...new Set(rows.map((row) => row.action.owner))].sort(new Intl.Collator(language).compare);
}
