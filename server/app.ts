/**
 * Head office's HTTP API on fastify. Branch endpoints (`/api/v1/batches`, `/api/v1/status`, `/api/v1/policy`,
 * `/api/v1/calendar`, `/api/v1/users`) take signed, optionally gzipped envelopes with the size caps applied before
 * the body is read; everything else needs the admin bearer token. Bodies, queries and params are validated by
 * fastify with the zod schemas (see `zodValidator`), so a handler only ever sees parsed input.
 */
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { answerBody } from '../shared/api/json-text';
import { BranchCodeSchema, ComplaintIdSchema, type BranchCode } from '../shared/brand';
import { BATCH_MAX_BYTES, BATCH_MAX_INFLATED_BYTES, type BatchResult, type SyncRefusalCode } from '../shared/sync/protocol';
import { adminTokenHolds, createBranch, issueSecret, listBranches, revokeSecret } from './branches';
import type { Db } from './db/db';
import { importBatchBytes } from './files';
import { createIngest, type Ingest, type Refused } from './ingest';
import { complaintWithTimeline, ComplaintFilterSchema, KpiQuerySchema, kpisByBranch, listComplaints } from './read';
import { latestPolicyAfter, policyHistory, publishPolicy } from './policies';
import { latestCalendarAfter } from './calendars';
import { PullBodySchema } from '../shared/sync/pull';
import { USER_DIRECTORY_MAX, UserDirectoryBodySchema, type UserDirectoryAnswer } from '../shared/sync/users';
import { storeBranchUsers } from './branchUsers';
import { createAccounts } from './accounts';
import { createHeadOfficeDesk } from './desk';
import { SECURITY_HEADERS } from '../electron/common/csp';
import { loadStaticFile } from '../electron/common/staticFiles';
import type { Language } from '../shared/api/schemas';
import type { Dispatch } from '../shared/api/dispatch';

/** Files one upload may carry. */
const UPLOAD_MAX_FILES = 16;

/** The HTTP status of each answer; the body is always the BatchResult. */
const HTTP_STATUS: Readonly<Record<SyncRefusalCode, number>> = {
  bad_signature: 401,
  unknown_branch: 403,
  revoked_branch: 403,
  sequence_gap: 409,
  batch_conflict: 409,
  malformed_batch: 400,
  malformed_event: 422,
  domain_refused: 422,
  hash_mismatch: 422,
  too_large: 413,
  unsupported_version: 400,
  timestamp_outside_window: 401,
};

export const httpStatusOf = (result: BatchResult | Refused): number => (result.status === 'refused' ? HTTP_STATUS[result.code] : 200);

export interface HeadOfficeOptions {
  readonly db: Db;
  /** Head office's address as branches reach it, put into enrolment codes; by default the request's own host. */
  readonly publicUrl?: string;
  readonly now?: () => Date;
  /** Warnings and errors to stdout (`true`), or everything to `stream` (the tests read it for personal data). */
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
  /** The organisation's personal-data key, handed to branches in their enrolment codes (server/personalDataKey.ts). */
  readonly personalDataKey?: string;
  /** The built renderer (`out/renderer`), served at `/` as head office's screens; none: the API only. */
  readonly rendererDir?: string;
  /** The screens' language until someone switches it. */
  readonly language?: Language;
  /** The app's version, as `app.info` tells it. */
  readonly version?: string;
}

/** The tab's own id, as the branch's browser bridge reads it: a session belongs to one tab. */
const WINDOW_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Fastify validates with zod: the route's schemas are zod schemas, and the handler gets the parsed value. */
function zodValidator({ schema }: { schema: unknown }) {
  return (data: unknown) => {
    const parsed = (schema as z.ZodType).safeParse(data);
    return parsed.success ? { value: parsed.data } : { error: new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')) };
  };
}

/** Counts the bytes as they arrive (before inflating) and stops past the wire cap, for bodies without a Content-Length. */
function wireCounter(onCount: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onCount(bytes);
      if (bytes > BATCH_MAX_BYTES) done(Object.assign(new Error('body too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }));
      else done(null, chunk);
    },
  });
}

/** The gzip body inflated as it streams; fastify's bodyLimit then caps the inflated size (a gzip bomb stops there). */
export function inflate(payload: Readable): Readable {
  const gunzip = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength?: number };
  const counter = wireCounter((bytes) => (gunzip.receivedEncodedLength = bytes));
  payload.on('error', (error) => gunzip.destroy(error));
  counter.on('error', (error) => gunzip.destroy(error));
  return payload.pipe(counter).pipe(gunzip);
}

