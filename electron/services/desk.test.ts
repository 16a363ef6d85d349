import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_SETUP, memoryLogger, withTempDir, inWindow } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';
import { apiContract } from '../../shared/api/contract';

const REGISTRATION = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳', phone: '13812345678' },
  receivedAt: '2026-11-23T02:00:00.000Z',
  description: '收银员态度恶劣',
  requests: ['apology'],
};

const SETUP = BRANCH_SETUP;

async function withDesk(work: (desk: Desk, dir: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
    try {
      await work(desk, dir);
    } finally {
      await desk.close();
    }
  });
}

describe('branch set-up and sign-in', () => {
  it('sets up the branch once, signs the admin in, and keeps both across a restart', async () => {
    await withTempDir(async (dir) => {
      const first = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      expect(await inWindow(first)('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
      const created = await inWindow(first)('setup.createBranch', SETUP);
      expect(created).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
      expect(await inWindow(first)('auth.session', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
      expect(await inWindow(first)('setup.createBranch', SETUP)).toMatchObject({ ok: false, error: { code: 'already_configured' } });
      await first.close();

      const second = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      expect(await inWindow(second)('setup.status', {})).toEqual({
        ok: true,
        value: { configured: true, branch: { code: 'BR01', name: '朝阳门店', timeZone: 'Asia/Shanghai' } },
      });
      expect(await inWindow(second)('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      expect(await inWindow(second)('auth.signIn', { username: 'ADMIN', password: 'correct horse' })).toMatchObject({ ok: true });
      await second.close();
    });
  });

  it('stores a salted scrypt hash, never the password', async () => {
    await withDesk(async (desk, dir) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      const stored = await readFile(join(dir, 'users.json'), 'utf8');
      expect(stored).not.toContain('correct horse');
      expect(stored).toMatch(/"passwordHash": "scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"/);
    });
  });

  it('refuses a wrong password and an unknown user with the same bad_credentials', async () => {
    await withDesk(async (desk) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      await inWindow(desk)('auth.signOut', {});
      const wrongPassword = await inWindow(desk)('auth.signIn', { username: 'admin', password: 'wrong password' });
      const unknownUser = await inWindow(desk)('auth.signIn', { username: 'nobody', password: 'correct horse' });
      expect(wrongPassword).toEqual(unknownUser);
      expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await inWindow(desk)('auth.session', {})).toEqual({ ok: true, value: { user: null } });
    });
  });

  it('locks a name out for 30 s after 5 wrong passwords, even for the right one', async () => {
    await withTempDir(async (dir) => {
      let clock = Date.parse('2026-11-23T08:00:00Z');
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => new Date(clock) });
      await inWindow(desk)('setup.createBranch', SETUP);
      await inWindow(desk)('auth.signOut', {});
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(await inWindow(desk)('auth.signIn', { username: 'admin', password: 'guess-number-' + attempt })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      }
      const right = { username: 'admin', password: 'correct horse' };
      expect(await inWindow(desk)('auth.signIn', right)).toMatchObject({ ok: false, error: { code: 'too_many_attempts', params: { seconds: 30 } } });
      clock += 30_000;
      expect(await inWindow(desk)('auth.signIn', right)).toMatchObject({ ok: true });
      await desk.close();
    });
  });

  it('enforces the password rules with a code and the field', async () => {
    await withDesk(async (desk) => {
      const short = await inWindow(desk)('setup.createBranch', { ...SETUP, password: 'short', confirmPassword: 'short' });
      expect(short).toMatchObject({ ok: false, error: { code: 'password_too_short', path: 'password', params: { min: 8 } } });
      const mismatch = await inWindow(desk)('setup.createBranch', { ...SETUP, confirmPassword: 'something else' });
      expect(mismatch).toMatchObject({ ok: false, error: { code: 'password_mismatch', path: 'confirmPassword' } });
      const zone = await inWindow(desk)('setup.createBranch', { ...SETUP, timeZone: 'Mars/Olympus' });
      expect(zone).toMatchObject({ ok: false, error: { code: 'invalid_time_zone', path: 'timeZone' } });
      expect(await inWindow(desk)('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
    });
  });
});

describe('users and roles', () => {
  it('lets only an admin create users, each with a role', async () => {
    await withDesk(async (desk) => {
      expect(await inWindow(desk)('users.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      await inWindow(desk)('setup.createBranch', SETUP);
      const staff = await inWindow(desk)('users.create', { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' });
      expect(staff).toMatchObject({ ok: true, value: { user: { username: 'li.na', displayName: '李娜', role: 'staff' } } });
      expect(await inWindow(desk)('users.create', { username: 'Li.Na', role: 'staff', password: 'counter-two' })).toMatchObject({
        ok: false,
        error: { code: 'username_taken', path: 'username' },
      });
      expect(await inWindow(desk)('users.create', { username: 'x', role: 'boss', password: 'counter-two' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });

      await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(await inWindow(desk)('users.create', { username: 'wang', role: 'admin', password: 'counter-three' })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      const listed = await inWindow(desk)('users.list', {});
      expect(listed.ok && (listed.value as { users: { role: string }[] }).users.map((user) => user.role)).toEqual(['admin', 'staff']);
    });
  });
});

describe('staff accounts over the contract', () => {
  const STAFF = { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' } as const;
  async function createStaff(desk: Desk, adminWindow = inWindow(desk)): Promise<string> {
    const created = await adminWindow('users.create', STAFF);
    if (!created.ok) throw new Error(created.error.code);
    return (created.value as { user: { id: string } }).user.id;
  }

  it('lets an admin deactivate an account: it then cannot sign in, and a wrong password still says bad_credentials', async () => {
    await withDesk(async (desk) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      const id = await createStaff(desk);
      expect(await inWindow(desk)('users.update', { id, active: false })).toMatchObject({ ok: true, value: { user: { id, active: false } } });
      await inWindow(desk)('auth.signOut', {});
      expect(await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      expect(await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'not-it-at-all' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await inWindow(desk)('auth.session', {})).toEqual({ ok: true, value: { user: null } });

      await inWindow(desk)('auth.signIn', { username: 'admin', password: 'correct horse' });
      expect(await inWindow(desk)('users.update', { id, active: true })).toMatchObject({ ok: true, value: { user: { active: true } } });
      expect(await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: true, value: { user: { id } } });
    });
  });

  it('ends the session of an account deactivated meanwhile in another window', async () => {
    await withDesk(async (desk) => {
      const adminWindow = inWindow(desk, 'window-admin');
      await adminWindow('setup.createBranch', SETUP);
      const id = await createStaff(desk, adminWindow);
      const staffWindow = inWindow(desk, 'window-staff');
      expect(await staffWindow('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: true });

      await adminWindow('users.update', { id, active: false });
      expect(await staffWindow('users.list', {})).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      expect(await staffWindow('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      await adminWindow('users.update', { id, active: true });
      expect(await staffWindow('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      expect(await adminWindow('auth.session', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    });
  });

  it('refuses account changes by a non-admin and bad payloads, changing nothing in users.json', async () => {
    await withDesk(async (desk, dir) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      const id = await createStaff(desk);
      const before = await readFile(join(dir, 'users.json'), 'utf8');
      expect(await inWindow(desk)('users.update', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await inWindow(desk)('users.update', { id, role: 'boss' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'role' } });
      expect(await inWindow(desk)('users.update', { id, active: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'active' } });
      expect(await inWindow(desk)('users.update', { id, displayName: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'displayName' } });
      expect(await inWindow(desk)('users.update', { id, active: true, passwordHash: 'scrypt$1' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await inWindow(desk)('users.resetPassword', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'password' } });
      expect(await inWindow(desk)('users.update', { id: 'u-nobody', role: 'staff' })).toMatchObject({ ok: false, error: { code: 'unknown_user' } });

      await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' });
      const admins = await inWindow(desk)('users.list', {});
      const adminId = admins.ok && (admins.value as { users: { id: string; role: string }[] }).users.find((user) => user.role === 'admin')?.id;
      expect(await inWindow(desk)('users.update', { id: adminId, active: false })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await inWindow(desk)('users.update', { id, role: 'admin' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await inWindow(desk)('users.resetPassword', { id: adminId, password: 'taken-over-1' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe(before);

      await inWindow(desk)('auth.signOut', {});
      expect(await inWindow(desk)('users.changeOwnPassword', { currentPassword: 'counter-one', password: 'brand-new-1' })).toMatchObject({
        ok: false,
        error: { code: 'not_signed_in' },
      });
      expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe(before);
    });
  });

  it('refuses the admin deactivating or demoting themself as the last admin', async () => {
    await withDesk(async (desk) => {
      const created = await inWindow(desk)('setup.createBranch', SETUP);
      const adminId = created.ok && (created.value as { user: { id: string } }).user.id;
      expect(await inWindow(desk)('users.update', { id: adminId, active: false })).toMatchObject({ ok: false, error: { code: 'cannot_deactivate_self' } });
      expect(await inWindow(desk)('users.update', { id: adminId, role: 'staff' })).toMatchObject({ ok: false, error: { code: 'last_admin', path: 'role' } });
      expect(await inWindow(desk)('users.resetPassword', { id: adminId, password: 'no-current-needed' })).toMatchObject({ ok: false, error: { code: 'reset_own_password' } });
      expect(await inWindow(desk)('auth.session', {})).toMatchObject({ ok: true, value: { user: { role: 'admin', active: true } } });
    });
  });

  it('lets anyone change their own password with the current one, throttling wrong guesses like sign-in', async () => {
    await withDesk(async (desk) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      await createStaff(desk);
      await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' });
      const change = (currentPassword: string) => inWindow(desk)('users.changeOwnPassword', { currentPassword, password: 'brand-new-1', confirmPassword: 'brand-new-1' });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(await change(`guess-${attempt}`)).toMatchObject({ ok: false, error: { code: 'wrong_current_password', path: 'currentPassword' } });
      }
      expect(await change('counter-one')).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    });
  });

  it('changes the own password, after which only the new one signs in', async () => {
    await withDesk(async (desk) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      await createStaff(desk);
      await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(await inWindow(desk)('users.changeOwnPassword', { currentPassword: 'counter-one', password: 'brand-new-1', confirmPassword: 'brand-new-1' })).toEqual({
        ok: true,
        value: {},
      });
      await inWindow(desk)('auth.signOut', {});
      expect(await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await inWindow(desk)('auth.signIn', { username: 'li.na', password: 'brand-new-1' })).toMatchObject({ ok: true });
    });
  });
});

describe('main decides every step (the authority over the record)', () => {
  const journalOf = async (dir: string) => (await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { seq: number; type: string; actor: string; payload: { number?: string } });
  const request = (n: number) => `req-${String(n).padStart(8, '0')}`;
  let clock = new Date('2026-11-23T02:00:00.000Z');
  const openAt = (dir: string) => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => clock });

  async function branchWithStaff(dir: string) {
    clock = new Date('2026-11-23T02:00:00.000Z');
    const desk = await openAt(dir);
    const admin = inWindow(desk, 'window-admin');
    await admin('setup.createBranch', SETUP);
    await admin('users.create', { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' });
    const staff = inWindow(desk, 'window-staff');
    const signedIn = await staff('auth.signIn', { username: 'li.na', password: 'counter-one' });
    if (!signedIn.ok) throw new Error(signedIn.error.code);
    const staffId = (signedIn.value as { user: { id: string } }).user.id;
    return { desk, admin, staff, staffId };
  }
  const register = (call: ReturnType<typeof inWindow>, n: number, extra: Record<string, unknown> = {}) =>
    call('complaints.decide', { requestId: request(n), action: 'register', input: { ...REGISTRATION, receivedAt: clock.toISOString(), ...extra } });
  const numberOf = (result: Awaited<ReturnType<Desk['dispatch']>>) => (result.ok ? (result.value as { events: { payload: { number?: string } }[] }).events[0]?.payload.number : result.error.code);

  it('journals a registration as the signed-in person, with a number main allocates, once it is on disk', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff, staffId } = await branchWithStaff(dir);
      expect(await inWindow(desk, 'window-nobody')('complaints.decide', { requestId: request(9), action: 'register', input: REGISTRATION })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      const first = await register(staff, 1);
      expect(first).toMatchObject({ ok: true, value: { journaledThroughSeq: 1, events: [{ seq: 1, actor: staffId, type: 'Registered', payload: { number: 'BR01-20261123-0001', receivedBy: staffId } }] } });
      // A number the caller makes up is not the caller's to give: main gives the next one.
      expect(numberOf(await register(staff, 2, { number: 'BR01-20261123-0001' }))).toBe('BR01-20261123-0002');
      expect(await journalOf(dir)).toMatchObject([{ seq: 1, actor: staffId }, { seq: 2, actor: staffId }]);
      await desk.close();
      // A restart folds the journal again: numbering and sequence go on, nothing is handed out twice.
      const again = await openAt(dir);
      await inWindow(again)('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(await register(inWindow(again), 3)).toMatchObject({ ok: true, value: { events: [{ seq: 3, payload: { number: 'BR01-20261123-0003' } }] } });
      await again.close();
    });
  });

  it('refuses the forgeries a staff session could try, journaling nothing', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff } = await branchWithStaff(dir);
      const registered = await register(staff, 1);
      const complaintId = registered.ok ? (registered.value as { events: { complaintId: string }[] }).events[0]?.complaintId : undefined;
      const before = await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8');
      const step = (n: number, action: string, input: unknown, id = complaintId) => staff('complaints.decide', { requestId: request(n), action, complaintId: id, input });

      expect(await step(10, 'void', { reason: '登记错误' })).toMatchObject({ ok: false, error: { code: 'supervisor_required' } });
      expect(await step(11, 'acknowledge', {}, 'never-registered')).toMatchObject({ ok: false, error: { code: 'complaint_not_found' } });
      expect(await step(12, 'register', REGISTRATION)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'complaintId' } });
      // Who acted is the session's, never the payload's.
      expect(await staff('complaints.decide', { requestId: request(13), action: 'acknowledge', complaintId, input: {}, actor: 'u-admin' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await register(staff, 14, { seq: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await staff('journal.append', { events: [] })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8')).toBe(before);
      await desk.close();
    });
  });

  it('sends a clerk the contact details only of complaints they received or handle; supervisors see all', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff, admin } = await branchWithStaff(dir);
      await register(staff, 1);
      await register(admin, 2, { complainant: { name: '李雷', phone: '13900001111', email: 'li@example.cn', address: '上海市徐汇区' } });
      const complainants = async (call: typeof staff) => {
        const read = await call('journal.read', { afterSeq: 0 });
        if (!read.ok) return read.error.code;
        // As the window reads the page: every event parsed.
        return apiContract['journal.read'].output.parse(read.value).events.flatMap((event) => (event.type === 'Registered' ? [event.payload.complainant] : []));
      };
      expect(await complainants(staff)).toEqual([{ name: '王芳', phone: '13812345678' }, { name: '李雷' }]);
      expect(await complainants(admin)).toEqual([{ name: '王芳', phone: '13812345678' }, { name: '李雷', phone: '13900001111', email: 'li@example.cn', address: '上海市徐汇区' }]);
      // The journal itself keeps everything.
      expect(await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8')).toContain('13900001111');
      await desk.close();
    });
  });

  it('answers a re-sent request with its first answer instead of deciding it twice', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff } = await branchWithStaff(dir);
      const first = await register(staff, 1);
      expect(await register(staff, 1)).toEqual(first);
      expect(await journalOf(dir)).toHaveLength(1);
      await desk.close();
    });
  });

  it('answers a request re-sent after main restarted with the number already journaled, not a second complaint', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff } = await branchWithStaff(dir);
      const first = await register(staff, 1);
      await desk.close();
      const again = await openAt(dir);
      const retry = inWindow(again, 'window-staff');
      await retry('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(numberOf(await register(retry, 1))).toBe(numberOf(first));
      expect(numberOf(await register(retry, 2))).toBe('BR01-20261123-0002');
      expect((await journalOf(dir)).map((event) => event.payload.number)).toEqual(['BR01-20261123-0001', 'BR01-20261123-0002']);
      await again.close();
    });
  });

  it('escalates as the system only what the rule says is due at main’s clock', async () => {
    await withTempDir(async (dir) => {
      const { desk, staff, admin } = await branchWithStaff(dir);
      const registered = await register(staff, 1);
      const complaintId = registered.ok ? (registered.value as { events: { complaintId: string }[] }).events[0]?.complaintId : '';
      expect(await staff('complaints.escalateDue', { complaintIds: [complaintId, 'unknown'] })).toEqual({ ok: true, value: { events: [], journaledThroughSeq: 1 } });
      clock = new Date(clock.getTime() + 25 * 3_600_000);
      // A window left alone that long is signed out (30 min idle); its person signs in again.
      expect(await admin('complaints.escalateDue', { complaintIds: [complaintId] })).toMatchObject({ ok: false, error: { code: 'session_expired', params: { minutes: 30 } } });
      await admin('auth.signIn', { username: 'admin', password: 'correct horse' });
      const due = await admin('complaints.escalateDue', { complaintIds: [complaintId] });
      expect(due).toMatchObject({ ok: true, value: { events: [{ seq: 2, actor: 'system', type: 'Escalated', payload: { trigger: 'tier_deadline', toTier: 'T2' } }] } });
      expect(await admin('complaints.escalateDue', { complaintIds: [complaintId] })).toMatchObject({ ok: true, value: { events: [] } });
      await desk.close();
    });
  });
});

describe('settings', () => {
  it('starts in Chinese, remembers a change, and honours a launch language', async () => {
    await withTempDir(async (dir) => {
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      expect(await inWindow(desk)('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-CN', prefs: {} } });
      expect(await inWindow(desk)('settings.set', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      await inWindow(desk)('setup.createBranch', SETUP);
      expect(await inWindow(desk)('settings.set', { prefs: { boardView: 'compact' } })).toEqual({
        ok: true,
        value: { language: 'zh-CN', prefs: { boardView: 'compact' } },
      });
      expect(await inWindow(desk)('settings.set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'language' } });
      const tooMany = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`key${index}`, index]));
      expect(await inWindow(desk)('settings.set', { prefs: tooMany })).toMatchObject({ ok: false, error: { code: 'too_many_prefs' } });
      await desk.close();

      const english = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, language: 'en', log: memoryLogger() });
      expect(await inWindow(english)('settings.get', {})).toEqual({ ok: true, value: { language: 'en', prefs: { boardView: 'compact' } } });
      await english.close();
      // `audit`: the sign-ins and the account created are on record.
      expect((await readdir(dir)).sort()).toEqual(['audit', 'branch.json', 'journal', 'journal.checkpoint.json', 'logs', 'settings.json', 'users.json']);
    });
  });
});

describe('app.reportBug', () => {
  /** A logger that keeps each line's data, to see what main wrote. */
  function recordingLogger() {
    const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
    const at = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, data });
    return { lines, info: at('info'), warn: at('warn'), error: at('error') };
  }

  it('writes a window’s bug to main’s log with the app version and route, before anyone signs in', async () => {
    await withTempDir(async (dir) => {
      const log = recordingLogger();
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log });
      try {
        const report = { message: 'Cannot read properties of undefined (reading "grade")', stack: 'TypeError: …\n    at Row (Register.tsx:12)', route: '#/complaints/c-1' };
        expect(await desk.dispatch('app.reportBug', report, { window: 'window-a' })).toEqual({ ok: true, value: {} });
        const logged = log.lines.filter((line) => line.level === 'error');
        expect(logged).toEqual([{ level: 'error', message: 'a window reported a bug', data: expect.objectContaining({ ...report, version: '0.1.0', window: 'window-a' }) }]);
      } finally {
        await desk.close();
      }
    });
  });

  it('refuses a report beyond its bounds before logging anything', async () => {
    await withTempDir(async (dir) => {
      const log = recordingLogger();
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log });
      try {
        const tooLong = [
          { message: 'x'.repeat(2_001), route: '#/' },
          { message: 'x', stack: 's'.repeat(20_001), route: '#/' },
          { message: 'x', route: 'r'.repeat(201) },
          { message: 'x', route: '#/', extra: 1 },
        ];
        for (const input of tooLong) expect(await desk.dispatch('app.reportBug', input, { window: 'window-a' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
      } finally {
        await desk.close();
      }
    });
  });

  it('is rate-limited per window, and lets reports in again a minute later', async () => {
    await withTempDir(async (dir) => {
      const log = recordingLogger();
      let clock = Date.parse('2026-11-23T02:00:00.000Z');
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log, now: () => new Date(clock) });
      try {
        const report = (window: string) => desk.dispatch('app.reportBug', { message: 'loop', route: '#/' }, { window });
        for (let i = 0; i < 5; i += 1) expect(await report('window-a')).toEqual({ ok: true, value: {} });
        expect(await report('window-a')).toMatchObject({ ok: false, error: { code: 'too_many_bug_reports' } });
        expect(await report('window-b')).toEqual({ ok: true, value: {} }); // another window is not silenced
        clock += 60_000;
        expect(await report('window-a')).toEqual({ ok: true, value: {} });
        expect(log.lines.filter((line) => line.message === 'a window reported a bug')).toHaveLength(7);
      } finally {
        await desk.close();
      }
    });
  });
});

