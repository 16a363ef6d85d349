/**
 * Head office's schema, as numbered migrations run on start (PostgreSQL and PGlite alike). A migration, once
 * released, never changes: a new column or table is a new entry at the end. Each runs in one transaction
 * with the schema version, under an advisory lock, so two servers starting on one database migrate once.
 */
import type { Db } from './db';

interface Migration {
  readonly version: number;
  readonly describe: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: 'branches, batches, events, consolidated complaints, admin tokens, refused batches',
    statements: [
      `create table branches (
        code text primary key,
        name text not null,
        secret text,
        secret_issued_at timestamptz,
        secret_rotated_at timestamptz,
        secret_revoked_at timestamptz,
        acked_through_seq integer not null default 0,
        last_sync_at timestamptz,
        clock_skew_ms integer,
        created_at timestamptz not null
      )`,
      // The idempotency record: a batch id is one range of one branch forever; `result` is the answer replayed.
      `create table batches (
        batch_id text primary key,
        branch text not null references branches (code),
        from_seq integer not null,
        to_seq integer not null,
        payload_hash text not null,
        result jsonb not null,
        source text not null,
        received_at timestamptz not null
      )`,
      // No foreign key on the two big tables: the branch is checked before anything is stored, and a per-row
      // key check would cost more than the insert itself.
      `create table events (
        branch text not null,
        seq integer not null,
        event_id text not null,
        complaint_id text not null,
        type text not null,
        at timestamptz not null,
        body json not null,
        primary key (branch, seq)
      )`,
      `create index events_by_complaint on events (branch, complaint_id, seq)`,
      // The consolidated view: the reducer's state as JSON, plus the columns the read API filters on.
      `create table complaints (
        branch text not null,
        id text not null,
        number text not null,
        status text not null,
        grade smallint not null,
        tier text not null,
        received_at timestamptz not null,
        updated_at timestamptz not null,
        last_seq integer not null,
        state json not null,
        primary key (branch, id),
        unique (branch, number)
      )`,
      `create index complaints_by_received on complaints (received_at)`,
      `create index complaints_by_status on complaints (status, received_at)`,
      `create index complaints_by_grade on complaints (grade, received_at)`,
      `create table admin_tokens (token_hash text primary key, created_at timestamptz not null)`,
      `create table refused_batches (
        id bigserial primary key,
        branch text,
        batch_id text,
        source text not null,
        code text not null,
        message text not null,
        received_at timestamptz not null
      )`,
    ],
  },
  {
    version: 2,
    describe: 'published policy versions',
    statements: [
      // One row per version head office published; a version, once published, never changes (branches hold it).
      `create table published_policies (
        version integer primary key,
        document jsonb not null,
        published_at timestamptz not null
      )`,
    ],
  },
  {
    version: 3,
    describe: "head office's own position of every event (its screens read every branch's events in arrival order) and head-office accounts",
    statements: [
      // Gap-free 1, 2, 3…: ingest numbers the events under a lock (a sequence would leave holes where a batch
      // rolled back, and could commit out of order). Events stored before are numbered branch by branch.
      `alter table events add column ho_pos bigint`,
      `update events set ho_pos = numbered.pos from (select branch, seq, row_number() over (order by branch, seq) as pos from events) as numbered
        where events.branch = numbered.branch and events.seq = numbered.seq`,
      `alter table events alter column ho_pos set not null`,
      `create unique index events_by_ho_pos on events (ho_pos)`,
      `create table ho_users (
        id text primary key,
        username text not null,
        username_key text not null unique,
        display_name text not null,
        role text not null check (role in ('admin', 'supervisor')),
        password_hash text not null,
        active boolean not null default true,
        created_at timestamptz not null
      )`,
    ],
  },
  {
    version: 4,
    describe: 'published working-calendar versions',
    statements: [
      // One row per version head office published: every holiday notice in force with it (so a branch needs only
      // the latest), who published it and when. A version, once published, never changes.
      `create table published_calendars (
        version integer primary key,
        notices jsonb not null,
        published_by text not null,
        published_at timestamptz not null
      )`,
    ],
  },
  {
    version: 5,
    describe: "each branch's user directory (the names behind the user ids in its events)",
    statements: [
      // Keyed by branch and id: a branch's account ids are its own. Upserted, never deleted: an account the
      // branch no longer lists still names the steps it took.
      `create table branch_users (
        branch text not null references branches (code),
        id text not null,
        display_name text not null,
        role text not null check (role in ('staff', 'supervisor', 'admin')),
        active boolean not null,
        first_seen_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (branch, id)
      )`,
    ],
  },
];

/** Brings the database up to the last migration; returns the schema version. */
export async function migrate(db: Db): Promise<number> {
  await db.query('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null)');
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7301120)');
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (done.length > 0) return;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, applied_at) values ($1, now())', [migration.version]);
    });
  }
  return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
}
