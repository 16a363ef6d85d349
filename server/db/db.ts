/**
 * The one database code path of head office: a tiny interface over PostgreSQL (`pg`) and embedded Postgres
 * (PGlite in the data folder). Both speak the same SQL, so the schema, the migrations and every query are
 * written once; only opening differs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const LOCK_FILE = 'headoffice.pid';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Embedded Postgres has one process per folder: a second one (an import while the server runs) would damage it.
 * The lock names its holder's pid; a lock left by a process that is gone is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new Error(`Head office (process ${holder}) is already using ${dataDir}. Stop it first, or upload batch files to it (POST /api/v1/batch-files).`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Cannot lock ${dataDir}`);
}

/** Embedded Postgres kept in `dataDir` (created if missing), for this process only. */
export async function openPglite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockFolder(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(join(dataDir, 'pgdata'));
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await db.query<R>(sql, params as unknown[])).rows,
    transaction: (work) => db.transaction((tx) => work({ query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await tx.query<R>(sql, params as unknown[])).rows })),
    async close() {
      await db.close();
      unlock();
    },
  };
}

export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
