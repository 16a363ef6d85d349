/**
 * Head office's answers to the calendar methods (issue 13 item 3): the same `calendar.*` contract a branch's main
 * answers, so the renderer's working-calendar section is head office's publishing screen. Head office's calendar
 * is the shipped one with the notices it published; importing a notice (admins only) publishes the next version,
 * recorded in head office's log, and branches pull it with sync.
 */
import type { CalendarInForce } from '../shared/api/calendar';
import type { ApiHandlers } from '../shared/api/contract';
import type { Caller } from '../shared/api/dispatch';
import type { PublicUser } from '../shared/api/schemas';
import { ok, type Result } from '../shared/result';
import { headOfficeCalendar, previewNotice, publishNotice, type HeadOfficeCalendar } from './calendars';
import type { Db } from './db/db';

interface CalendarDeskDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly requireUser: (caller: Caller, admin?: boolean, activity?: boolean) => Promise<Result<PublicUser>>;
  readonly log: (message: string, details: Record<string, unknown>) => void;
}

const answerOf = ({ doc, fingerprint, latest }: HeadOfficeCalendar): CalendarInForce => ({
  calendar: doc,
  fingerprint,
  imports: (latest?.imports ?? []).map((entry) => entry.record),
  importsHere: true,
  headOffice: latest ? { version: latest.version, publishedAt: latest.publishedAt } : null,
});

export function headOfficeCalendarHandlers({ db, now, requireUser, log }: CalendarDeskDeps): Pick<ApiHandlers, 'calendar.get' | 'calendar.previewNotice' | 'calendar.importNotice'> {
  return {
    'calendar.get': async (_input, caller) => {
      const user = await requireUser(caller, false, false);
      return user.ok ? ok(answerOf(await headOfficeCalendar(db))) : user;
    },
    'calendar.previewNotice': async (file, caller) => {
      const admin = await requireUser(caller, true);
      return admin.ok ? previewNotice(db, file) : admin;
    },
    'calendar.importNotice': async (file, caller) => {
      const admin = await requireUser(caller, true);
      if (!admin.ok) return admin;
      const published = await publishNotice(db, file, admin.value.username, now());
      if (!published.ok) {
        log('holiday notice refused', { by: admin.value.id, code: published.error.code, path: published.error.path });
        return published;
      }
      const { version, imports } = published.value.latest;
      log('working calendar published', { by: admin.value.id, version, years: imports.map((entry) => entry.notice.year), fingerprint: published.value.fingerprint });
      return ok(answerOf(published.value));
    },
  };
}
