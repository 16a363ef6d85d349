import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledged, events, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { UserIdSchema } from '../../shared/brand';
import { openDesk, type Desk } from './desk';
import { createUserStore } from './users';

const SETUP = {
  branchCode: 'BR01',
  branchName: '朝阳门店',
  timeZone: 'Asia/Shanghai',
  adminUsername: 'admin',
  password: 'correct horse',
  confirmPassword: 'correct horse',
};

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
      expect(await first.dispatch('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
      const created = await first.dispatch('setup.createBranch', SETUP);
      expect(created).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
      expect(await first.dispatch('auth.session', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
      expect(await first.dispatch('setup.createBranch', SETUP)).toMatchObject({ ok: false, error: { code: 'already_configured' } });
      await first.close();

      const second = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      expect(await second.dispatch('setup.status', {})).toEqual({
        ok: true,
        value: { configured: true, branch: { code: 'BR01', name: '朝阳门店', timeZone: 'Asia/Shanghai' } },
      });
      expect(await second.dispatch('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      expect(await second.dispatch('auth.signIn', { username: 'ADMIN', password: 'correct horse' })).toMatchObject({ ok: true });
      await second.close();
    });
  });

  it('stores a salted scrypt hash, never the password', async () => {
    await withDesk(async (desk, dir) => {
      await desk.dispatch('setup.createBranch', SETUP);
      const stored = await readFile(join(dir, 'users.json'), 'utf8');
      expect(stored).not.toContain('correct horse');
      expect(stored).toMatch(/"passwordHash": "scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"/);
    });
  });

  it('refuses a wrong password and an unknown user with the same bad_credentials', async () => {
    await withDesk(async (desk) => {
      await desk.dispatch('setup.createBranch', SETUP);
      await desk.dispatch('auth.signOut', {});
      const wrongPassword = await desk.dispatch('auth.signIn', { username: 'admin', password: 'wrong password' });
      const unknownUser = await desk.dispatch('auth.signIn', { username: 'nobody', password: 'correct horse' });
      expect(wrongPassword).toEqual(unknownUser);
      expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await desk.dispatch('auth.session', {})).toEqual({ ok: true, value: { user: null } });
    });
  });

  it('locks a name out for 30 s after 5 wrong passwords, even for the right one', async () => {
    await withTempDir(async (dir) => {
      let clock = Date.parse('2026-11-23T08:00:00Z');
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => new Date(clock) });
      await desk.dispatch('setup.createBranch', SETUP);
      await desk.dispatch('auth.signOut', {});
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(await desk.dispatch('auth.signIn', { username: 'admin', password: 'guess-number-' + attempt })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      }
      const right = { username: 'admin', password: 'correct horse' };
      expect(await desk.dispatch('auth.signIn', right)).toMatchObject({ ok: false, error: { code: 'too_many_attempts', params: { seconds: 30 } } });
      clock += 30_000;
      expect(await desk.dispatch('auth.signIn', right)).toMatchObject({ ok: true });
      await desk.close();
    });
  });

  it('enforces the password rules with a code and the field', async () => {
    await withDesk(async (desk) => {
      const short = await desk.dispatch('setup.createBranch', { ...SETUP, password: 'short', confirmPassword: 'short' });
      expect(short).toMatchObject({ ok: false, error: { code: 'password_too_short', path: 'password', params: { min: 8 } } });
      const mismatch = await desk.dispatch('setup.createBranch', { ...SETUP, confirmPassword: 'something else' });
      expect(mismatch).toMatchObject({ ok: false, error: { code: 'password_mismatch', path: 'confirmPassword' } });
      const zone = await desk.dispatch('setup.createBranch', { ...SETUP, timeZone: 'Mars/Olympus' });
      expect(zone).toMatchObject({ ok: false, error: { code: 'invalid_time_zone', path: 'timeZone' } });
      expect(await desk.dispatch('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
    });
  });
});

