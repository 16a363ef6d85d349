/**
 * The working calendar in force: the shipped calendar (shared/calendar/defaults.ts) with the State Council holiday
 * notices in place of their years (`calendar.json`). Main counts every deadline on it, and each window is given the
 * same one (`calendar.get`), so what a window shows and what main decides agree.
 *
 * The notices come from an admin's import here, allowed only while no head office is enrolled, or from head office
 * with sync: its latest published version (every notice it applies) takes the place of the years it covers, and is
 * recorded with its version and arrival in the calendar audit log. The shipped calendar is kept as the base rather
 * than overwritten, so a release that ships the next provisional year still extends a branch that has imported
 * notices. `calendar.json` is written atomically (fsync'd) and read as untrusted; a damaged one stops the start
 * like the other data files.
 */
import { z } from 'zod';
import { type CalendarAuditEntry, type CalendarImportRecord, type CalendarInForce, type NoticePreview } from '../../shared/api/calendar';
import type { ApiParsedInput } from '../../shared/api/contract';
import type { PublicUser } from '../../shared/api/schemas';
import { compileCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import { calendarFingerprint } from '../../shared/calendar/fingerprint';
import { calendarOf, changeSummary, noticePreview, overlaid, proposeNotice, replacingYear, StoredImportSchema, type StoredImport } from '../../shared/calendar/imports';
import type { CalendarDoc } from '../../shared/calendar/schema';
import { ok, parseWith, refuse, type Result } from '../../shared/result';
import { PUBLISHED_NOTICES_MAX, type PublishedCalendar } from '../../shared/sync/calendar';
import type { AuditLog } from './auditLog';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { DeskOpenError } from './openProblem';
import { createSerial } from './serial';

const HeadOfficeCalendarSchema = z.strictObject({
  version: z.int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  arrivedAt: z.iso.datetime({ offset: true }),
  notices: z.array(StoredImportSchema).max(PUBLISHED_NOTICES_MAX),
});
type HeadOfficeCalendar = z.infer<typeof HeadOfficeCalendarSchema>;

const CalendarFileSchema = z.strictObject({
  version: z.literal(1),
  /** The notices an admin imported here. */
  imports: z.array(StoredImportSchema).max(500),
  /** Head office's calendar as pulled last; its notices take the place of the years they cover. */
  headOffice: HeadOfficeCalendarSchema.optional(),
});

export interface CalendarService {
  /** The compiled calendar in force, for the authority, documents and KPIs. */
  current(): WorkingCalendar;
  inForce(): CalendarInForce;
  preview(file: ApiParsedInput<'calendar.previewNotice'>): Result<NoticePreview>;
  importNotice(file: ApiParsedInput<'calendar.importNotice'>, admin: PublicUser): Promise<Result<CalendarInForce>>;
  /** Head office's latest version, if the branch does not run it yet; refused `invalid_notice` (with path) when it does not read here. */
  receiveFromHeadOffice(published: PublishedCalendar): Promise<Result<CalendarInForce | undefined>>;
  /** Head office's number of the version pulled last; 0 before the first. */
  headOfficeVersion(): number;
}

interface State {
  readonly own: readonly StoredImport[];
  readonly headOffice: HeadOfficeCalendar | undefined;
  /** The notices in force: the own ones, with head office's in place of the years it covers. */
  readonly imports: readonly StoredImport[];
  readonly doc: CalendarDoc;
  readonly calendar: WorkingCalendar;
  readonly fingerprint: string;
}

function stateOf(base: CalendarDoc, own: readonly StoredImport[], headOffice: HeadOfficeCalendar | undefined): Result<State> {
  const imports = overlaid(own, headOffice?.notices ?? []);
  const doc = calendarOf(base, imports);
  return doc.ok ? ok({ own, headOffice, imports, doc: doc.value, calendar: compileCalendar(doc.value), fingerprint: calendarFingerprint(doc.value) }) : doc;
}

export async function openCalendarService(deps: {
  file: string;
  base: CalendarDoc;
  audit: Pick<AuditLog<CalendarAuditEntry>, 'append'>;
  /** Whether the branch is enrolled with head office: then head office publishes the calendar and imports here are refused. */
  enrolled: () => boolean;
  now: () => Date;
}): Promise<CalendarService> {
  const { file, base, audit, enrolled, now } = deps;
  const stored = await readJsonFile(file, CalendarFileSchema);
  const opened = stateOf(base, stored?.imports ?? [], stored?.headOffice);
  // Stored notices that no longer fit the shipped calendar cannot be dropped silently: deadlines depend on them.
  if (!opened.ok) throw new DeskOpenError({ code: 'data_file_damaged', file, reason: opened.error.message });
  let state = opened.value;
  const serial = createSerial();

  const inForce = (): CalendarInForce => ({
    calendar: state.doc,
    fingerprint: state.fingerprint,
    imports: state.imports.map((entry) => entry.record),
    importsHere: !enrolled(),
    headOffice: state.headOffice ? { version: state.headOffice.version, publishedAt: state.headOffice.publishedAt, arrivedAt: state.headOffice.arrivedAt } : null,
  });

  const refuseWhenEnrolled = () => (enrolled() ? refuse('calendar_from_head_office', 'This branch is enrolled with head office; head office publishes its working calendar.') : undefined);

  /** Stores `next` (fsync'd) and puts it in force. */
  async function adopt(next: State): Promise<void> {
    await writeJsonAtomic(file, { version: 1, imports: next.own, ...(next.headOffice ? { headOffice: next.headOffice } : {}) });
    state = next;
  }

  const headOfficeVersion = () => state.headOffice?.version ?? 0;

  return {
    current: () => state.calendar,
    inForce,
    preview(input) {
      const refused = refuseWhenEnrolled();
      if (refused) return refused;
      const proposed = proposeNotice(base, state.imports, input);
      return proposed.ok ? ok(noticePreview(state, proposed.value.notice.year, proposed.value.doc)) : proposed;
    },
    importNotice: (input, admin) =>
      serial(async () => {
        const refused = refuseWhenEnrolled();
        if (refused) return refused;
        if (input.basedOn !== state.fingerprint) return refuse('calendar_changed', 'The calendar changed after the preview this import was confirmed on');
        const proposed = proposeNotice(base, state.imports, input);
        if (!proposed.ok) return proposed;
        const { notice } = proposed.value;
        const record: CalendarImportRecord = {
          year: notice.year,
          format: input.format,
          ...(input.fileName ? { fileName: input.fileName } : {}),
          importedAt: now().toISOString(),
          importedBy: admin.username,
        };
        const next = stateOf(base, replacingYear(state.own, { notice, record }), state.headOffice);
        if (!next.ok) return next;
        const before = state;
        await adopt(next.value);
        await audit.append({
          v: 1,
          at: record.importedAt,
          userId: admin.id,
          username: admin.username,
          role: admin.role,
          kind: 'notice-imported',
          year: record.year,
          format: record.format,
          ...(record.fileName ? { fileName: record.fileName } : {}),
          from: before.fingerprint,
          to: next.value.fingerprint,
          ...changeSummary(before.doc, next.value.doc),
        });
        return ok(inForce());
      }),
    receiveFromHeadOffice: (published) =>
      serial(async () => {
        if (published.version <= headOfficeVersion()) return ok(undefined);
        // Untrusted: read with this build's own rules, like a file an admin chose.
        const notices = parseWith(HeadOfficeCalendarSchema.shape.notices, published.notices, 'invalid_notice');
        if (!notices.ok) return notices;
        const arrivedAt = now().toISOString();
        const next = stateOf(base, state.own, { version: published.version, publishedAt: published.publishedAt, arrivedAt, notices: notices.value });
        if (!next.ok) return next;
        const before = state;
        await adopt(next.value);
        await audit.append({
          v: 1,
          at: arrivedAt,
          kind: 'calendar-from-head-office',
          headOfficeVersion: published.version,
          publishedAt: published.publishedAt,
          years: notices.value.map((entry) => entry.notice.year),
          from: before.fingerprint,
          to: next.value.fingerprint,
          ...changeSummary(before.doc, next.value.doc),
        });
        return ok(inForce());
      }),
    headOfficeVersion,
  };
}
