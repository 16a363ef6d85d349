/**
 * The notices applied over the shipped calendar, one per year, each with its record (who imported which file,
 * when): what a branch keeps in `calendar.json` and what head office publishes. A branch's own desk and head
 * office propose and preview a notice the same way, so what an admin sees before applying it is the same there.
 */
import { z } from 'zod';
import { CalendarImportRecordSchema, type NoticePreview } from '../api/calendar';
import { ok, type Result } from '../result';
import { docCoverage } from './coverage';
import { diffCalendars, HolidayNoticeSchema, readNotice, withNotices, type HolidayNotice, type NoticeFormat } from './notice';
import type { CalendarDoc } from './schema';

export const StoredImportSchema = z.strictObject({ notice: HolidayNoticeSchema, record: CalendarImportRecordSchema });
export type StoredImport = z.infer<typeof StoredImportSchema>;

/** `imports` with `entry` in place of its year's, oldest year first. */
export function replacingYear(imports: readonly StoredImport[], entry: StoredImport): StoredImport[] {
  return [...imports.filter((held) => held.notice.year !== entry.notice.year), entry].sort((a, b) => a.notice.year - b.notice.year);
}

/** `below` with `above`'s notices in place of the years they cover (a branch's own imports under head office's). */
export function overlaid(below: readonly StoredImport[], above: readonly StoredImport[]): StoredImport[] {
  return above.reduce(replacingYear, [...below].sort((a, b) => a.notice.year - b.notice.year));
}

/** The calendar `imports` make of `base`. */
export const calendarOf = (base: CalendarDoc, imports: readonly StoredImport[]): Result<CalendarDoc> =>
  withNotices(
    base,
    imports.map((entry) => entry.notice),
  );

/** A notice file read, and the calendar it would make in place of its year among `imports`. */
export function proposeNotice(base: CalendarDoc, imports: readonly StoredImport[], file: { format: NoticeFormat; text: string }): Result<{ notice: HolidayNotice; doc: CalendarDoc }> {
  const notice = readNotice(file.format, file.text, base.timeZone);
  if (!notice.ok) return notice;
  const others = imports.filter((entry) => entry.notice.year !== notice.value.year).map((entry) => entry.notice);
  const doc = withNotices(base, [...others, notice.value]);
  return doc.ok ? ok({ notice: notice.value, doc: doc.value }) : doc;
}

/** What applying the notice for `year` would change: `before` is the calendar in force (and its fingerprint), `after` the proposal. */
export function noticePreview(before: { doc: CalendarDoc; fingerprint: string }, year: number, after: CalendarDoc): NoticePreview {
  const was = docCoverage(before.doc);
  const will = docCoverage(after);
  return {
    year,
    basedOn: before.fingerprint,
    wasProvisional: was.provisionalFrom !== undefined && was.provisionalFrom <= `${year}-12-31`,
    through: will.through ?? `${year}-12-31`,
    ...(will.provisionalFrom === undefined ? {} : { provisionalFrom: will.provisionalFrom }),
    changes: diffCalendars(before.doc, after),
  };
}

/** What the calendar audit log counts of a change: how many days differ, and which became working days. */
export function changeSummary(before: CalendarDoc, after: CalendarDoc): { changedDays: number; addedWorkdays: string[] } {
  const changes = diffCalendars(before, after);
  return { changedDays: changes.length, addedWorkdays: changes.filter((change) => change.change === 'workday_added').map((change) => change.date) };
}
