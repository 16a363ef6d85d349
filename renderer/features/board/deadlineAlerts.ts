/**
 * Which complaints to notify about (SPEC §5: overdue and due-soon complaints notify the assignee and the
 * supervisor): open ones whose nearest deadline is due soon or overdue, held by the person signed in — or any,
 * for a supervisor or admin. Each (complaint, state, deadline) is notified once: a new deadline is news again.
 */
import { canSeePersonalData } from '../../../shared/export/personalData';
import type { Role } from '../../../shared/domain/vocabulary';
import { rowClockState } from '../../store/projection';
import type { ComplaintRecord } from '../../store/records';

export interface DeadlineAlert {
  record: ComplaintRecord;
  state: 'due_soon' | 'overdue';
  /** Stable while nothing changes: what "already notified" remembers. */
  key: string;
}

/** Supervisors and admins watch every complaint (the same roles that see everything, SPEC §8). */
const watchesAll = (role: Role): boolean => canSeePersonalData(role);

export function deadlineAlerts(records: readonly ComplaintRecord[], now: string, viewer: { userId: string; role: Role }): DeadlineAlert[] {
  const alerts: DeadlineAlert[] = [];
  for (const record of records) {
    if (record.terminal !== 0 || (!watchesAll(viewer.role) && record.assignee !== viewer.userId)) continue;
    const state = rowClockState(record, now);
    if (state === 'due_soon' || state === 'overdue') alerts.push({ record, state, key: `${record.id}|${state}|${record.nextDeadlineAt ?? ''}` });
  }
  return alerts;
}

/** The alerts not notified yet. */
export function freshAlerts(alerts: readonly DeadlineAlert[], notified: ReadonlySet<string>): DeadlineAlert[] {
  return alerts.filter((alert) => !notified.has(alert.key));
}
