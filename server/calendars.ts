/**
 * Head office's published working calendar (issue 13 item 3): the shipped calendar with the holiday notices head
 * office's admins imported, each publication a new version holding every notice in force with it. A notice is
 * read, checked and previewed with the same shared rules a branch uses (shared/calendar/imports.ts): a bad file
 * is refused with its path and nothing is stored. Branches pull the latest with a signed request (app.ts,
 * `POST /api/v1/calendar`) and count their new deadlines on it.
 *
 * Plain functions over the database, so head office's screens (deskCalendar.ts) publish and read through them.
 */
import { z } from 'zod';
import type { CalendarImportRecord, NoticePreview } from '../shared/api/calendar';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import { calendarFingerprint } from '../shared/calendar/fingerprint';
import { calendarOf, noticePreview, proposeNotice, replacingYear, StoredImportSchema, type StoredImport } from '../shared/calendar/imports';
import type { NoticeFormat } from '../shared/calendar/notice';
import type { CalendarDoc } from '../shared/calendar/schema';
import { ok, refuse, type Result } from '../shared/result';
import type { PublishedCalendar } from '../shared/sync/calendar';
import type { Db, Queryable } from './db/db';

/** Every branch's base, and so head office's: the calendar shipped with this release. */
const SHIPPED = CN_CALENDAR.doc;

/** A row read back is parsed like any other input. */
const CalendarRowSchema = z.object({ version: z.int(), notices: z.array(StoredImportSchema), published_by: z.string(), published_at: z.date() });

/** One published version: its notices over the shipped calendar, who published it and when. */
export interface CalendarVersion {
  readonly version: number;
  readonly imports: readonly StoredImport[];
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** Head office's calendar in force: the shipped one with the latest version's notices (none before the first). */
export interface HeadOfficeCalendar {
  readonly doc: CalendarDoc;
  readonly fingerprint: string;
  readonly latest: CalendarVersion | undefined;
}

export interface NoticeFile {
  readonly format: NoticeFormat;
  readonly text: string;
  readonly fileName?: string;
}

const versionOf = (raw: unknown): CalendarVersion => {
  const row = CalendarRowSchema.parse(raw);
  return { version: row.version, imports: row.notices, publishedBy: row.published_by, publishedAt: row.published_at.toISOString() };
};

async function latestVersion(db: Queryable): Promise<CalendarVersion | undefined> {
  const [row] = await db.query('select version, notices, published_by, published_at from published_calendars order by version desc limit 1');
  return row ? versionOf(row) : undefined;
}

function inForceWith(latest: CalendarVersion | undefined): HeadOfficeCalendar {
  const doc = calendarOf(SHIPPED, latest?.imports ?? []);
  // Published notices that no longer fit the shipped calendar cannot be dropped silently: deadlines depend on them.
  if (!doc.ok) throw new Error(`published calendar v${latest?.version ?? 0} no longer applies over the shipped calendar: ${doc.error.message}`);
  return { doc: doc.value, fingerprint: calendarFingerprint(doc.value), latest };
}

export async function headOfficeCalendar(db: Queryable): Promise<HeadOfficeCalendar> {
  return inForceWith(await latestVersion(db));
}

/** What publishing the notice would change in head office's calendar in force; changes nothing. */
export async function previewNotice(db: Queryable, file: NoticeFile): Promise<Result<NoticePreview>> {
  const current = await headOfficeCalendar(db);
  const proposed = proposeNotice(SHIPPED, current.latest?.imports ?? [], file);
  return proposed.ok ? ok(noticePreview(current, proposed.value.notice.year, proposed.value.doc)) : proposed;
}

/**
 * Publishes the notice as the next version, in place of its year: refused as the preview is, or `calendar_changed`
 * when head office's calendar is no longer the one the preview (`basedOn`) compared with. Nothing is stored then.
 */
export async function publishNotice(db: Db, file: NoticeFile & { basedOn: string }, by: string, now: Date): Promise<Result<HeadOfficeCalendar & { latest: CalendarVersion }>> {
  return db.transaction(async (tx) => {
    await tx.query('lock table published_calendars in exclusive mode');
    const current = await headOfficeCalendar(tx);
    if (file.basedOn !== current.fingerprint) return refuse('calendar_changed', 'Head office’s calendar changed after the preview this publication was confirmed on');
    const held = current.latest?.imports ?? [];
    const proposed = proposeNotice(SHIPPED, held, file);
    if (!proposed.ok) return proposed;
    const version = (current.latest?.version ?? 0) + 1;
    const record: CalendarImportRecord = {
      year: proposed.value.notice.year,
      format: file.format,
      ...(file.fileName ? { fileName: file.fileName } : {}),
      importedAt: now.toISOString(),
      importedBy: by,
      headOfficeVersion: version,
    };
    const latest: CalendarVersion = { version, imports: replacingYear(held, { notice: proposed.value.notice, record }), publishedBy: by, publishedAt: record.importedAt };
    await tx.query('insert into published_calendars (version, notices, published_by, published_at) values ($1, $2, $3, $4)', [version, JSON.stringify(latest.imports), by, now]);
    return ok({ ...inForceWith(latest), latest });
  });
}

/** The latest published version if it is newer than the one a branch has, as the pull answers it; otherwise undefined. */
export async function latestCalendarAfter(db: Queryable, knownVersion: number): Promise<PublishedCalendar | undefined> {
  const latest = await latestVersion(db);
  if (!latest || latest.version <= knownVersion) return undefined;
  return { version: latest.version, notices: [...latest.imports], publishedAt: latest.publishedAt };
}
