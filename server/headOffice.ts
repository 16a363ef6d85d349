/**
 * Starting head office: open the database (PostgreSQL at a URL, or embedded in the data folder), migrate it,
 * make the admin token on the first run, and listen.
 */
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildHeadOffice, type HeadOfficeOptions } from './app';
import { ensureAdminToken } from './branches';
import { openDatabase, type Db } from './db/db';
import { migrate } from './db/migrations';
import { ensurePersonalDataKey } from './personalDataKey';
import type { Ingest } from './ingest';
import type { Language } from '../shared/api/schemas';

export interface StartOptions {
  readonly port: number;
  readonly host?: string;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly publicUrl?: string;
  readonly logger?: HeadOfficeOptions['logger'];
  readonly now?: () => Date;
  /** The built renderer, served at `/` as head office's screens. */
  readonly rendererDir?: string;
  readonly language?: Language;
  readonly version?: string;
  /** How long `close` lets requests under way finish before it cuts every connection (CLOSE_GRACE_MS). */
  readonly closeGraceMs?: number;
}

/**
 * A graceful close waits for every request under way, and a branch that lost its connection mid-upload leaves a
 * half-sent request that never ends: head office would never stop. After this long every connection is cut. An
 * upload cut short is stored whole or not at all (one transaction), and the branch sends it again.
 */
export const CLOSE_GRACE_MS = 10_000;

export interface RunningHeadOffice {
  readonly url: string;
  readonly db: Db;
  /** Set on the first run only: the admin token, which head office keeps only as a hash. */
  readonly adminToken?: string;
  readonly app: FastifyInstance;
  readonly ingest: Ingest;
  close(): Promise<void>;
}

/** Opens and migrates the database; the new admin token when there was none. */
export async function openHeadOfficeDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<{ db: Db; adminToken?: string }> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
    const adminToken = await ensureAdminToken(db);
    return adminToken ? { db, adminToken } : { db };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function startHeadOffice(options: StartOptions): Promise<RunningHeadOffice> {
  const { db, adminToken } = await openHeadOfficeDatabase(options);
  let personalDataKey: string;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    personalDataKey = ensurePersonalDataKey(options.dataDir);
  } catch (error) {
    await db.close();
    throw error;
  }
  const { app, ingest } = await buildHeadOffice({
    db,
    publicUrl: options.publicUrl,
    logger: options.logger,
    now: options.now,
    personalDataKey,
    rendererDir: options.rendererDir,
    language: options.language,
    version: options.version,
  });
  try {
    const url = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
    return {
      url,
      db,
      app,
      ingest,
      ...(adminToken ? { adminToken } : {}),
      async close() {
        const cut = setTimeout(() => app.server.closeAllConnections(), options.closeGraceMs ?? CLOSE_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
