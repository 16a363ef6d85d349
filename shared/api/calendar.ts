/**
 * Contract shapes of the working calendar in force (main's, the one every deadline is counted on) and of an
 * admin's import of a year's State Council holiday notice: a preview that changes nothing, then the import itself,
 * which main checks again against the calendar the preview was made on.
 */
import { z } from 'zod';
import { CalendarDocSchema } from '../calendar/schema';
import { NOTICE_FORMATS } from '../calendar/notice';
import { RoleSchema } from './schemas';

/** A notice file is a page or two of dates; a public feed of several years is still far below this. */
export const NOTICE_FILE_MAX_CHARS = 512_000;

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const NoticeFileSchema = z.strictObject({
  format: z.enum(NOTICE_FORMATS),
  text: z.string().max(NOTICE_FILE_MAX_CHARS),
  /** The file's name as the admin chose it, for the record. */
  fileName: z.string().trim().max(200).optional(),
});

/** One import as main records it (calendar.json and the audit line). */
export const CalendarImportRecordSchema = z.strictObject({
  year: z.int(),
  format: z.enum(NOTICE_FORMATS),
  fileName: z.string().optional(),
  importedAt: z.string(),
  importedBy: z.string(),
  /** Present when head office published the notice: the version of head office's calendar it came with. */
  headOfficeVersion: z.int().min(1).optional(),
});
export type CalendarImportRecord = z.infer<typeof CalendarImportRecordSchema>;

const CalendarInForceSchema = z.strictObject({
  calendar: CalendarDocSchema,
  /** Changes whenever the calendar does (shared/calendar/fingerprint.ts). */
  fingerprint: z.string(),
  /** The notices imported into the shipped calendar, oldest year first. */
  imports: z.array(CalendarImportRecordSchema),
  /** Whether an admin imports notices at this desk; false at a branch enrolled with head office, which takes head office's. */
  importsHere: z.boolean(),
  /**
   * The version of head office's calendar this desk runs: at head office its latest publication, at a branch the
   * one it pulled last (with when it arrived); null before the first.
   */
  headOffice: z
    .strictObject({ version: z.int().min(1), publishedAt: z.iso.datetime({ offset: true }), arrivedAt: z.iso.datetime({ offset: true }).optional() })
    .nullable(),
});
export type CalendarInForce = z.infer<typeof CalendarInForceSchema>;

const DayMarkSchema = z.strictObject({ kind: z.enum(['holiday', 'makeUpWorkday', 'ordinary']), name: z.string().optional() });

export const DayChangeSchema = z.strictObject({
  date: DateText,
  weekday: z.int().min(1).max(7),
  change: z.enum(['holiday_added', 'holiday_removed', 'workday_added', 'workday_removed', 'renamed']),
  before: DayMarkSchema,
  after: DayMarkSchema,
});

export const NoticePreviewSchema = z.strictObject({
  year: z.int(),
  /** The fingerprint of the calendar in force this preview compares with; the import must name it. */
  basedOn: z.string(),
  /** Whether the year was provisional before, and the calendar's coverage once imported. */
  wasProvisional: z.boolean(),
  through: DateText,
  provisionalFrom: DateText.optional(),
  changes: z.array(DayChangeSchema),
});
export type NoticePreview = z.infer<typeof NoticePreviewSchema>;

/** What the calendar audit log (`audit/calendar.jsonl`) records of each import, and of each calendar from head office. */
const NoticeImportedEntrySchema = z.strictObject({
  v: z.literal(1),
  at: z.string(),
  userId: z.string(),
  username: z.string(),
  role: RoleSchema,
  kind: z.literal('notice-imported'),
  year: z.int(),
  format: z.enum(NOTICE_FORMATS),
  fileName: z.string().optional(),
  /** The calendar's fingerprint before and after. */
  from: z.string(),
  to: z.string(),
  /** How many days changed, and of those how many became make-up working days. */
  changedDays: z.int().nonnegative(),
  addedWorkdays: z.array(DateText),
});

const FromHeadOfficeEntrySchema = z.strictObject({
  v: z.literal(1),
  at: z.string(),
  kind: z.literal('calendar-from-head-office'),
  headOfficeVersion: z.int().min(1),
  publishedAt: z.string(),
  /** The years head office's notices cover. */
  years: z.array(z.int()),
  from: z.string(),
  to: z.string(),
  changedDays: z.int().nonnegative(),
  addedWorkdays: z.array(DateText),
});

export const CalendarAuditEntrySchema = z.discriminatedUnion('kind', [NoticeImportedEntrySchema, FromHeadOfficeEntrySchema]);
export type CalendarAuditEntry = z.infer<typeof CalendarAuditEntrySchema>;

export const calendarContract = {
  /** The working calendar in force: every window counts its deadlines on this one, as main does. */
  'calendar.get': { input: z.strictObject({}), output: CalendarInForceSchema },
  /**
   * Admin only: what importing this notice file would change, day by day; changes nothing. Refused with
   * `invalid_notice` / `invalid_ics` (with the path of the problem), `notice_empty`, `notice_spans_years`,
   * `notice_year_not_next` or `invalid_calendar`; at a branch enrolled with head office, `calendar_from_head_office`.
   */
  'calendar.previewNotice': { input: NoticeFileSchema, output: NoticePreviewSchema },
  /**
   * Admin only: imports the notice (the same file the preview read) in place of its year, stores it (fsync'd),
   * records it in the calendar audit log and answers the calendar now in force; at head office, publishes it as
   * the next version of head office's calendar, which branches pull with sync. Refused as the preview, or with
   * `calendar_changed` when the calendar is no longer the one the preview (`basedOn`) compared with.
   */
  'calendar.importNotice': { input: NoticeFileSchema.extend({ basedOn: z.string().max(200) }), output: CalendarInForceSchema },
} as const;