/** What a body that never reached the checks is refused as. */
function earlyRefusal(error: FastifyError): { code: SyncRefusalCode; message: string } {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { code: 'too_large', message: `a batch is at most ${BATCH_MAX_BYTES} bytes on the wire and ${BATCH_MAX_INFLATED_BYTES} inflated` };
  }
  return { code: 'malformed_batch', message: `the body is not a JSON envelope (${error.message})` };
}

export async function buildHeadOffice(options: HeadOfficeOptions): Promise<{ app: FastifyInstance; ingest: Ingest }> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const ingest = createIngest(db, now);
  // Warnings and errors only: a request line per batch would bury what matters. A test's stream takes every
  // line, request lines too, so it can prove that none carries personal data.
  const logger = options.logger === true ? { level: 'warn' } : options.logger ? { level: 'info', stream: options.logger.stream } : false;
  const app = Fastify({ logger, bodyLimit: 1024 * 1024 });
  app.setValidatorCompiler(zodValidator);

  const sendResult = (reply: FastifyReply, result: BatchResult | Refused) => reply.code(httpStatusOf(result)).send(result);

  // ---- branch endpoints: signed envelopes -------------------------------------------------------------------
  await app.register(async (branchApi) => {
    branchApi.addHook('onRequest', async (request, reply) => {
      const length = Number(request.headers['content-length']);
      // Refused before a byte of the body is read.
      if (length > BATCH_MAX_BYTES) return sendResult(reply, await ingest.refusedEarly('too_large', `the body is ${length} bytes; a batch is at most ${BATCH_MAX_BYTES}`, 'http'));
      const encoding = request.headers['content-encoding'];
      if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') {
        return sendResult(reply, await ingest.refusedEarly('malformed_batch', `content encoding ${encoding} is not supported (gzip is)`, 'http'));
      }
      return undefined;
    });
    branchApi.addHook('preParsing', async (request, _reply, payload) => (request.headers['content-encoding'] === 'gzip' ? inflate(payload) : payload));
    branchApi.setErrorHandler(async (error: FastifyError, _request, reply) => {
      if (error.statusCode !== undefined && error.statusCode >= 500) throw error;
      const { code, message } = earlyRefusal(error);
      return sendResult(reply, await ingest.refusedEarly(code, message, 'http'));
    });
    const routeOptions = { bodyLimit: BATCH_MAX_INFLATED_BYTES };
    branchApi.post('/api/v1/batches', routeOptions, async (request, reply) => sendResult(reply, await ingest.receive(request.body, 'http')));
    branchApi.post('/api/v1/status', routeOptions, async (request, reply) => {
      const status = await ingest.status(request.body);
      return 'status' in status ? sendResult(reply, status) : reply.send(status);
    });
    /** A signed request's body parsed with `schema` (signed like the status probe), or the refusal to send. */
    async function signedJson<T>(raw: unknown, schema: z.ZodType<T>, shape: string): Promise<{ branch: BranchCode; value: T } | Refused> {
      const signed = await ingest.signedBody(raw);
      if ('status' in signed) return signed;
      let json: unknown;
      try {
        json = JSON.parse(signed.body);
      } catch {
        json = undefined;
      }
      const body = schema.safeParse(json);
      return body.success ? { branch: signed.branch, value: body.data } : ingest.refusedEarly('malformed_batch', `the body must be ${shape}`, 'http');
    }
    /** A pull of what head office publishes (shared/sync/pull.ts): the latest version if newer than the branch's. */
    const pull = <T>(path: string, latestAfter: (knownVersion: number) => Promise<T | undefined>) =>
      branchApi.post(path, routeOptions, async (request, reply) => {
        const asked = await signedJson(request.body, PullBodySchema, '{"knownVersion": n}');
        if ('status' in asked) return sendResult(reply, asked);
        return reply.send({ latest: (await latestAfter(asked.value.knownVersion)) ?? null, serverTime: now().toISOString() });
      });
    pull('/api/v1/policy', (knownVersion) => latestPolicyAfter(db, knownVersion));
    pull('/api/v1/calendar', (knownVersion) => latestCalendarAfter(db, knownVersion));
    // The branch's accounts (id, display name, role, active), so head office's screens name its people.
    branchApi.post('/api/v1/users', routeOptions, async (request, reply) => {
      const directory = await signedJson(request.body, UserDirectoryBodySchema, `{"users": [{"id", "displayName", "role", "active"}, …]} (at most ${USER_DIRECTORY_MAX})`);
      if ('status' in directory) return sendResult(reply, directory);
      const answer: UserDirectoryAnswer = { stored: await storeBranchUsers(db, directory.branch, directory.value.users, now()), serverTime: now().toISOString() };
      return reply.send(answer);
    });
  });

  // ---- admin and read endpoints: bearer token ---------------------------------------------------------------
  await app.register(async (adminApi) => {
    adminApi.addHook('onRequest', async (request, reply) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !(await adminTokenHolds(db, token))) return reply.code(401).send({ error: 'unauthorized', message: 'the admin token is missing or wrong' });
      return undefined;
    });
    adminApi.setErrorHandler(async (error: FastifyError, _request, reply) => {
      if (error.validation || error.code === 'FST_ERR_VALIDATION' || (error.statusCode !== undefined && error.statusCode < 500)) {
        return reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send({ error: 'invalid_input', message: error.message });
      }
      throw error;
    });

    const BranchParams = z.strictObject({ code: BranchCodeSchema });
    adminApi.get('/api/v1/branches', async () => ({ branches: await listBranches(db) }));
    adminApi.post(
      '/api/v1/branches',
      { schema: { body: z.strictObject({ code: BranchCodeSchema, name: z.string().trim().min(1).max(100) }) } },
      async (request: FastifyRequest<{ Body: { code: z.infer<typeof BranchCodeSchema>; name: string } }>, reply) => {
        const branch = await createBranch(db, request.body.code, request.body.name, now());
        return branch ? reply.code(201).send(branch) : reply.code(409).send({ error: 'branch_exists', message: `branch ${request.body.code} exists` });
      },
    );
    adminApi.post(
      '/api/v1/branches/:code/secret',
      { schema: { params: BranchParams, body: z.strictObject({ url: z.url({ protocol: /^https?$/ }).optional() }).nullish() } },
      async (request: FastifyRequest<{ Params: z.infer<typeof BranchParams>; Body: { url?: string } | null | undefined }>, reply) => {
        const url = request.body?.url ?? options.publicUrl ?? `${request.protocol}://${request.host}`;
        const enrolmentCode = await issueSecret(db, request.params.code, url, now(), options.personalDataKey);
        return enrolmentCode ? reply.send({ enrolmentCode }) : reply.code(404).send({ error: 'unknown_branch', message: `no branch ${request.params.code}` });
      },
    );
    adminApi.delete('/api/v1/branches/:code/secret', { schema: { params: BranchParams } }, async (request: FastifyRequest<{ Params: z.infer<typeof BranchParams> }>, reply) =>
      (await revokeSecret(db, request.params.code, now())) ? reply.code(204).send() : reply.code(404).send({ error: 'unknown_branch', message: `no branch ${request.params.code}` }),
    );

    adminApi.get('/api/v1/complaints', { schema: { querystring: ComplaintFilterSchema } }, async (request: FastifyRequest<{ Querystring: z.infer<typeof ComplaintFilterSchema> }>) =>
      listComplaints(db, request.query),
    );
    const ComplaintParams = z.strictObject({ code: BranchCodeSchema, id: ComplaintIdSchema });
    adminApi.get(
      '/api/v1/branches/:code/complaints/:id',
      { schema: { params: ComplaintParams } },
      async (request: FastifyRequest<{ Params: z.infer<typeof ComplaintParams> }>, reply) =>
        (await complaintWithTimeline(db, request.params.code, request.params.id)) ?? reply.code(404).send({ error: 'not_found', message: 'head office has no such complaint' }),
    );
    adminApi.get('/api/v1/kpis', { schema: { querystring: KpiQuerySchema } }, async (request: FastifyRequest<{ Querystring: z.infer<typeof KpiQuerySchema> }>) =>
      kpisByBranch(db, request.query, now()),
    );

    // Publishing a policy: validated with the shared rules; a bad field is refused 422 with its path.
    adminApi.get('/api/v1/policies', async () => ({ versions: await policyHistory(db) }));
    adminApi.post(
      '/api/v1/policies',
      { schema: { body: z.strictObject({ policy: z.record(z.string(), z.unknown()) }) } },
      async (request: FastifyRequest<{ Body: { policy: Record<string, unknown> } }>, reply) => {
        const published = await publishPolicy(db, request.body.policy, now());
        if (!published.ok) return reply.code(422).send({ error: published.error.code, message: published.error.message, path: published.error.path ?? '' });
        return reply.code(201).send({ version: published.value.version, publishedAt: published.value.publishedAt });
      },
    );

    const UploadSchema = z.strictObject({
      files: z.array(z.strictObject({ name: z.string().min(1).max(255), base64: z.base64() })).min(1).max(UPLOAD_MAX_FILES),
    });
    adminApi.post(
      '/api/v1/batch-files',
      { schema: { body: UploadSchema }, bodyLimit: Math.ceil((UPLOAD_MAX_FILES * BATCH_MAX_BYTES * 4) / 3) + 64 * 1024 },
      async (request: FastifyRequest<{ Body: z.infer<typeof UploadSchema> }>) => {
        const results = [];
        for (const file of request.body.files) results.push(await importBatchBytes(ingest, file.name, Buffer.from(file.base64, 'base64')));
        return { results };
      },
    );
  });

  // ---- head office's screens: the renderer and the contract at POST /api/<method> ---------------------------
  const desk = createHeadOfficeDesk({
    db,
    ingest,
    accounts: createAccounts(db),
    version: options.version ?? 'dev',
    enrolmentUrl: () => options.publicUrl ?? listeningUrl(app),
    language: options.language,
    now,
    validateOutput: true,
    onBug: (method, error) => app.log.error({ err: error }, `bug in ${method}`),
    log: (message, details) => app.log.info(details, message),
  });
  await app.register(async (screens) => registerScreens(screens, desk.dispatch, options.rendererDir));

  return { app, ingest };
}

