/**
 * What to notify whom about (SPEC §5: due-soon and overdue complaints and automatic escalations notify the
 * assignee and the branch's supervisors). Pure: the feed (notice-feed.ts) hands in the rows and events it read
 * and keeps what is new. A notice's key is what makes it the same notice on every tick: a complaint's clock turning
 * due soon or overdue at one deadline (a new deadline — an extension, the next clock — is news again), or one
 * escalation event.
 */
import { canSeePersonalData } from '../../shared/export/personalData';
import type { Role } from '../../shared/domain/vocabulary';
import { rowClockState } from './projection';
import type { ComplaintRecord } from './records';
import type { Notice, SystemEscalation } from './notices';

export interface NoticeViewer {
  userId: string;
  role: Role;
}

/** Supervisors and admins watch every complaint (the same roles that see everything, SPEC §8). */
const watchesAll = (role: Role): boolean => canSeePersonalData(role);
const concerns = (viewer: NoticeViewer, assignee: string): boolean => watchesAll(viewer.role) || assignee === viewer.userId;

/** The due-soon and overdue notices at `now` for the open complaints this person holds (any, for a supervisor). */
export function deadlineNotices(records: readonly ComplaintRecord[], now: string, viewer: NoticeViewer): Notice[] {
  const notices: Notice[] = [];
  for (const record of records) {
    if (record.terminal !== 0 || !record.nextDeadlineAt || !concerns(viewer, record.assignee)) continue;
    const state = rowClockState(record, now);
    if (state !== 'due_soon' && state !== 'overdue') continue;
    const clock = record.nextDeadlineKind ?? 'deadline';
    notices.push({
      key: `${state}|${record.id}|${clock}|${record.nextDeadlineAt}`,
      kind: state,
      complaintId: record.id,
      number: record.number,
      clock,
      at: state === 'overdue' ? record.nextDeadlineAt : (record.dueSoonAt ?? now),
      noticedAt: now,
      read: false,
    });
  }
  return notices;
}

/** The notices of automatic escalations on complaints this person holds (any, for a supervisor). */
export function escalationNotices(events: readonly SystemEscalation[], rows: ReadonlyMap<string, ComplaintRecord>, now: string, viewer: NoticeViewer): Notice[] {
  const notices: Notice[] = [];
  for (const event of events) {
    const row = rows.get(event.complaintId);
    if (!row || !concerns(viewer, row.assignee)) continue;
    notices.push({
      key: `escalated|${event.id}`,
      kind: 'escalated',
      complaintId: event.complaintId,
      number: row.number,
      toTier: event.payload.toTier,
      at: event.at,
      noticedAt: now,
      read: false,
    });
  }
  return notices;
}
