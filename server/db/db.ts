/**
 * The one database code path of head office: a tiny interface over PostgreSQL (`pg`) and embedded Postgres
 * (PGlite in the data folder). Both speak the same SQL, so the schema, the migrations and every query are
 * written once; only opening differs.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1…` parameters; the rows it returns. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: everything it wrote is kept, or (it threw) nothing is. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'postgres' or 'pglite', for logs and benchmark reports. */
  readonly kind: 'postgres' | 'pglite';
}

/** PostgreSQL at `url`: a pool, one client per transaction. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // Fail now, with the server's words, rather than on the first batch.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await pool.query(sql, params as unknown[])).rows as R[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await client.query(sql, params as unknown[])).rows as R[] });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Embedded Postgres kept in `dataDir` (created if missing). */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await db.query<R>(sql, params as unknown[])).rows,
    transaction: (work) => db.transaction((tx) => work({ query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await tx.query<R>(sql, params as unknown[])).rows })),
    close: () => db.close(),
  };
}

export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
