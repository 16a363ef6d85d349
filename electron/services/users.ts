/**
 * Local user accounts (SPEC §8), kept in `users.json` next to the journal. Only the password hash is stored;
 * a sign-in that fails says `bad_credentials` whether the name or the password was wrong, and takes the
 * same time either way. Accounts are deactivated, never deleted: the history names their ids.
 */
import { z } from 'zod';
import { UserIdSchema, type UserId } from '../../shared/brand';
import { ok, parseWith, refuse, type Refusal, type Result } from '../../shared/result';
import { checkPassword } from '../../shared/api/rules';
import { PublicUserSchema, RoleSchema, UsernameSchema, type PublicUser, type Role } from '../../shared/api/schemas';
import { confusableSkeleton, usernameKey } from '../../shared/names';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { createSerial } from './serial';
import { hashForUnknownUsers, hashPassword, verifyPassword } from './passwords';

const StoredUserSchema = z.strictObject({
  id: UserIdSchema,
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: RoleSchema,
  active: z.boolean(),
  passwordHash: z.string().min(1),
  createdAt: z.string(),
});
type StoredUser = z.infer<typeof StoredUserSchema>;

const USERS_FILE_VERSION = 2;

/** Version 2 added `active`; a version 1 file (first release) is read with every account active. */
export const UsersFileSchema = z.union([
  z.strictObject({ version: z.literal(USERS_FILE_VERSION), users: z.array(StoredUserSchema) }),
  z
    .strictObject({ version: z.literal(1), users: z.array(StoredUserSchema.omit({ active: true })) })
    .transform(({ users }) => ({ version: USERS_FILE_VERSION, users: users.map((user) => ({ ...user, active: true })) })),
]);

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  readonly role: Role;
  readonly password: string;
  readonly confirmPassword?: string;
}

/** What an admin may change on an account; fields left out stay as they are. */
export interface AccountChange {
  readonly role?: Role;
  readonly displayName?: string;
  readonly active?: boolean;
}

export interface NewPassword {
  readonly password: string;
  readonly confirmPassword?: string;
}

export interface UserStore {
  list(): Promise<PublicUser[]>;
  find(id: UserId): Promise<PublicUser | undefined>;
  create(user: NewUser): Promise<Result<PublicUser>>;
  /** Replaces every account with the given first one (branch set-up starts from nothing). */
  resetTo(user: NewUser): Promise<Result<PublicUser>>;
  /** `bad_credentials` for a wrong name or password; `account_disabled` only after the right password. */
  verify(username: string, password: string): Promise<Result<PublicUser>>;
  /** `actor` changes account `id`: `unknown_user`, `cannot_deactivate_self`, `last_admin`. */
  update(actor: UserId, id: UserId, change: AccountChange): Promise<Result<PublicUser>>;
  /** `actor` sets another account's password: `unknown_user`, `reset_own_password`, the password rules. */
  resetPassword(actor: UserId, id: UserId, next: NewPassword): Promise<Result<PublicUser>>;
  /** `id` changes their own password: `unknown_user`, `wrong_current_password`, the password rules. */
  changeOwnPassword(id: UserId, currentPassword: string, next: NewPassword): Promise<Result<PublicUser>>;
}

export interface UserStoreDeps {
  readonly now: () => Date;
  readonly newId: () => string;
}

// NFKC and case-folded, as the throttle keys names: "ＡＤＭＩＮ" typed on an IME signs in as "admin".
const sameName = (a: string, b: string) => usernameKey(a) === usernameKey(b);
// The contract parses usernames already; the store parses again because it is also called directly (set-up).
const NewUsernameSchema = z.strictObject({ username: UsernameSchema });
const toPublic = ({ passwordHash: _hash, ...user }: StoredUser): PublicUser => PublicUserSchema.parse(user);
const isActiveAdmin = (user: Pick<StoredUser, 'role' | 'active'>) => user.active && user.role === 'admin';

/** Why `actor` may not make `change` to `target`, or undefined when it may. */
function accountChangeRefusal(users: readonly StoredUser[], actor: UserId, target: StoredUser, change: AccountChange): Refusal | undefined {
  if (change.active === false && target.id === actor) {
    return refuse('cannot_deactivate_self', 'An admin cannot deactivate their own account.', { path: 'active' }).error;
  }
  const after = { role: change.role ?? target.role, active: change.active ?? target.active };
  const otherAdmins = users.some((user) => user.id !== target.id && isActiveAdmin(user));
  if (isActiveAdmin(target) && !isActiveAdmin(after) && !otherAdmins) {
    return refuse('last_admin', 'The last active admin cannot be deactivated or given another role.', { path: change.active === false ? 'active' : 'role' }).error;
  }
  return undefined;
}

