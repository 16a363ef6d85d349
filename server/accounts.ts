/**
 * Head-office accounts: people who sign in to head office's screens, kept in its database (`ho_users`) with
 * the same slow salted hash as a branch's accounts. Two roles: `admin` (branch health: enrol, revoke, upload
 * batch files) and `supervisor` (every screen, read-only). Accounts are made with the admin token's holder at
 * the command line (`npm run headoffice -- add-user`), not from a screen: head office has no first-run page.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkPassword } from '../shared/api/rules';
import { DisplayNameSchema, PublicUserSchema, UsernameSchema, type PublicUser } from '../shared/api/schemas';
import type { UserId } from '../shared/brand';
import { usernameKey } from '../shared/names';
import { ok, refuse, type Result } from '../shared/result';
import { hashForUnknownUsers, hashPassword, verifyPassword } from '../electron/services/passwords';
import type { Db } from './db/db';

export const HeadOfficeRoleSchema = z.enum(['admin', 'supervisor']);
export type HeadOfficeRole = z.infer<typeof HeadOfficeRoleSchema>;

export const NewAccountSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema.optional(),
  role: HeadOfficeRoleSchema,
  password: z.string().max(256),
});
export type NewAccount = z.input<typeof NewAccountSchema>;

type AccountRow = { id: string; username: string; display_name: string; role: string; active: boolean; created_at: Date; password_hash: string };

/** A row read back is parsed like any other input. */
const publicOf = (row: AccountRow): PublicUser =>
  PublicUserSchema.parse({ id: row.id, username: row.username, displayName: row.display_name, role: row.role, active: row.active, createdAt: row.created_at.toISOString() });

export interface Accounts {
  /** `username_taken`, the password rules, or bad input (`invalid_input`). */
  create(input: NewAccount, now: Date): Promise<Result<PublicUser>>;
  /** `bad_credentials` (never saying which was wrong) or `account_disabled`. */
  verify(username: string, password: string): Promise<Result<PublicUser>>;
  find(id: UserId): Promise<PublicUser | undefined>;
  list(): Promise<PublicUser[]>;
}

export function createAccounts(db: Db): Accounts {
  return {
    async create(input, now) {
      const parsed = NewAccountSchema.safeParse(input);
      if (!parsed.success) return refuse('invalid_input', z.prettifyError(parsed.error));
      const { username, displayName, role, password } = parsed.data;
      const weak = checkPassword(password);
      if (weak) return { ok: false, error: weak };
      const [row] = await db.query<AccountRow>(
        `insert into ho_users (id, username, username_key, display_name, role, password_hash, created_at) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (username_key) do nothing returning *`,
        [`ho-${randomUUID()}`, username, usernameKey(username), displayName ?? username, role, await hashPassword(password), now.toISOString()],
      );
      return row ? ok(publicOf(row)) : refuse('username_taken', `${username} is taken`, { path: 'username' });
    },
    async verify(username, password) {
      const [row] = await db.query<AccountRow>('select * from ho_users where username_key = $1', [usernameKey(username)]);
      // An unknown name costs a hash too, so the time taken says nothing about which names exist.
      const matches = await verifyPassword(password, row?.password_hash ?? (await hashForUnknownUsers()));
      if (!row || !matches) return refuse('bad_credentials', 'Wrong username or password.');
      if (!row.active) return refuse('account_disabled', 'This account has been deactivated.');
      return ok(publicOf(row));
    },
    async find(id) {
      const [row] = await db.query<AccountRow>('select * from ho_users where id = $1', [id]);
      return row ? publicOf(row) : undefined;
    },
    async list() {
      return (await db.query<AccountRow>('select * from ho_users order by created_at, username')).map(publicOf);
    },
  };
}
