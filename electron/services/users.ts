/**
 * Local user accounts (SPEC §8), kept in `users.json` next to the journal. Only the password hash is stored;
 * a sign-in that fails says `bad_credentials` whether the name or the password was wrong, and takes the
 * same time either way.
 */
import { z } from 'zod';
import { UserIdSchema, type UserId } from '../../shared/brand';
import { ok, refuse, type Result } from '../../shared/result';
import { checkPassword } from '../../shared/api/rules';
import { PublicUserSchema, RoleSchema, type PublicUser, type Role } from '../../shared/api/schemas';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { createSerial } from './serial';
import { hashForUnknownUsers, hashPassword, verifyPassword } from './passwords';

const StoredUserSchema = z.strictObject({
  id: UserIdSchema,
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: RoleSchema,
  passwordHash: z.string().min(1),
  createdAt: z.string(),
});
type StoredUser = z.infer<typeof StoredUserSchema>;

export const UsersFileSchema = z.strictObject({ version: z.literal(1), users: z.array(StoredUserSchema) });

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  readonly role: Role;
  readonly password: string;
  readonly confirmPassword?: string;
}

export interface UserStore {
  list(): Promise<PublicUser[]>;
  find(id: UserId): Promise<PublicUser | undefined>;
  create(user: NewUser): Promise<Result<PublicUser>>;
  /** Replaces every account with the given first one (branch set-up starts from nothing). */
  resetTo(user: NewUser): Promise<Result<PublicUser>>;
  verify(username: string, password: string): Promise<Result<PublicUser>>;
}

export interface UserStoreDeps {
  readonly now: () => Date;
  readonly newId: () => string;
}

const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
const toPublic = ({ id, username, displayName, role }: StoredUser): PublicUser => PublicUserSchema.parse({ id, username, displayName, role });

export function createUserStore(file: string, deps: UserStoreDeps): UserStore {
  const serial = createSerial();
  const load = async (): Promise<StoredUser[]> => (await readJsonFile(file, UsersFileSchema))?.users ?? [];
  const save = (users: StoredUser[]) => writeJsonAtomic(file, { version: 1, users });

  async function build(user: NewUser, existing: readonly StoredUser[]): Promise<Result<StoredUser>> {
    const broken = checkPassword(user.password, user.confirmPassword);
    if (broken) return { ok: false, error: broken };
    if (existing.some((other) => sameName(other.username, user.username))) {
      return refuse('username_taken', `username: "${user.username}" is already used`, { path: 'username' });
    }
    return ok({
      id: UserIdSchema.parse(deps.newId()),
      username: user.username,
      displayName: user.displayName ?? user.username,
      role: user.role,
      passwordHash: await hashPassword(user.password),
      createdAt: deps.now().toISOString(),
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
      const found = (await load()).find((user) => sameName(user.username, username.trim()));
      const matches = await verifyPassword(password, found?.passwordHash ?? (await hashForUnknownUsers()));
      if (!found || !matches) return refuse('bad_credentials', 'The username or the password is not right.');
      return ok(toPublic(found));
    },
  };
}