export function createUserStore(file: string, deps: UserStoreDeps): UserStore {
  const serial = createSerial();
  const load = async (): Promise<StoredUser[]> => (await readJsonFile(file, UsersFileSchema))?.users ?? [];
  const save = (users: StoredUser[]) => writeJsonAtomic(file, { version: USERS_FILE_VERSION, users });

  async function build(user: NewUser, existing: readonly StoredUser[]): Promise<Result<StoredUser>> {
    const named = parseWith(NewUsernameSchema, { username: user.username });
    if (!named.ok) return named;
    const { username } = named.value;
    const broken = checkPassword(user.password, user.confirmPassword);
    if (broken) return { ok: false, error: broken };
    if (existing.some((other) => sameName(other.username, username))) {
      return refuse('username_taken', `username: "${username}" is already used`, { path: 'username' });
    }
    // Deactivated accounts count too: their names stay in the history, where a look-alike could pose as them.
    const twin = existing.find((other) => confusableSkeleton(other.username) === confusableSkeleton(username));
    if (twin) {
      return refuse('username_lookalike', `username: "${username}" looks like the existing "${twin.username}"`, {
        path: 'username',
        params: { username: twin.username },
      });
    }
    return ok({
      id: UserIdSchema.parse(deps.newId()),
      username,
      displayName: user.displayName ?? username,
      role: user.role,
      active: true,
      passwordHash: await hashPassword(user.password),
      createdAt: deps.now().toISOString(),
    });
  }

  async function withPassword(user: StoredUser, next: NewPassword): Promise<Result<StoredUser>> {
    const broken = checkPassword(next.password, next.confirmPassword);
    if (broken) return { ok: false, error: broken };
    return ok({ ...user, passwordHash: await hashPassword(next.password) });
  }

  /** Reads the file, lets `change` decide on one account, and writes only a changed account back. */
  function changeOne(id: UserId, change: (target: StoredUser, users: readonly StoredUser[]) => Promise<Result<StoredUser>>) {
    return serial(async (): Promise<Result<PublicUser>> => {
      const users = await load();
      const target = users.find((user) => user.id === id);
      if (!target) return refuse('unknown_user', `id: no account ${id}`, { path: 'id' });
      const next = await change(target, users);
      if (!next.ok) return next;
      if (next.value !== target) await save(users.map((user) => (user.id === id ? next.value : user)));
      return ok(toPublic(next.value));
    });
  }

  return {
    list: async () => (await load()).map(toPublic),
    find: async (id) => {
      const found = (await load()).find((user) => user.id === id);
      return found && toPublic(found);
    },
    create: (user) =>
      serial(async () => {
        const users = await load();
        const built = await build(user, users);
        if (!built.ok) return built;
        await save([...users, built.value]);
        return ok(toPublic(built.value));
      }),
    resetTo: (user) =>
      serial(async () => {
        const built = await build(user, []);
        if (!built.ok) return built;
        await save([built.value]);
        return ok(toPublic(built.value));
      }),
    verify: async (username, password) => {
      const found = (await load()).find((user) => sameName(user.username, username));
      const matches = await verifyPassword(password, found?.passwordHash ?? (await hashForUnknownUsers()));
      if (!found || !matches) return refuse('bad_credentials', 'The username or the password is not right.');
      if (!found.active) return refuse('account_disabled', 'This account is deactivated.');
      return ok(toPublic(found));
    },
    update: (actor, id, change) =>
      changeOne(id, async (target, users) => {
        const refusal = accountChangeRefusal(users, actor, target, change);
        if (refusal) return { ok: false, error: refusal };
        const next = { ...target, role: change.role ?? target.role, displayName: change.displayName ?? target.displayName, active: change.active ?? target.active };
        const same = next.role === target.role && next.displayName === target.displayName && next.active === target.active;
        return ok(same ? target : next);
      }),
    resetPassword: (actor, id, next) =>
      changeOne(id, async (target) => {
        if (target.id === actor) {
          return refuse('reset_own_password', 'Change your own password with your current one (users.changeOwnPassword).', { path: 'id' });
        }
        return withPassword(target, next);
      }),
    changeOwnPassword: (id, currentPassword, next) =>
      changeOne(id, async (target) => {
        if (!(await verifyPassword(currentPassword, target.passwordHash))) {
          return refuse('wrong_current_password', 'currentPassword: not the current password', { path: 'currentPassword' });
        }
        return withPassword(target, next);
      }),
  };
}
