/**
 * The person's notifications (SPEC §5, the bell): due soon, overdue and automatic escalations, each kept once
 * with whether it was read. They live in the person's own copy (this database is one person's, see dbName.ts),
 * in the `settings` table under `notice:` keys, so every window of that person shares them — a notice added by
 * one window is not added again by another — and a reload keeps what was read. Rows read back are parsed; one
 * that does not parse is left out rather than shown wrong.
 *
 * Also here: the marks that say how far this person has looked through the log for automatic escalations (the
 * notices' and the board's highlights), so a reload does not announce or highlight old ones again.
 */
import { z } from 'zod';
import { ComplaintIdSchema, SYSTEM_USER_ID, type BranchCode } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import { TierSchema } from '../../shared/domain/vocabulary';
import type { DeskDb } from './db';
import { highestLocalSeq } from './import-events';
import { branchEventsAfter } from './journal-blocks';
import { toDomainEvent } from './records';

const NOTICE_PREFIX = 'notice:';
/** Read notices go after this long, unless they still describe the present (a complaint still overdue). */
const READ_KEPT_MS = 14 * 86_400_000;

const NoticeBase = {
  /** What makes a notice the same notice: the complaint, its state and clock and deadline, or the escalation event. */
  key: z.string().min(1),
  complaintId: ComplaintIdSchema,
  number: z.string().min(1),
  /** When it happened: the instant the clock turned, or the escalation's. */
  at: z.iso.datetime({ offset: true }),
  /** When this person's copy first noticed it (what pruning goes by). */
  noticedAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
};

export const NoticeSchema = z.discriminatedUnion('kind', [
  /** A complaint's nearest deadline turned due soon or passed; `clock` is its kind (`acknowledge`, `tier`, …). */
  z.strictObject({ ...NoticeBase, kind: z.enum(['due_soon', 'overdue']), clock: z.string().min(1) }),
  /** The system escalated the complaint to `toTier`. */
  z.strictObject({ ...NoticeBase, kind: z.literal('escalated'), toTier: TierSchema }),
]);
export type Notice = z.infer<typeof NoticeSchema>;

const StoredNoticeSchema = z.object({ key: z.string(), value: NoticeSchema });

const storedKey = (key: string): string => `${NOTICE_PREFIX}${key}`;

function parseNotices(rows: readonly unknown[]): Notice[] {
  const notices: Notice[] = [];
  for (const row of rows) {
    const parsed = StoredNoticeSchema.safeParse(row);
    if (parsed.success) notices.push(parsed.data.value);
  }
  return notices;
}

/** Every notice, newest first. */
export async function loadNotices(db: DeskDb): Promise<Notice[]> {
  const rows = await db.settings.where('key').startsWith(NOTICE_PREFIX).toArray();
  return parseNotices(rows).sort((a, b) => (a.at === b.at ? (a.key < b.key ? -1 : 1) : a.at < b.at ? 1 : -1));
}

/**
 * Keeps the notices not kept yet (by key) and returns those, in one transaction: two windows of the same person
 * offering the same notice add it once, and only the one that added it tells the OS. Read notices older than
 * two weeks that are no longer among `current` are dropped meanwhile.
 */
export async function recordNotices(db: DeskDb, current: readonly Notice[], now: string): Promise<Notice[]> {
  return db.transaction('rw', db.settings, async () => {
    const kept = await db.settings.bulkGet(current.map((notice) => storedKey(notice.key)));
    const added = current.filter((_, index) => kept[index] === undefined);
    if (added.length > 0) await db.settings.bulkAdd(added.map((notice) => ({ key: storedKey(notice.key), value: notice })));
    const currentKeys = new Set(current.map((notice) => notice.key));
    const oldest = new Date(Date.parse(now) - READ_KEPT_MS).toISOString();
    const stale = parseNotices(await db.settings.where('key').startsWith(NOTICE_PREFIX).toArray()).filter(
      (notice) => notice.read && notice.noticedAt < oldest && !currentKeys.has(notice.key),
    );
    if (stale.length > 0) await db.settings.bulkDelete(stale.map((notice) => storedKey(notice.key)));
    return added;
  });
}

/** Marks these notices read (all of them when `keys` is left out). */
export async function markNoticesRead(db: DeskDb, keys?: readonly string[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const notices = keys ? parseNotices((await db.settings.bulkGet(keys.map(storedKey))).filter((row) => row !== undefined)) : await loadNotices(db);
    const unread = notices.filter((notice) => !notice.read);
    if (unread.length > 0) await db.settings.bulkPut(unread.map((notice) => ({ key: storedKey(notice.key), value: { ...notice, read: true } })));
  });
}

/** How far this person has looked through the log for automatic escalations, per purpose. */
export type EscalationMark = 'notices' | 'highlights';
const markKey = (mark: EscalationMark): string => `escalations-seen.${mark}`;
const MarkSchema = z.object({ value: z.int().nonnegative() });

/**
 * The mark, or — the first time — the end of the log as it is now (and kept): a person who never looked is
 * told about what happens from now on, not about every escalation in the branch's history.
 */
export async function escalationMark(db: DeskDb, mark: EscalationMark): Promise<number> {
  const parsed = MarkSchema.safeParse(await db.settings.get(markKey(mark)));
  if (parsed.success) return parsed.data.value;
  const end = await highestLocalSeq(db);
  await db.settings.put({ key: markKey(mark), value: end });
  return end;
}

/** Raises the mark to `seq` (never lowers it: another window may have looked further). */
export async function raiseEscalationMark(db: DeskDb, mark: EscalationMark, seq: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const parsed = MarkSchema.safeParse(await db.settings.get(markKey(mark)));
    if (!parsed.success || parsed.data.value < seq) await db.settings.put({ key: markKey(mark), value: seq });
  });
}

/** The mark as it is, without setting it (inside a live query, which may not write). */
export async function readEscalationMark(db: DeskDb, mark: EscalationMark): Promise<number | undefined> {
  const parsed = MarkSchema.safeParse(await db.settings.get(markKey(mark)));
  return parsed.success ? parsed.data.value : undefined;
}

export type SystemEscalation = Extract<DomainEvent, { type: 'Escalated' }>;

/**
 * The automatic escalations (the system actor's) in the log after `afterSeq`, oldest first, and the highest seq
 * looked at. Only those events are parsed; the others are skipped by their type and actor.
 */
export async function loadSystemEscalations(db: DeskDb, branch: BranchCode, afterSeq: number): Promise<{ events: SystemEscalation[]; through: number }> {
  const rows = await branchEventsAfter(db, branch, afterSeq);
  const events: SystemEscalation[] = [];
  for (const row of rows) {
    if (row.type !== 'Escalated' || row.actor !== SYSTEM_USER_ID) continue;
    const event = toDomainEvent(row);
    if (event.type === 'Escalated') events.push(event);
  }
  return { events, through: rows.at(-1)?.seq ?? afterSeq };
}
