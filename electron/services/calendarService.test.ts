import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import type { CalendarInForce, NoticePreview } from '../../shared/api/calendar';
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
