/**
 * Head office's administration: the admin token (made on the first run, shown once, stored as a hash) and the
 * branches with their secrets. A secret leaves head office only inside a one-time enrolment code; issuing
 * again rotates it (the old one stops working at once), revoking refuses the branch until a new code is issued.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { BranchCode } from '../shared/brand';
import { encodeEnrolment } from '../shared/sync/enrolment';
import { newBranchSecret } from '../shared/sync/signature';
import type { Db } from './db/db';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The new admin token when the database had none (print it once), otherwise undefined. */
export async function ensureAdminToken(db: Db): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7301121)');
    const [existing] = await tx.query('select 1 from admin_tokens limit 1');
    if (existing) return undefined;
    const token = randomBytes(32).toString('base64url');
    await tx.query('insert into admin_tokens (token_hash, created_at) values ($1, now())', [hashOf(token)]);
    return token;
  });
}

export async function adminTokenHolds(db: Db, token: string): Promise<boolean> {
  return (await db.query('select 1 from admin_tokens where token_hash = $1', [hashOf(token)])).length > 0;
}

export interface BranchView {
  readonly code: string;
  readonly name: string;
  /** 'none' (never issued), 'active' or 'revoked'. */
  readonly secret: 'none' | 'active' | 'revoked';
  readonly secretIssuedAt: string | null;
  readonly secretRotatedAt: string | null;
  readonly secretRevokedAt: string | null;
  /** Head office holds every event of the branch up to this seq (the watermark). */
  readonly ackedThroughSeq: number;
  readonly lastSyncAt: string | null;
  /** Branch clock minus head office's clock at the last HTTP batch, ms (positive: the branch is ahead). */
  readonly clockSkewMs: number | null;
}

/** A `branches` row as the database returns it. */
export type BranchRow = {
  code: string;
  name: string;
  secret: string | null;
  secret_issued_at: Date | null;
  secret_rotated_at: Date | null;
  secret_revoked_at: Date | null;
  acked_through_seq: number;
  last_sync_at: Date | null;
  clock_skew_ms: number | null;
};

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function viewOf(row: BranchRow): BranchView {
  return {
    code: row.code,
    name: row.name,
    secret: row.secret_revoked_at ? 'revoked' : row.secret ? 'active' : 'none',
    secretIssuedAt: iso(row.secret_issued_at),
    secretRotatedAt: iso(row.secret_rotated_at),
    secretRevokedAt: iso(row.secret_revoked_at),
    ackedThroughSeq: row.acked_through_seq,
    lastSyncAt: iso(row.last_sync_at),
    clockSkewMs: row.clock_skew_ms,
  };
}

export async function listBranches(db: Db): Promise<BranchView[]> {
  return (await db.query<BranchRow>('select * from branches order by code')).map(viewOf);
}

/** The new branch, or undefined when the code is taken. */
export async function createBranch(db: Db, code: BranchCode, name: string, now: Date): Promise<BranchView | undefined> {
  const [row] = await db.query<BranchRow>('insert into branches (code, name, created_at) values ($1, $2, $3) on conflict (code) do nothing returning *', [code, name, now.toISOString()]);
  return row ? viewOf(row) : undefined;
}

/** A new secret for the branch, as its one-time enrolment code; undefined for an unknown branch. */
export async function issueSecret(db: Db, code: BranchCode, url: string, now: Date, personalDataKey?: string): Promise<string | undefined> {
  const secret = newBranchSecret();
  const at = now.toISOString();
  const [row] = await db.query<{ code: string }>(
    `update branches set secret = $2, secret_revoked_at = null,
       secret_rotated_at = case when secret_issued_at is null then null else $3::timestamptz end,
       secret_issued_at = coalesce(secret_issued_at, $3::timestamptz)
     where code = $1 returning code`,
    [code, secret, at],
  );
  return row ? encodeEnrolment({ url, branch: code, secret, issuedAt: at, ...(personalDataKey ? { personalDataKey } : {}) }) : undefined;
}

/** Revokes the branch's secret: its batches are refused until a new code is issued. False for an unknown branch. */
export async function revokeSecret(db: Db, code: BranchCode, now: Date): Promise<boolean> {
  return (await db.query('update branches set secret = null, secret_revoked_at = $2 where code = $1 returning code', [code, now.toISOString()])).length > 0;
}
