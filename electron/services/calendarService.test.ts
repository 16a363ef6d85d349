import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { CalendarAuditEntrySchema, type CalendarInForce, type NoticePreview } from '../../shared/api/calendar';
import { PublicUserSchema } from '../../shared/api/schemas';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { dayNumberOf } from '../../shared/calendar/dates';
import { CN_CALENDAR } from '../../shared/calendar/defaults';
import { openAuditLog } from './auditLog';
import { openCalendarService } from './calendarService';
import { fileExists } from './jsonFile';
import { openDesk, type Desk } from './desk';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'calendars');
const feed = () => readFile(join(FIXTURES, 'cn-2027-notice.example.ics'), 'utf8');

const open = (dir: string) => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });

async function withAdminDesk(work: (call: ReturnType<typeof inWindow>, dir: string, desk: Desk) => Promise<void>) {
  await withTempDir(async (dir) => {
    const desk = await open(dir);
    try {
      const call = inWindow(desk);
      expect(await call('setup.createBranch', BRANCH_SETUP)).toMatchObject({ ok: true });
      await work(call, dir, desk);
    } finally {
      await desk.close();
    }
  });
}

function valueOf<T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok: ${result.error?.message ?? ''}`);
  return result.value as T;
}

describe('importing a holiday notice into the working calendar', () => {
  it('previews day by day without changing anything, then imports, stores and records it; a restart keeps it', async () => {
    await withAdminDesk(async (call, dir) => {
      const before = valueOf<CalendarInForce>(await call('calendar.get', {}));
      expect(before.calendar.coverage).toEqual({ through: '2027-12-31', provisionalFrom: '2027-01-01' });

      const file = { format: 'ics', text: await feed(), fileName: '2027 holidays.ics' };
      const preview = valueOf<NoticePreview>(await call('calendar.previewNotice', file));
      expect(preview).toMatchObject({ year: 2027, basedOn: before.fingerprint, wasProvisional: true, through: '2027-12-31' });
      expect(preview.provisionalFrom).toBeUndefined();
      expect(preview.changes.filter((change) => change.change === 'workday_added').map((change) => change.date)).toEqual([
        '2027-01-31',
        '2027-02-20',
        '2027-04-25',
        '2027-05-08',
        '2027-09-26',
        '2027-10-09',
      ]);
      // A preview is only a look.
      expect(await fileExists(join(dir, 'calendar.json'))).toBe(false);
      expect(valueOf<CalendarInForce>(await call('calendar.get', {})).fingerprint).toBe(before.fingerprint);

      const imported = valueOf<CalendarInForce>(await call('calendar.importNotice', { ...file, basedOn: preview.basedOn }));
      expect(imported.calendar.coverage).toEqual({ through: '2027-12-31' });
      expect(imported.imports).toEqual([expect.objectContaining({ year: 2027, format: 'ics', fileName: '2027 holidays.ics', importedBy: 'admin' })]);
      expect(imported.fingerprint).not.toBe(before.fingerprint);

      const audit = (await readFile(join(dir, 'audit', 'calendar.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(audit).toEqual([
        expect.objectContaining({ kind: 'notice-imported', year: 2027, username: 'admin', role: 'admin', from: before.fingerprint, to: imported.fingerprint, addedWorkdays: expect.arrayContaining(['2027-02-20']) }),
      ]);

      // Importing the same file again is refused once the preview it was confirmed on is out of date.
      expect(await call('calendar.importNotice', { ...file, basedOn: preview.basedOn })).toMatchObject({ ok: false, error: { code: 'calendar_changed' } });
    });
  });

  it('keeps the imported calendar across a restart', async () => {
    await withTempDir(async (dir) => {
      const first = await open(dir);
      await inWindow(first)('setup.createBranch', BRANCH_SETUP);
      const basedOn = valueOf<CalendarInForce>(await inWindow(first)('calendar.get', {})).fingerprint;
      const imported = valueOf<CalendarInForce>(await inWindow(first)('calendar.importNotice', { format: 'ics', text: await feed(), basedOn }));
      await first.close();

      const second = await open(dir);
      try {
        await inWindow(second)('auth.signIn', { username: 'admin', password: BRANCH_SETUP.password });
        expect(valueOf<CalendarInForce>(await inWindow(second)('calendar.get', {}))).toEqual(imported);
      } finally {
        await second.close();
      }
    });
  });

  it('refuses a malformed file with a clear code and changes nothing', async () => {
    await withAdminDesk(async (call, dir) => {
      const before = valueOf<CalendarInForce>(await call('calendar.get', {}));
      const broken = [
        { format: 'json', text: '{"year": 2027, "holidays": [' },
        { format: 'json', text: JSON.stringify({ year: 2027, holidays: [{ from: '2027-10-01', to: '2027-09-30' }] }) },
        { format: 'ics', text: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:国庆节\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' },
        { format: 'ics', text: 'hello' },
      ];
      const codes = [];
      for (const file of broken) {
        const refused = await call('calendar.importNotice', { ...file, basedOn: before.fingerprint });
        expect(refused.ok).toBe(false);
        if (!refused.ok) codes.push([refused.error.code, refused.error.path]);
        expect(await call('calendar.previewNotice', file)).toMatchObject({ ok: false });
      }
      expect(codes).toEqual([
        ['invalid_notice', 'file'],
        ['invalid_notice', 'holidays.0.to'],
        ['invalid_ics', 'events.0.DTSTART'],
        ['invalid_ics', 'line 1'],
      ]);
      expect(await fileExists(join(dir, 'calendar.json'))).toBe(false);
      expect(await fileExists(join(dir, 'audit', 'calendar.jsonl'))).toBe(false);
      expect(valueOf<CalendarInForce>(await call('calendar.get', {}))).toEqual(before);
    });
  });

  it('lets only an admin preview or import', async () => {
    await withAdminDesk(async (call) => {
      const basedOn = valueOf<CalendarInForce>(await call('calendar.get', {})).fingerprint;
      await call('users.create', { username: 'li.na', role: 'staff', password: 'counter-one-2026' });
      await call('auth.signOut', {});
      await call('auth.signIn', { username: 'li.na', password: 'counter-one-2026' });
      expect(await call('calendar.get', {})).toMatchObject({ ok: true });
      const file = { format: 'ics', text: await feed() };
      expect(await call('calendar.previewNotice', file)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await call('calendar.importNotice', { ...file, basedOn })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    });
  });

  it('stops the start when calendar.json is damaged, rather than counting deadlines without its notices', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'calendar.json'), '{"version": 1, "imports": [{"notice": {}}]}');
      await expect(open(dir)).rejects.toMatchObject({ problem: { code: 'data_file_damaged', file: join(dir, 'calendar.json') } });
    });
  });
});

describe("head office's calendar at a branch", () => {
  const notice = async () => JSON.parse(await readFile(join(FIXTURES, 'cn-2027-notice.example.json'), 'utf8')) as Record<string, unknown>;
  const record = (version: number) => ({ year: 2027, format: 'json', fileName: '2027.json', importedAt: '2026-12-01T01:00:00.000Z', importedBy: 'zongbu', headOfficeVersion: version });
  const publishedAt = '2026-12-01T01:00:00.000Z';
  const ADMIN = PublicUserSchema.parse({ id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin', active: true, createdAt: publishedAt });
  const workingDay = (calendar: { current(): WorkingCalendar }, date: string) => calendar.current().isWorkingDay(dayNumberOf(date) ?? Number.NaN);

  /** The service on `dir` as main opens it, enrolled or not; the clock stands at 1 December 2026, 09:30 in Shanghai. */
  const service = (dir: string, enrolled: boolean) =>
    openCalendarService({
      file: join(dir, 'calendar.json'),
      base: CN_CALENDAR.doc,
      audit: openAuditLog(join(dir, 'audit', 'calendar.jsonl'), CalendarAuditEntrySchema),
      enrolled: () => enrolled,
      now: () => new Date('2026-12-01T01:30:00.000Z'),
    });
  const auditLines = async (dir: string) =>
    (await fileExists(join(dir, 'audit', 'calendar.jsonl'))) ? (await readFile(join(dir, 'audit', 'calendar.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as unknown) : [];

  it('puts a newer version in force, stores and records it with its version and arrival; an older one changes nothing', async () => {
    await withTempDir(async (dir) => {
      const calendar = await service(dir, true);
      const before = calendar.inForce();
      expect(before).toMatchObject({ importsHere: false, headOffice: null });
      expect(workingDay(calendar, '2027-02-20')).toBe(false);

      const taken = await calendar.receiveFromHeadOffice({ version: 3, publishedAt, notices: [{ notice: await notice(), record: record(3) }] });
      expect(taken).toMatchObject({ ok: true, value: { headOffice: { version: 3, publishedAt, arrivedAt: '2026-12-01T01:30:00.000Z' }, imports: [record(3)] } });
      expect(calendar.headOfficeVersion()).toBe(3);
      // Saturday 20 February 2027 is the notice's make-up working day; Friday the 12th is in its 春节.
      expect(workingDay(calendar, '2027-02-20')).toBe(true);
      expect(workingDay(calendar, '2027-02-12')).toBe(false);
      expect(await auditLines(dir)).toEqual([
        expect.objectContaining({ kind: 'calendar-from-head-office', headOfficeVersion: 3, publishedAt, years: [2027], from: before.fingerprint, to: calendar.inForce().fingerprint }),
      ]);

      expect(await calendar.receiveFromHeadOffice({ version: 2, publishedAt, notices: [] })).toEqual({ ok: true, value: undefined });
      expect(await calendar.receiveFromHeadOffice({ version: 3, publishedAt, notices: [] })).toEqual({ ok: true, value: undefined });
      expect(await auditLines(dir)).toHaveLength(1);

      // fsync'd and read back at the next start.
      expect((await service(dir, true)).inForce()).toEqual(calendar.inForce());
    });
  });

  it('refuses a version whose notices do not read or do not fit here, with where, and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const calendar = await service(dir, true);
      const before = calendar.inForce();
      const unreadable = await calendar.receiveFromHeadOffice({ version: 1, publishedAt, notices: [{ notice: { ...(await notice()), holidays: [{ from: '2027-10-01', to: '2027-09-30' }] }, record: record(1) }] });
      expect(unreadable).toMatchObject({ ok: false, error: { code: 'invalid_notice', path: '0.notice.holidays.0.to' } });
      const leavesAYearOut = await calendar.receiveFromHeadOffice({ version: 1, publishedAt, notices: [{ notice: { ...(await notice()), year: 2029, holidays: [{ date: '2029-10-01' }], makeUpWorkdays: [] }, record: record(1) }] });
      expect(leavesAYearOut).toMatchObject({ ok: false, error: { code: 'notice_year_not_next' } });
      expect(calendar.inForce()).toEqual(before);
      expect(calendar.headOfficeVersion()).toBe(0);
      expect(await fileExists(join(dir, 'calendar.json'))).toBe(false);
      expect(await auditLines(dir)).toEqual([]);
    });
  });

  it('keeps the branch’s own notices for the years head office does not cover, and refuses its own import once enrolled', async () => {
    await withTempDir(async (dir) => {
      const before = await service(dir, false);
      const file = { format: 'ics' as const, text: await feed(), fileName: '2027 holidays.ics' };
      const preview = before.preview(file);
      expect(preview.ok).toBe(true);
      expect(await before.importNotice({ ...file, basedOn: preview.ok ? preview.value.basedOn : '' }, ADMIN)).toMatchObject({ ok: true, value: { imports: [{ year: 2027, importedBy: 'admin' }] } });

      const enrolled = await service(dir, true);
      expect(enrolled.preview(file)).toMatchObject({ ok: false, error: { code: 'calendar_from_head_office' } });
      expect(await enrolled.importNotice({ ...file, basedOn: enrolled.inForce().fingerprint }, ADMIN)).toMatchObject({ ok: false, error: { code: 'calendar_from_head_office' } });
      // Head office publishes 2028 only: the branch's 2027 stays, head office's 2028 extends it.
      const year2028 = { year: 2028, holidays: [{ from: '2028-01-01', to: '2028-01-03', name: '元旦' }], makeUpWorkdays: [] };
      const taken = await enrolled.receiveFromHeadOffice({ version: 1, publishedAt, notices: [{ notice: year2028, record: { ...record(1), year: 2028 } }] });
      expect(taken).toMatchObject({ ok: true, value: { calendar: { coverage: { through: '2028-12-31' } }, imports: [{ year: 2027, importedBy: 'admin' }, { year: 2028, headOfficeVersion: 1 }] } });
      // …and a version with 2027 takes the branch's in its place.
      const replaced = await enrolled.receiveFromHeadOffice({ version: 2, publishedAt, notices: [{ notice: await notice(), record: record(2) }, { notice: year2028, record: { ...record(1), year: 2028 } }] });
      expect(replaced).toMatchObject({ ok: true, value: { imports: [record(2), { year: 2028, headOfficeVersion: 1 }] } });
    });
  });
});
