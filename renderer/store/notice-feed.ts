/**
 * One round of the notice feed over the person's copy: read what the copy says now (a live query may only
 * read), then keep what is new and move the person's escalation mark on. Split so a window's hook and the tests
 * run the same two steps.
 */
import type { BranchCode } from '../../shared/brand';
import { loadPastDueSoon } from './board';
import type { DeskDb } from './db';
import { escalationMark, loadSystemEscalations, raiseEscalationMark, readEscalationMark, recordNotices, type Notice } from './notices';
import type { ComplaintRecord } from './records';
import { deadlineNotices, escalationNotices, type NoticeViewer } from './notice-candidates';

export interface NoticeCandidates {
  notices: Notice[];
  /** The log looked through for escalations up to here; undefined until the person's mark is first set. */
  through: number | undefined;
}

/** The notices that describe the copy at `now` for this person (read only). */
export async function readNoticeCandidates(db: DeskDb, branch: BranchCode, now: string, viewer: NoticeViewer): Promise<NoticeCandidates> {
  const deadlines = deadlineNotices(await loadPastDueSoon(db, now), now, viewer);
  const mark = await readEscalationMark(db, 'notices');
  if (mark === undefined) return { notices: deadlines, through: undefined };
  const { events, through } = await loadSystemEscalations(db, branch, mark);
  const rows = await db.complaints.bulkGet([...new Set(events.map((event) => event.complaintId))]);
  const byId = new Map(rows.filter((row): row is ComplaintRecord => row !== undefined).map((row) => [row.id, row]));
  return { notices: [...deadlines, ...escalationNotices(events, byId, now, viewer)], through };
}

/** Keeps the candidates not kept yet and returns them (what this window should tell the OS about). */
export async function keepNoticeCandidates(db: DeskDb, candidates: NoticeCandidates, now: string): Promise<Notice[]> {
  if (candidates.through === undefined) await escalationMark(db, 'notices');
  const added = await recordNotices(db, candidates.notices, now);
  if (candidates.through !== undefined) await raiseEscalationMark(db, 'notices', candidates.through);
  return added;
}
