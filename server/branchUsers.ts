/**
 * Each branch's user directory at head office (docs/sync-protocol.md "User directory"): the display names behind
 * the user ids in a branch's events, so head office's register, board and timelines name people as the branch
 * does. A branch sends all its accounts; head office adds and updates them, keyed by branch and id, and never
 * drops one (a deactivated account still names what it did).
 */
import { PublicUserSchema, type PublicUser } from '../shared/api/schemas';
import type { BranchCode } from '../shared/brand';
import type { DirectoryUser } from '../shared/sync/users';
import type { Db } from './db/db';

/** Stores the branch's accounts; answers how many head office holds for it now. */
export async function storeBranchUsers(db: Db, branch: BranchCode, users: readonly DirectoryUser[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    if (users.length > 0) {
      await tx.query(
        `insert into branch_users (branch, id, display_name, role, active, first_seen_at, updated_at)
         select $1, u.id, u."displayName", u.role, u.active, $3, $3 from json_to_recordset($2::json) as u(id text, "displayName" text, role text, active boolean)
         on conflict (branch, id) do update set display_name = excluded.display_name, role = excluded.role, active = excluded.active, updated_at = excluded.updated_at`,
        [branch, JSON.stringify(users), now],
      );
    }
    const [count] = await tx.query<{ stored: number }>('select count(*)::int as stored from branch_users where branch = $1', [branch]);
    return count?.stored ?? 0;
  });
}

type BranchUserRow = { id: string; display_name: string; role: string; active: boolean; first_seen_at: Date };

/**
 * Every branch's accounts as the contract's users: head office knows no branch username (it is not sent), and
 * "created" is when head office first heard of the account.
 */
export async function listBranchUsers(db: Db): Promise<PublicUser[]> {
  const rows = await db.query<BranchUserRow>('select id, display_name, role, active, first_seen_at from branch_users order by branch, display_name, id');
  return rows.map((row) =>
    PublicUserSchema.parse({ id: row.id, username: '', displayName: row.display_name, role: row.role, active: row.active, createdAt: row.first_seen_at.toISOString() }),
  );
}
