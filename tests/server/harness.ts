/**
 * Head office for tests and the sync benchmark: a real server on loopback over embedded Postgres (a copy of a
 * migrated template, since PGlite's initdb takes seconds) or a real PostgreSQL cluster, an HTTP client that
 * speaks the protocol (gzip, signed envelopes), enrolment through the admin API, and what head office holds.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { decodeEnrolment } from '../../shared/sync/enrolment';
import { batchEnvelope, sealEnvelope } from '../../shared/sync/envelope';
import { BATCH_MAX_EVENTS, type BatchEnvelope } from '../../shared/sync/protocol';
import { openPglite } from '../../server/db/db';
import { migrate, MIGRATIONS } from '../../server/db/migrations';
import { startHeadOffice, type RunningHeadOffice } from '../../server/headOffice';
import type { DomainEvent } from '../../shared/domain/events';
import { applyEvent } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { postgresUnavailable, startPostgres, type PostgresCluster } from './postgres';

export type Backend = 'pglite' | 'postgres';

/** Where a head office keeps its data: a fresh PGlite folder or a fresh database in one PostgreSQL cluster. */
export interface Storage {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

export interface Backends {
  /** A fresh, empty (migrated or not) storage on this backend. */
  fresh(): Promise<Storage>;
  stop(): Promise<void>;
}

// Named by the migrations' content, not their count: two branches of the code may each add a different migration 2.
const TEMPLATE = join(tmpdir(), `cd-headoffice-pglite-template-l2-${createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12)}`);

/** A migrated PGlite folder made once per machine and copied for each test (initdb in WASM takes ~10 s). */
async function pgliteTemplate(): Promise<string> {
  if (existsSync(TEMPLATE)) return TEMPLATE;
  const building = `${TEMPLATE}-${process.pid}`;
  const db = await openPglite(building);
  await migrate(db);
  await db.close();
  try {
    renameSync(building, TEMPLATE);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another worker made it first
  }
  return TEMPLATE;
}

export async function openBackend(kind: Backend): Promise<Backends> {
  const root = mkdtempSync(join(tmpdir(), 'cd-headoffice-'));
  let made = 0;
  if (kind === 'pglite') {
    const template = await pgliteTemplate();
    return {
      async fresh() {
        const dataDir = join(root, `db${++made}`);
        cpSync(template, dataDir, { recursive: true });
        return { dataDir };
      },
      async stop() {
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const cluster: PostgresCluster = await startPostgres();
  return {
    async fresh() {
      const name = `headoffice${++made}`;
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      return { databaseUrl: cluster.url.replace(/\/postgres$/, `/${name}`), dataDir: root };
    },
    async stop() {
      await cluster.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The backends to test on: PGlite always, PostgreSQL when installed (CI installs it). */
export const BACKENDS: readonly Backend[] = postgresUnavailable() ? ['pglite'] : ['pglite', 'postgres'];
if (postgresUnavailable()) console.warn(`Skipping the PostgreSQL head-office tests: ${postgresUnavailable()}`);

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One request on its own connection (so a fault proxy can cut exactly this one). */
export function httpSend(url: string, options: { method?: string; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', agent: false, headers: { connection: 'close', ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Posts an envelope (or any JSON) as a branch does: gzip by default. */
export function postEnvelope(baseUrl: string, envelope: unknown, options: { gzip?: boolean; path?: string } = {}): Promise<HttpAnswer> {
  const json = Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
  const gzip = options.gzip ?? true;
  return httpSend(`${baseUrl}${options.path ?? '/api/v1/batches'}`, {
    body: gzip ? gzipSync(json) : json,
    headers: { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
  });
}

export interface TestHeadOffice {
  readonly url: string;
  readonly token: string;
  readonly running: RunningHeadOffice;
  admin(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  /** Creates the branch and issues its secret through the admin API; the secret from the enrolment code. */
  enrol(code: string): Promise<string>;
  /** Every event head office holds for the branch: [seq, event id] in seq order. */
  held(branch: string): Promise<[number, string][]>;
  /** Stops and starts again on the same data (a restart). */
  restart(): Promise<TestHeadOffice>;
  close(): Promise<void>;
}

/** `logTo` receives every line head office logs (request lines too), for tests that read them. */
export async function startTestHeadOffice(storage: Storage, token?: string, now?: () => Date, port = 0, logTo?: NodeJS.WritableStream): Promise<TestHeadOffice> {
  const running = await startHeadOffice({ port, ...storage, ...(now ? { now } : {}), ...(logTo ? { logger: { stream: logTo } } : {}) });
  const adminToken = running.adminToken ?? token;
  if (!adminToken) throw new Error('no admin token: the storage was used before without this harness');
  const admin = (method: string, path: string, body?: unknown) =>
    httpSend(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const office: TestHeadOffice = {
    url: running.url,
    token: adminToken,
    running,
    admin,
    async enrol(code) {
      const created = await admin('POST', '/api/v1/branches', { code, name: `${code} 门店` });
      if (created.status !== 201) throw new Error(`create branch ${code}: ${created.status} ${JSON.stringify(created.body)}`);
      const issued = await admin('POST', `/api/v1/branches/${code}/secret`, {});
      const enrolment = decodeEnrolment((issued.body as { enrolmentCode: string }).enrolmentCode);
      if (!enrolment.ok) throw new Error(enrolment.error.message);
      return enrolment.value.secret;
    },
    async held(branch) {
      const rows = await running.db.query<{ seq: number; event_id: string }>('select seq, event_id from events where branch = $1 order by seq', [branch]);
      return rows.map((row) => [row.seq, row.event_id]);
    },
    async restart() {
      await running.close();
      // Back at the same address, as a restarted server is: branches keep the URL they enrolled with.
      return startTestHeadOffice(storage, adminToken, now, Number(new URL(running.url).port), logTo);
    },
    async close() {
      // A branch desk closed mid-request can leave a half-sent request on a kept-alive socket, which a graceful
      // close would wait for forever: the test is over, so every connection goes.
      const closing = running.close();
      running.app.server.closeAllConnections();
      await closing;
    },
  };
  return office;
}

/** An answer of head office's screens' contract (`POST /api/<method>`), read as the renderer reads it. */
export type DeskAnswer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string; path?: string; params?: Record<string, unknown> } };

/** A browser tab on head office's screens: its own id, so its own session. */
export function headOfficeTab(url: string) {
  const window = randomUUID();
  return async (method: string, input: unknown = {}, headers: Record<string, string> = {}): Promise<DeskAnswer> => {
    const answer = await httpSend(`${url}/api/${method}`, {
      body: JSON.stringify(input),
      headers: { 'content-type': 'application/json', 'x-desk-window': window, ...headers },
    });
    return answer.body as DeskAnswer;
  };
}

/** What head office must end with for a branch: each event once, in order. */
export const expectedHeld = (events: readonly DomainEvent[]): [number, string][] => events.map((event) => [event.seq, event.id]);

/** The branch's journal cut into signed batches as its outbox would (at most `size` events each). */
export async function batchesOf(secret: string, events: readonly DomainEvent[], size = BATCH_MAX_EVENTS, sentAt = () => new Date().toISOString()): Promise<BatchEnvelope[]> {
  const branch = events[0]?.branch;
  if (!branch) return [];
  const batches: BatchEnvelope[] = [];
  for (let i = 0; i < events.length; i += size) batches.push(await batchEnvelope(secret, branch, events.slice(i, i + size), sentAt()));
  return batches;
}

/** Signs `envelope`'s body again as-is (a changed body with a valid signature: what only the branch could make). */
export const resign = (secret: string, envelope: BatchEnvelope, body: string): Promise<BatchEnvelope> => sealEnvelope(secret, envelope.branch, body, envelope.timestamp);

/** The consolidated complaints of the branch, as JSON, by id. */
export async function consolidated(office: TestHeadOffice, branch: string): Promise<Map<string, unknown>> {
  const rows = await office.running.db.query<{ id: string; state: unknown }>('select id, state from complaints where branch = $1', [branch]);
  return new Map(rows.map((row) => [row.id, row.state]));
}

/** The branch's own fold of its events, as head office stores it (JSON: absent fields dropped). */
export function foldedLocally(events: readonly DomainEvent[]): Map<string, unknown> {
  const states = new Map<string, ComplaintState>();
  for (const event of events) states.set(event.complaintId, applyEvent(states.get(event.complaintId), event));
  return new Map([...states].map(([id, state]) => [id, JSON.parse(JSON.stringify(state)) as unknown]));
}

/**
 * A minimal outbox, as the protocol asks of a branch: sends the batch after what head office acknowledged,
 * follows `expectedFromSeq` on a gap, retries a batch whose answer never came. Returns the answers' statuses.
 */
export async function drain(url: () => string, batches: readonly BatchEnvelope[], onAnswer: (outcome: string) => void = () => undefined): Promise<void> {
  const byFrom = new Map(batches.map((batch) => [(JSON.parse(batch.body) as { fromSeq: number }).fromSeq, batch]));
  const last = Math.max(...batches.map((batch) => (JSON.parse(batch.body) as { toSeq: number }).toSeq));
  for (let acked = 0, attempts = 0; acked < last; attempts++) {
    if (attempts > batches.length * 4) throw new Error(`the outbox does not drain: stuck after seq ${acked}`);
    const batch = byFrom.get(acked + 1);
    if (!batch) throw new Error(`no batch starts at seq ${acked + 1}`);
    const answer = await postEnvelope(url(), batch).catch((error: unknown) => ({ status: 0, body: { status: 'lost', error: String(error) } }));
    const body = answer.body as { status: string; code?: string; ackedThroughSeq?: number; expectedFromSeq?: number };
    onAnswer(body.status === 'refused' ? (body.code ?? 'refused') : body.status);
    if (body.status === 'accepted' || body.status === 'duplicate') acked = body.ackedThroughSeq ?? acked;
    else if (body.code === 'sequence_gap' && body.expectedFromSeq !== undefined) acked = body.expectedFromSeq - 1;
    else if (body.status !== 'lost') throw new Error(`batch refused: ${JSON.stringify(body)}`);
  }
}
