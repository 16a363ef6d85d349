/**
 * Head office's published policy versions (issue 13 item 3). Head office validates a policy with the same shared
 * rules a branch does before it publishes it — a bad field is refused with its path, and nothing is stored — and
 * numbers it after the last one (the shipped default every branch starts on is 1). Branches pull the latest with a
 * signed request (app.ts, `POST /api/v1/policy`) and keep their earlier versions for the complaints graded under them.
 *
 * Plain functions over the database, so head office's own screens can publish and list through them as well.
 */
import { z } from 'zod';
import { parsePolicy, type Policy } from '../shared/policy/policy';
import { ok, type Result } from '../shared/result';
import type { PublishedPolicy } from '../shared/sync/policy';
import type { Db, Queryable } from './db/db';

/** The version every branch runs before head office publishes one. */
const SHIPPED_VERSION = 1;

/** A row read back is parsed like any other input. */
const PolicyRowSchema = z.object({ version: z.int(), document: z.record(z.string(), z.unknown()), published_at: z.date() });

const published = (raw: unknown): PublishedPolicy => {
  const row = PolicyRowSchema.parse(raw);
  return { version: row.version, policy: row.document, publishedAt: row.published_at.toISOString() };
};

/**
 * Validates `document` (a policy with or without `version`) as the next version and stores it; refused
 * `invalid_policy` with the bad field's `path`, storing nothing. Publications are numbered one at a time.
 */
export async function publishPolicy(db: Db, document: unknown, now: Date): Promise<Result<PublishedPolicy & { policy: Policy }>> {
  return db.transaction(async (tx) => {
    await tx.query('lock table published_policies in exclusive mode');
    const version = (await lastVersion(tx)) + 1;
    const parsed = parsePolicy(typeof document === 'object' && document !== null ? { ...document, version } : document);
    if (!parsed.ok) return parsed;
    await tx.query('insert into published_policies (version, document, published_at) values ($1, $2, $3)', [version, JSON.stringify(parsed.value), now]);
    return ok({ version, policy: parsed.value, publishedAt: now.toISOString() });
  });
}

async function lastVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('select max(version) as version from published_policies');
  return row?.version ?? SHIPPED_VERSION;
}

/** Every published version, newest first. */
export async function policyHistory(db: Queryable): Promise<PublishedPolicy[]> {
  return (await db.query('select version, document, published_at from published_policies order by version desc')).map(published);
}

/** The latest published version if it is newer than the one a branch has; otherwise undefined. */
export async function latestPolicyAfter(db: Queryable, knownVersion: number): Promise<PublishedPolicy | undefined> {
  const [row] = await db.query('select version, document, published_at from published_policies where version > $1 order by version desc limit 1', [knownVersion]);
  return row ? published(row) : undefined;
}