describe('users and roles', () => {
  it('lets only an admin create users, each with a role', async () => {
    await withDesk(async (desk) => {
      expect(await desk.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      await desk.dispatch('setup.createBranch', SETUP);
      const staff = await desk.dispatch('users.create', { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' });
      expect(staff).toMatchObject({ ok: true, value: { user: { username: 'li.na', displayName: '李娜', role: 'staff' } } });
      expect(await desk.dispatch('users.create', { username: 'Li.Na', role: 'staff', password: 'counter-two' })).toMatchObject({
        ok: false,
        error: { code: 'username_taken', path: 'username' },
      });
      expect(await desk.dispatch('users.create', { username: 'x', role: 'boss', password: 'counter-two' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });

      await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(await desk.dispatch('users.create', { username: 'wang', role: 'admin', password: 'counter-three' })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      const listed = await desk.dispatch('users.list', {});
      expect(listed.ok && (listed.value as { users: { role: string }[] }).users.map((user) => user.role)).toEqual(['admin', 'staff']);
    });
  });
});

describe('staff accounts over the contract', () => {
  const STAFF = { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' } as const;
  async function createStaff(desk: Desk): Promise<string> {
    const created = await desk.dispatch('users.create', STAFF);
    if (!created.ok) throw new Error(created.error.code);
    return (created.value as { user: { id: string } }).user.id;
  }

  it('lets an admin deactivate an account: it then cannot sign in, and a wrong password still says bad_credentials', async () => {
    await withDesk(async (desk) => {
      await desk.dispatch('setup.createBranch', SETUP);
      const id = await createStaff(desk);
      expect(await desk.dispatch('users.update', { id, active: false })).toMatchObject({ ok: true, value: { user: { id, active: false } } });
      await desk.dispatch('auth.signOut', {});
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'not-it-at-all' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await desk.dispatch('auth.session', {})).toEqual({ ok: true, value: { user: null } });

      await desk.dispatch('auth.signIn', { username: 'admin', password: 'correct horse' });
      expect(await desk.dispatch('users.update', { id, active: true })).toMatchObject({ ok: true, value: { user: { active: true } } });
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: true, value: { user: { id } } });
    });
  });

  it('ends the session of an account deactivated meanwhile (users.json changed under the signed-in window)', async () => {
    await withDesk(async (desk, dir) => {
      const admin = await desk.dispatch('setup.createBranch', SETUP);
      const adminId = UserIdSchema.parse(admin.ok && (admin.value as { user: { id: string } }).user.id);
      const id = UserIdSchema.parse(await createStaff(desk));
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: true });

      // One desk per data folder: the change comes through the accounts file itself, not a second desk.
      const accounts = createUserStore(join(dir, 'users.json'), { now: () => new Date(), newId: () => 'u-unused' });
      await accounts.update(adminId, id, { active: false });
      expect(await desk.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(await desk.dispatch('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      await accounts.update(adminId, id, { active: true });
      expect(await desk.dispatch('auth.session', {})).toEqual({ ok: true, value: { user: null } });
    });
  });

  it('refuses account changes by a non-admin and bad payloads, changing nothing in users.json', async () => {
    await withDesk(async (desk, dir) => {
      await desk.dispatch('setup.createBranch', SETUP);
      const id = await createStaff(desk);
      const before = await readFile(join(dir, 'users.json'), 'utf8');
      expect(await desk.dispatch('users.update', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await desk.dispatch('users.update', { id, role: 'boss' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'role' } });
      expect(await desk.dispatch('users.update', { id, active: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'active' } });
      expect(await desk.dispatch('users.update', { id, displayName: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'displayName' } });
      expect(await desk.dispatch('users.update', { id, active: true, passwordHash: 'scrypt$1' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await desk.dispatch('users.resetPassword', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'password' } });
      expect(await desk.dispatch('users.update', { id: 'u-nobody', role: 'staff' })).toMatchObject({ ok: false, error: { code: 'unknown_user' } });

      await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' });
      const admins = await desk.dispatch('users.list', {});
      const adminId = admins.ok && (admins.value as { users: { id: string; role: string }[] }).users.find((user) => user.role === 'admin')?.id;
      expect(await desk.dispatch('users.update', { id: adminId, active: false })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await desk.dispatch('users.update', { id, role: 'admin' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await desk.dispatch('users.resetPassword', { id: adminId, password: 'taken-over-1' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe(before);

      await desk.dispatch('auth.signOut', {});
      expect(await desk.dispatch('users.changeOwnPassword', { currentPassword: 'counter-one', password: 'brand-new-1' })).toMatchObject({
        ok: false,
        error: { code: 'not_signed_in' },
      });
      expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe(before);
    });
  });

  it('refuses the admin deactivating or demoting themself as the last admin', async () => {
    await withDesk(async (desk) => {
      const created = await desk.dispatch('setup.createBranch', SETUP);
      const adminId = created.ok && (created.value as { user: { id: string } }).user.id;
      expect(await desk.dispatch('users.update', { id: adminId, active: false })).toMatchObject({ ok: false, error: { code: 'cannot_deactivate_self' } });
      expect(await desk.dispatch('users.update', { id: adminId, role: 'staff' })).toMatchObject({ ok: false, error: { code: 'last_admin', path: 'role' } });
      expect(await desk.dispatch('users.resetPassword', { id: adminId, password: 'no-current-needed' })).toMatchObject({ ok: false, error: { code: 'reset_own_password' } });
      expect(await desk.dispatch('auth.session', {})).toMatchObject({ ok: true, value: { user: { role: 'admin', active: true } } });
    });
  });

  it('lets anyone change their own password with the current one, throttling wrong guesses like sign-in', async () => {
    await withDesk(async (desk) => {
      await desk.dispatch('setup.createBranch', SETUP);
      await createStaff(desk);
      await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' });
      const change = (currentPassword: string) => desk.dispatch('users.changeOwnPassword', { currentPassword, password: 'brand-new-1', confirmPassword: 'brand-new-1' });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(await change(`guess-${attempt}`)).toMatchObject({ ok: false, error: { code: 'wrong_current_password', path: 'currentPassword' } });
      }
      expect(await change('counter-one')).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    });
  });

  it('changes the own password, after which only the new one signs in', async () => {
    await withDesk(async (desk) => {
      await desk.dispatch('setup.createBranch', SETUP);
      await createStaff(desk);
      await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' });
      expect(await desk.dispatch('users.changeOwnPassword', { currentPassword: 'counter-one', password: 'brand-new-1', confirmPassword: 'brand-new-1' })).toEqual({
        ok: true,
        value: {},
      });
      await desk.dispatch('auth.signOut', {});
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'counter-one' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await desk.dispatch('auth.signIn', { username: 'li.na', password: 'brand-new-1' })).toMatchObject({ ok: true });
    });
  });
});

describe('journal over the contract', () => {
  it('journals events of the signed-in branch and reads them back', async () => {
    await withDesk(async (desk) => {
      expect(await desk.dispatch('journal.append', { events: events(1, 2) })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      await desk.dispatch('setup.createBranch', SETUP);
      expect(await desk.dispatch('journal.append', { events: events(1, 2) })).toEqual({ ok: true, value: { journaledThroughSeq: 2 } });
      expect(await desk.dispatch('journal.read', { afterSeq: 1 })).toEqual({ ok: true, value: { events: [acknowledged(2)], lastSeq: 2 } });
    });
  });

  it('refuses a malformed event with the path of the bad field and leaves the journal unchanged', async () => {
    await withDesk(async (desk, dir) => {
      await desk.dispatch('setup.createBranch', SETUP);
      await desk.dispatch('journal.append', { events: events(1, 1) });
      const before = await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8');

      const malformed = { ...acknowledged(2), at: 'yesterday' };
      const refused = await desk.dispatch('journal.append', { events: [acknowledged(2), malformed] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'events.1.at' } });
      const unknownType = await desk.dispatch('journal.append', { events: [{ ...acknowledged(2), type: 'Teleported' }] });
      expect(unknownType).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'events.0.type' } });

      expect(await readFile(join(dir, 'journal', 'events.v1.jsonl'), 'utf8')).toBe(before);
      expect(await desk.dispatch('journal.read', { afterSeq: 0 })).toMatchObject({ ok: true, value: { lastSeq: 1 } });
    });
  });

  it('refuses events of another branch', async () => {
    await withDesk(async (desk) => {
      await desk.dispatch('setup.createBranch', SETUP);
      const refused = await desk.dispatch('journal.append', { events: [acknowledged(1, { branch: 'BR99' })] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'wrong_branch' } });
    });
  });
});

describe('settings', () => {
  it('starts in Chinese, remembers a change, and honours a launch language', async () => {
    await withTempDir(async (dir) => {
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      expect(await desk.dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-CN', prefs: {} } });
      expect(await desk.dispatch('settings.set', { prefs: { boardView: 'compact' } })).toEqual({
        ok: true,
        value: { language: 'zh-CN', prefs: { boardView: 'compact' } },
      });
      expect(await desk.dispatch('settings.set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'language' } });
      const tooMany = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`key${index}`, index]));
      expect(await desk.dispatch('settings.set', { prefs: tooMany })).toMatchObject({ ok: false, error: { code: 'too_many_prefs' } });
      await desk.close();

      const english = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, language: 'en', log: memoryLogger() });
      expect(await english.dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'en', prefs: { boardView: 'compact' } } });
      await english.close();
      expect((await readdir(dir)).sort()).toEqual(['journal', 'journal.checkpoint.json', 'logs', 'settings.json']);
    });
  });
});
