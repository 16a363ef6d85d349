/**
 * The escalation board's read: every open complaint, already grouped by tier, from one range of the
 * `[terminal+tier]` index (schema v5). No event is folded; closed, rejected and voided rows are never read.
 */
import { Dexie } from 'dexie';
import type { DeskDb } from './db';
import type { ComplaintRecord } from './records';

/** Open complaints in tier order (T1 first), each tier in id order; the board sorts them by urgency. */
export async function loadOpenComplaints(db: DeskDb): Promise<ComplaintRecord[]> {
  return db.complaints.where('[terminal+tier]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray();
}

/**
 * Complaints whose nearest deadline is due soon or past at `now` — what deadline notifications look at — from the
 * `dueSoonAt` index alone (rows with no running clock have none); ended rows are dropped as they are read.
 */
export async function loadPastDueSoon(db: DeskDb, now: string): Promise<ComplaintRecord[]> {
  return db.complaints.where('dueSoonAt').belowOrEqual(now).filter((row) => row.terminal === 0).toArray();
}