/** Where head office listens, as branches on this network reach it (the first address). */
function listeningUrl(app: FastifyInstance): string {
  const address = app.addresses()[0];
  if (!address || typeof address === 'string') return 'http://127.0.0.1';
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
}

/**
 * The same renderer build a branch runs, and the same contract behind it. A call names its tab
 * (`x-desk-window`, one session per tab) and sends JSON; a call from a page of another origin is refused, so
 * another site open in the same browser cannot act for the signed-in person.
 */
async function registerScreens(screens: FastifyInstance, dispatch: Dispatch, rendererDir: string | undefined): Promise<void> {
  const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });
  screens.post('/api/:method', async (request: FastifyRequest<{ Params: { method: string } }>, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) return reply.code(403).send(refusal('forbidden_origin', 'Cross-origin call refused.'));
    if (!request.headers['content-type']?.startsWith('application/json')) return reply.code(415).send(refusal('unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
    const window = request.headers['x-desk-window'];
    if (typeof window !== 'string' || !WINDOW_ID.test(window)) return reply.code(400).send(refusal('missing_window', 'Every call names its window (x-desk-window).'));
    const answer = await dispatch(request.params.method, request.body, { window: `tab-${window}` });
    return reply.type('application/json; charset=utf-8').send(Buffer.from(answerBody(answer)));
  });
  if (!rendererDir) return;
  screens.get('/*', async (request, reply) => {
    const path = new URL(request.url, 'http://placeholder').pathname;
    const file = await loadStaticFile(rendererDir, path);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    // Hashed asset names never change content; index.html must always be fetched fresh.
    const caching = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    return reply.headers({ ...SECURITY_HEADERS, 'cache-control': caching }).type(file.contentType).send(file.body);
  });
}
