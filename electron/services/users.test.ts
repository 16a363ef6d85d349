import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserIdSchema, type UserId } from '../../shared/brand';
import type { PublicUser } from '../../shared/api/schemas';
import type { Result } from '../../shared/result';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { createUserStore, type UserStore } from './users';

/** users.json as the first release wrote it: version 1, no `active` (hashes of "old-file-pass" / "old-file-staff"). */
const V1_FILE = {
  version: 1,
  users: [
    {
      id: 'u-old-admin',
      username: 'admin',
      displayName: '老管理员',
      role: 'admin',
      passwordHash: 'scrypt$15$8$1$uh3nheaf9Csbyc+IBeC/GA==$QYIIy/g0KLNcmDuCkrf6R1KLHS7TCxng1aAZwJIOwMA=',
      createdAt: '2026-01-05T01:00:00.000Z',
    },
    {
      id: 'u-old-staff',
      username: 'xiaoli',
      displayName: '小李',
      role: 'staff',
      passwordHash: 'scrypt$15$8$1$TCZMbuh7bYVKUUszodETnw==$mY6K9DzszvPMj1+Z8DiXivpk88EkweEyziKUfGKq85o=',
      createdAt: '2026-01-06T01:00:00.000Z',
    },
  ],
};

const OLD_ADMIN = UserIdSchema.parse('u-old-admin');
const OLD_STAFF = UserIdSchema.parse('u-old-staff');

interface Accounts {
  store: UserStore;
  file: string;
  admin: PublicUser;
  staff: PublicUser;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

/** A store with an admin ("admin" / "admin-pass-1") and a staff member ("li.na" / "counter-one"). */
async function withAccounts(work: (accounts: Accounts) => Promise<void>) {
  await withTempDir(async (dir) => {
    let ids = 0;
    const file = join(dir, 'users.json');
    const store = createUserStore(file, { now: () => new Date('2026-11-23T02:00:00.000Z'), newId: () => `u-${++ids}` });
    const admin = value(await store.resetTo({ username: 'admin', displayName: '张经理', role: 'admin', password: 'admin-pass-1' }));
    const staff = value(await store.create({ username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' }));
    await work({ store, file, admin, staff });
  });
}

/** Runs `refused`, expects the refusal code, and that users.json is byte for byte what it was. */
async function expectRefusedUnchanged(file: string, code: string, refused: () => Promise<Result<unknown>>) {
  const before = await readFile(file, 'utf8');
  expect(await refused()).toMatchObject({ ok: false, error: { code } });
  expect(await readFile(file, 'utf8')).toBe(before);
}

describe('users.json format', () => {
  it('reads a version 1 file with every account active, and keeps the hashes when it writes version 2', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'users.json');
      await writeFile(file, JSON.stringify(V1_FILE));
      const store = createUserStore(file, { now: () => new Date(), newId: () => 'u-new' });
      expect((await store.list()).map(({ username, active }) => ({ username, active }))).toEqual([
        { username: 'admin', active: true },
        { username: 'xiaoli', active: true },
      ]);
      expect(await store.verify('xiaoli', 'old-file-staff')).toMatchObject({ ok: true, value: { id: OLD_STAFF, active: true, createdAt: '2026-01-06T01:00:00.000Z' } });

      expect(await store.update(OLD_ADMIN, OLD_STAFF, { active: false })).toMatchObject({ ok: true, value: { active: false } });
      const written = JSON.parse(await readFile(file, 'utf8')) as { version: number; users: { passwordHash: string; active: boolean }[] };
      expect(written.version).toBe(2);
      expect(written.users.map((user) => [user.passwordHash, user.active])).toEqual([
        [V1_FILE.users[0]?.passwordHash, true],
        [V1_FILE.users[1]?.passwordHash, false],
      ]);
      expect(await store.verify('admin', 'old-file-pass')).toMatchObject({ ok: true });
    });
  });

  it('refuses to read a file that is neither version, rather than guessing', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'users.json');
      await writeFile(file, JSON.stringify({ ...V1_FILE, version: 3 }));
      await expect(createUserStore(file, { now: () => new Date(), newId: () => 'u-x' }).list()).rejects.toThrow(/damaged/);
    });
  });
});