describe('notifications.show', () => {
  it('shows a signed-in window’s notice through the Electron notifier; browser mode and a signed-out window show nothing', async () => {
    await withTempDir(async (dir) => {
      const shown: { title: string; body: string }[] = [];
      const desk = await openDesk({ dataDir: dir, mode: 'electron', version: '0.1.0', validateOutput: true, log: memoryLogger(), showNotification: (note) => shown.push(note) > 0 });
      try {
        const note = { title: '投诉 SH01-20261123-0001 已超时', body: '点击打开投诉' };
        expect(await inWindow(desk)('notifications.show', note)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
        await inWindow(desk)('setup.createBranch', SETUP);
        expect(await inWindow(desk)('notifications.show', note)).toEqual({ ok: true, value: { shown: true } });
        // Bad input is refused before the notifier is called.
        expect(await inWindow(desk)('notifications.show', { title: '', body: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(await inWindow(desk)('notifications.show', { title: 'x'.repeat(201), body: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(shown).toEqual([note]);
      } finally {
        await desk.close();
      }
    });
    await withDesk(async (desk) => {
      await inWindow(desk)('setup.createBranch', SETUP);
      expect(await inWindow(desk)('notifications.show', { title: 'x', body: '' })).toEqual({ ok: true, value: { shown: false } });
    });
  });
});
