/**
 * The working calendar in force: the shipped calendar (shared/calendar/defaults.ts) with the State Council holiday
 * notices an admin imported (`calendar.json`) in place of their years. Main counts every deadline on it, and each
 * window is given the same one (`calendar.get`), so what a window shows and what main decides agree.
 *
 * The shipped calendar is kept as the base rather than overwritten, so a release that ships the next provisional
 * year still extends a branch that has imported notices. `calendar.json` is written atomically (fsync'd) and
 * read as untrusted; a damaged one stops the start like the other data files.
 */
import { z } from 'zod';
import {
  CalendarImportRecordSchema,
  type CalendarAuditEntry,
  type CalendarImportRecord,
  type CalendarInForce,
  type NoticePreview,
} from '../../shared/api/calendar';
import type { ApiParsedInput } from '../../shared/api/contract';
import type { PublicUser } from '../../shared/api/schemas';
import { compileCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import { docCoverage } from '../../shared/calendar/coverage';
import { calendarFingerprint } from '../../shared/calendar/fingerprint';
import { HolidayNoticeSchema, diffCalendars, readNotice, withNotices, type HolidayNotice } from '../../shared/calendar/notice';
import type { CalendarDoc } from '../../shared/calendar/schema';
import { ok, refuse, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { DeskOpenError } from './openProblem';
import { createSerial } from './serial';

const StoredImportSchema = z.strictObject({ notice: HolidayNoticeSchema, record: CalendarImportRecordSchema });
type StoredImport = z.infer<typeof StoredImportSchema>;
const CalendarFileSchema = z.strictObject({ version: z.literal(1), imports: z.array(StoredImportSchema).max(500) });

export interface CalendarService {
  /** The compiled calendar in force, for the authority, documents and KPIs. */
  current(): WorkingCalendar;
  inForce(): CalendarInForce;
  preview(file: ApiParsedInput<'calendar.previewNotice'>): Result<NoticePreview>;
  importNotice(file: ApiParsedInput<'calendar.importNotice'>, admin: PublicUser): Promise<Result<CalendarInForce>>;
}

interface State {
  readonly imports: readonly StoredImport[];
  readonly doc: CalendarDoc;
  readonly calendar: WorkingCalendar;
  readonly fingerprint: string;
}

function stateOf(imports: readonly StoredImport[], doc: CalendarDoc): State {
  return { imports, doc, calendar: compileCalendar(doc), fingerprint: calendarFingerprint(doc) };
}

export async function openCalendarService(deps: {
  file: string;
  base: CalendarDoc;
  audit: Pick<AuditLog<CalendarAuditEntry>, 'append'>;
  now: () => Date;
}): Promise<CalendarService> {
  const { file, base, audit, now } = deps;
  const stored = (await readJsonFile(file, CalendarFileSchema))?.imports ?? [];
  const merged = withNotices(base, stored.map((entry) => entry.notice));
  // Stored notices that no longer fit the shipped calendar cannot be dropped silently: deadlines depend on them.
  if (!merged.ok) throw new DeskOpenError({ code: 'data_file_damaged', file, reason: merged.error.message });
  let state = stateOf(stored, merged.value);
  const serial = createSerial();

  /** The notice read from the file, and the calendar it would make: the other years' imports stay. */
  function proposal(input: ApiParsedInput<'calendar.previewNotice'>): Result<{ notice: HolidayNotice; others: StoredImport[]; doc: CalendarDoc }> {
    const notice = readNotice(input.format, input.text, state.doc.timeZone);
    if (!notice.ok) return notice;
    const others = state.imports.filter((entry) => entry.notice.year !== notice.value.year);
    const doc = withNotices(base, [...others.map((entry) => entry.notice), notice.value]);
    return doc.ok ? ok({ notice: notice.value, others, doc: doc.value }) : doc;
  }

  const inForce = (): CalendarInForce => ({ calendar: state.doc, fingerprint: state.fingerprint, imports: state.imports.map((entry) => entry.record) });

  return {
    current: () => state.calendar,
    inForce,
    preview(input) {
      const proposed = proposal(input);
      if (!proposed.ok) return proposed;
      const { year } = proposed.value.notice;
      const before = docCoverage(state.doc);
      const after = docCoverage(proposed.value.doc);
      return ok({
        year,
        basedOn: state.fingerprint,
        wasProvisional: before.provisionalFrom !== undefined && before.provisionalFrom <= `${year}-12-31`,
        through: after.through ?? `${year}-12-31`,
        ...(after.provisionalFrom === undefined ? {} : { provisionalFrom: after.provisionalFrom }),
        changes: diffCalendars(state.doc, proposed.value.doc),
      });
    },
    importNotice: (input, admin) =>
      serial(async () => {
        if (input.basedOn !== state.fingerprint) return refuse('calendar_changed', 'The calendar changed after the preview this import was confirmed on');
        const proposed = proposal(input);
        if (!proposed.ok) return proposed;
        const { notice, others, doc } = proposed.value;
        const record: CalendarImportRecord = {
          year: notice.year,
          format: input.format,
          ...(input.fileName ? { fileName: input.fileName } : {}),
          importedAt: now().toISOString(),
          importedBy: admin.username,
        };
        const imports = [...others, { notice, record }].sort((a, b) => a.notice.year - b.notice.year);
        const next = stateOf(imports, doc);
        const changes = diffCalendars(state.doc, next.doc);
        await writeJsonAtomic(file, { version: 1, imports });
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
          from: state.fingerprint,
          to: next.fingerprint,
          changedDays: changes.length,
          addedWorkdays: changes.filter((change) => change.change === 'workday_added').map((change) => change.date),
        });
        state = next;
        return ok(inForce());
      }),
  };
}