describe('changing an account', () => {
  it('deactivates and reactivates: a deactivated account is refused after the right password only', async () => {
    await withAccounts(async ({ store, admin, staff }) => {
      expect(await store.update(admin.id, staff.id, { active: false })).toMatchObject({ ok: true, value: { id: staff.id, active: false } });
      expect(await store.verify('li.na', 'counter-one')).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      expect(await store.verify('li.na', 'wrong-guess')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect((await store.find(staff.id))?.displayName).toBe('李娜');

      expect(await store.update(admin.id, staff.id, { active: true })).toMatchObject({ ok: true, value: { active: true } });
      expect(await store.verify('li.na', 'counter-one')).toMatchObject({ ok: true, value: { id: staff.id } });
    });
  });

  it('changes role and display name, leaving what was not given', async () => {
    await withAccounts(async ({ store, admin, staff }) => {
      expect(await store.update(admin.id, staff.id, { role: 'supervisor' })).toMatchObject({ ok: true, value: { role: 'supervisor', displayName: '李娜', active: true } });
      expect(await store.update(admin.id, staff.id, { displayName: '李娜（夜班）' })).toMatchObject({ ok: true, value: { role: 'supervisor', displayName: '李娜（夜班）' } });
      expect(await store.find(staff.id)).toMatchObject({ username: 'li.na', role: 'supervisor', displayName: '李娜（夜班）', createdAt: '2026-11-23T02:00:00.000Z' });
    });
  });

  it('keeps one active admin: the last cannot be deactivated or demoted; a deactivated admin does not count', async () => {
    await withAccounts(async ({ store, file, admin, staff }) => {
      await expectRefusedUnchanged(file, 'last_admin', () => store.update(staff.id, admin.id, { active: false }));
      await expectRefusedUnchanged(file, 'last_admin', () => store.update(admin.id, admin.id, { role: 'supervisor' }));

      value(await store.update(admin.id, staff.id, { role: 'admin' }));
      value(await store.update(admin.id, staff.id, { active: false }));
      await expectRefusedUnchanged(file, 'last_admin', () => store.update(staff.id, admin.id, { role: 'staff' }));

      value(await store.update(admin.id, staff.id, { active: true }));
      expect(await store.update(admin.id, admin.id, { role: 'supervisor' })).toMatchObject({ ok: true, value: { role: 'supervisor' } });
      await expectRefusedUnchanged(file, 'last_admin', () => store.update(admin.id, staff.id, { role: 'staff' }));
    });
  });

  it('refuses an admin deactivating themself even when other admins remain, and an unknown account', async () => {
    await withAccounts(async ({ store, file, admin, staff }) => {
      value(await store.update(admin.id, staff.id, { role: 'admin' }));
      await expectRefusedUnchanged(file, 'cannot_deactivate_self', () => store.update(admin.id, admin.id, { active: false }));
      await expectRefusedUnchanged(file, 'unknown_user', () => store.update(admin.id, UserIdSchema.parse('u-nobody'), { displayName: '谁' }));
      await expectRefusedUnchanged(file, 'unknown_user', () => store.resetPassword(admin.id, UserIdSchema.parse('u-nobody'), { password: 'whatever-123' }));
    });
  });
});

describe('passwords', () => {
  it('lets an admin reset another account, which then signs in with the new password only', async () => {
    await withAccounts(async ({ store, admin, staff }) => {
      expect(await store.resetPassword(admin.id, staff.id, { password: 'new-counter-2', confirmPassword: 'new-counter-2' })).toMatchObject({ ok: true });
      expect(await store.verify('li.na', 'counter-one')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await store.verify('li.na', 'new-counter-2')).toMatchObject({ ok: true });
    });
  });

  it('refuses a reset that breaks the password rules, or of the admin’s own password, changing nothing', async () => {
    await withAccounts(async ({ store, file, admin, staff }) => {
      await expectRefusedUnchanged(file, 'password_too_short', () => store.resetPassword(admin.id, staff.id, { password: 'short' }));
      await expectRefusedUnchanged(file, 'password_blank', () => store.resetPassword(admin.id, staff.id, { password: '          ' }));
      await expectRefusedUnchanged(file, 'password_mismatch', () => store.resetPassword(admin.id, staff.id, { password: 'new-counter-2', confirmPassword: 'new-counter-3' }));
      await expectRefusedUnchanged(file, 'reset_own_password', () => store.resetPassword(admin.id, admin.id, { password: 'new-admin-pass' }));
      expect(await store.verify('li.na', 'counter-one')).toMatchObject({ ok: true });
    });
  });

  it('changes one’s own password only with the current one', async () => {
    await withAccounts(async ({ store, file, staff }) => {
      const refused = () => store.changeOwnPassword(staff.id, 'not-my-password', { password: 'brand-new-1', confirmPassword: 'brand-new-1' });
      await expectRefusedUnchanged(file, 'wrong_current_password', refused);
      await expectRefusedUnchanged(file, 'password_mismatch', () => store.changeOwnPassword(staff.id, 'counter-one', { password: 'brand-new-1', confirmPassword: 'brand-new-2' }));
      await expectRefusedUnchanged(file, 'password_too_short', () => store.changeOwnPassword(staff.id, 'counter-one', { password: 'tiny' }));

      expect(await store.changeOwnPassword(staff.id, 'counter-one', { password: 'brand-new-1', confirmPassword: 'brand-new-1' })).toMatchObject({ ok: true });
      expect(await store.verify('li.na', 'counter-one')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(await store.verify('li.na', 'brand-new-1')).toMatchObject({ ok: true });
    });
  });
});

describe('serial changes', () => {
  it('applies overlapping changes one after another, so none is lost', async () => {
    await withAccounts(async ({ store, admin, staff }) => {
      const other = value(await store.create({ username: 'wang', role: 'staff', password: 'counter-two' }));
      await Promise.all([
        store.update(admin.id, staff.id, { role: 'supervisor' }),
        store.update(admin.id, other.id, { active: false }),
        store.update(admin.id, staff.id, { displayName: '李娜娜' }),
      ]);
      const byId = new Map((await store.list()).map((user) => [user.id as UserId, user]));
      expect(byId.get(staff.id)).toMatchObject({ role: 'supervisor', displayName: '李娜娜', active: true });
      expect(byId.get(other.id)).toMatchObject({ active: false });
    });
  });
});

describe('usernames that look like another', () => {
  it('takes a full-width name as its ASCII form, so "ａｄｍｉｎ" is the existing admin, and signs it in', async () => {
    await withAccounts(async ({ store, file, admin }) => {
      await expectRefusedUnchanged(file, 'username_taken', () => store.create({ username: 'ａｄｍｉｎ', role: 'staff', password: 'counter-two' }));
      await expectRefusedUnchanged(file, 'username_taken', () => store.create({ username: 'ＬＩ.ＮＡ', role: 'staff', password: 'counter-two' }));
      expect(await store.verify('ａｄｍｉｎ', 'admin-pass-1')).toMatchObject({ ok: true, value: { id: admin.id } });
      expect(await store.verify('ＡＤＭＩＮ', 'admin-pass-1')).toMatchObject({ ok: true, value: { id: admin.id } });
      const wang = value(await store.create({ username: 'ｗａｎｇ', role: 'staff', password: 'counter-two' }));
      expect(wang.username).toBe('wang');
      expect(wang.displayName).toBe('wang');
    });
  });

  it('refuses a name mixing a Cyrillic or Greek letter into a Latin one, and does not sign it in as the real one', async () => {
    await withAccounts(async ({ store, file }) => {
      await expectRefusedUnchanged(file, 'username_mixed_script', () => store.create({ username: '\u0430dmin', role: 'admin', password: 'counter-two' }));
      await expectRefusedUnchanged(file, 'username_mixed_script', () => store.create({ username: 'l\u0456.na', role: 'staff', password: 'counter-two' }));
      await expectRefusedUnchanged(file, 'username_mixed_script', () => store.create({ username: 'w\u03b1ng', role: 'staff', password: 'counter-two' }));
      expect(await store.verify('\u0430dmin', 'admin-pass-1')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    });
  });

  it('refuses a name that reads as an existing account’s, naming that account', async () => {
    await withAccounts(async ({ store, file, admin, staff }) => {
      value(await store.create({ username: 'sasha', role: 'staff', password: 'counter-two' }));
      // Deactivated accounts keep their names in the history: a look-alike of theirs is refused as well.
      value(await store.update(admin.id, staff.id, { active: false }));
      const lookalike = (username: string) => store.create({ username, role: 'staff', password: 'counter-three' });
      await expectRefusedUnchanged(file, 'username_lookalike', () => lookalike('adrnin'));
      await expectRefusedUnchanged(file, 'username_lookalike', () => lookalike('Ii.na'));
      await expectRefusedUnchanged(file, 'username_lookalike', () => lookalike('\u0455\u0430\u0455\u04bb\u0430')); // all Cyrillic "ѕаѕһа"
      expect(await lookalike('aDrnin')).toMatchObject({ ok: false, error: { code: 'username_lookalike', path: 'username', params: { username: 'admin' } } });
    });
  });

  it('takes Chinese names and Latin with Chinese, each once', async () => {
    await withAccounts(async ({ store, file }) => {
      expect(await store.create({ username: '李娜', role: 'staff', password: 'counter-two' })).toMatchObject({ ok: true, value: { username: '李娜' } });
      expect(await store.create({ username: 'wang伟', role: 'staff', password: 'counter-two' })).toMatchObject({ ok: true, value: { username: 'wang伟' } });
      await expectRefusedUnchanged(file, 'username_taken', () => store.create({ username: '李娜', role: 'staff', password: 'counter-two' }));
      expect(await store.verify('李娜', 'counter-two')).toMatchObject({ ok: true });
    });
  });

  it('refuses an invisible or bidi character in a new name with its own code', async () => {
    await withAccounts(async ({ store, file }) => {
      await expectRefusedUnchanged(file, 'name_control_char', () => store.create({ username: 'zhang\u202e', role: 'staff', password: 'counter-two' }));
      await expectRefusedUnchanged(file, 'name_control_char', () => store.create({ username: 'zh\u200bang', role: 'staff', password: 'counter-two' }));
    });
  });
});
