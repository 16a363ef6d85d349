/**
 * Calendar push end to end (issue 13 item 3): head office's admin publishes the 2027 holiday notice on the real
 * head-office server, the branch's real desk (main's services and sync engine) pulls it after a sync round, and
 * main counts deadlines on it from then on — an extension over 春节 skips the notice's longer holiday and lands on
 * its Saturday make-up working day (调休), where before the pull it counted on the provisional calendar. The
 * branch's own import is refused from then on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CalendarInForce } from '../../shared/api/calendar';
import { BranchCodeSchema } from '../../shared/brand';
import { encodeEnrolment } from '../../shared/sync/enrolment';
import { createAccounts } from '../../server/accounts';
import { openDesk } from '../../electron/services/desk';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../unit/platform/fixtures';
import { headOfficeTab } from '../server/harness';
import { headOfficeForSuite, valueOf, WALK_IN } from './headOfficeSuite';

const NOTICE = join(import.meta.dirname, '..', 'fixtures', 'calendars', 'cn-2027-notice.example.json');

/** Received on Monday 1 February 2027, 10:00 in Shanghai: its resolution deadline falls just before 春节. */
const RECEIVED_AT = '2027-02-01T02:00:00.000Z';
/** The branch's clock runs from an hour after that (head office's runs on today's: the engine corrects what it signs). */
const SHIFT_MS = Date.parse(RECEIVED_AT) + 3_600_000 - Date.now();

const REGISTRATION = { ...WALK_IN, receivedAt: RECEIVED_AT };

/** The Shanghai calendar date of an instant. */
const shanghaiDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('a working calendar published at head office', () => {
  const office = headOfficeForSuite(async (started) => {
    const made = await createAccounts(started.running.db).create({ username: 'zongbu', role: 'admin', password: 'zongbu-2026' }, new Date());
    if (!made.ok) throw new Error(made.error.message);
  });

  it('reaches the branch with sync; main counts deadlines on it from then on, and refuses the branch’s own import', async () => {
    await withTempDir(async (dir) => {
      const secret = await office().enrol(BRANCH_SETUP.branchCode);
      const hq = headOfficeTab(office().url);
      expect(await hq('auth.signIn', { username: 'zongbu', password: 'zongbu-2026' })).toMatchObject({ ok: true });
      const file = { format: 'json', text: await readFile(NOTICE, 'utf8'), fileName: '2027.json' };
      const preview = await hq('calendar.previewNotice', file);
      expect(await hq('calendar.importNotice', { ...file, basedOn: preview.ok ? preview.value.basedOn : '' })).toMatchObject({ ok: true, value: { headOffice: { version: 1 } } });

      const desk = await openDesk({
        dataDir: join(dir, 'data'),
        mode: 'browser',
        version: '0.1.0',
        validateOutput: true,
        log: memoryLogger(),
        now: () => new Date(Date.now() + SHIFT_MS),
      });
      try {
        const admin = inWindow(desk);
        valueOf(await admin('setup.createBranch', BRANCH_SETUP));
        let request = 0;
        const decide = async (input: Record<string, unknown>) =>
          valueOf<{ events: { type: string; complaintId: string; payload: { newDeadline?: string } }[] }>(
            await admin('complaints.decide', { requestId: `req-${String(++request).padStart(8, '0')}`, ...input }),
          ).events;
        /** A new complaint whose resolution deadline is extended by six working days: the new deadline's date. */
        const extendedSixWorkingDays = async () => {
          const [registered] = await decide({ action: 'register', input: REGISTRATION });
          const events = await decide({ action: 'extend', complaintId: registered?.complaintId, input: { reason: '需供应商检测', workingDays: 6, customerInformedBy: 'phone' } });
          return shanghaiDate(events.find((event) => event.type === 'Extended')?.payload.newDeadline ?? '');
        };

        // The shipped calendar: 2027 is provisional, 春节 is its four statutory days (5–8 February), no 调休.
        const shipped = valueOf<CalendarInForce>(await admin('calendar.get', {}));
        expect(shipped).toMatchObject({ importsHere: true, headOffice: null });
        expect(await extendedSixWorkingDays()).toBe('2027-02-16');

        const code = encodeEnrolment({ url: office().url, branch: BranchCodeSchema.parse(BRANCH_SETUP.branchCode), secret, issuedAt: new Date().toISOString() });
        valueOf(await admin('sync.enrol', { code }));
        await vi.waitFor(async () => expect(valueOf<CalendarInForce>(await admin('calendar.get', {})).headOffice).not.toBeNull(), { timeout: 20_000 });

        const pulled = valueOf<CalendarInForce>(await admin('calendar.get', {}));
        expect(pulled).toMatchObject({
          importsHere: false,
          headOffice: { version: 1, arrivedAt: expect.stringMatching(/^2027-02-01T/) },
          imports: [{ year: 2027, fileName: '2027.json', importedBy: 'zongbu', headOfficeVersion: 1 }],
          calendar: { coverage: { through: '2027-12-31' } },
        });
        expect(pulled.calendar.coverage?.provisionalFrom).toBeUndefined();
        // The notice's 春节 runs 5–13 February and Saturday the 20th is a make-up working day: the sixth working day.
        expect(await extendedSixWorkingDays()).toBe('2027-02-20');

        const audit = (await readFile(join(dir, 'data', 'audit', 'calendar.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(audit).toEqual([
          expect.objectContaining({ kind: 'calendar-from-head-office', headOfficeVersion: 1, from: shipped.fingerprint, to: pulled.fingerprint, addedWorkdays: expect.arrayContaining(['2027-02-20']) }),
        ]);

        // The branch's own import is refused now, and changes nothing.
        const own = { format: 'json', text: file.text };
        expect(await admin('calendar.previewNotice', own)).toMatchObject({ ok: false, error: { code: 'calendar_from_head_office' } });
        expect(await admin('calendar.importNotice', { ...own, basedOn: pulled.fingerprint })).toMatchObject({ ok: false, error: { code: 'calendar_from_head_office' } });

        // A second round with nothing new changes nothing.
        valueOf(await admin('sync.now', {}));
        await vi.waitFor(async () => expect(valueOf<{ running: boolean }>(await admin('sync.status', {})).running).toBe(false));
        expect(valueOf<CalendarInForce>(await admin('calendar.get', {}))).toEqual(pulled);
        expect((await readFile(join(dir, 'data', 'audit', 'calendar.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
      } finally {
        await desk.close();
      }
    });
  }, 60_000);
});
