/**
 * Browser mode's HTTP bridge (DESIGN.md "One contract between renderer and main"): the built renderer and
 * the same dispatcher Electron's IPC uses, at POST /api/<method>, on 127.0.0.1 only. Every API call must
 * carry the per-run token (header `x-desk-token`); the renderer gets it from the URL fragment, which
 * browsers never send to the server. Plain Node: no Electron here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Dispatch } from '../../shared/api/dispatch';
import { answerBody } from '../../shared/api/json-text';
import { refusalOf, type PlainRefusalCode } from '../../shared/refusals';
import { SECURITY_HEADERS } from '../common/csp';
import { loadStaticFile } from '../common/staticFiles';
import { describeError, type Logger } from '../services/log';

export const TOKEN_HEADER = 'x-desk-token';
/** The tab's own id (kept in its sessionStorage): a session belongs to one tab, as to one Electron window. */
export const WINDOW_HEADER = 'x-desk-window';
const WINDOW_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Journal batches (≤ 5000 events) and evidence files (≤ 20 MB, ~27 MB as base64) are the biggest bodies. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir: string;
  readonly token: string;
  readonly dispatch: Dispatch;
  readonly log: Logger;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>/` */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Same cost for a right and a wrong token of any length: compare fixed-length digests. */
function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');

/** The transport's own refusals (before the dispatcher): catalogue codes like every other. */
const refusal = (code: PlainRefusalCode, message: string) => ({ ok: false, error: refusalOf(code, message) });

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** How long a stop waits for requests in flight before cutting every connection. */
const CLOSE_GRACE_MS = 1_000;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let origin = '';
  // A page on another site could point its own host name at 127.0.0.1 (DNS rebinding); only our own host
  // names are answered, on top of the token. Filled in once the port is known.
  let allowedHosts: string[] = [];
  // The app opened as http://localhost:<port> is as much ours as http://127.0.0.1:<port>: its calls carry that
  // origin. Any other origin is a foreign page.
  let allowedOrigins: string[] = [];

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') return sendJson(response, 405, refusal('method_not_allowed', 'Use POST.'));
    if (!tokenMatches(request.headers[TOKEN_HEADER], options.token)) {
      return sendJson(response, 401, refusal('unauthorized', 'Missing or wrong desk token: open the URL the server printed.'));
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.includes(requestOrigin)) return sendJson(response, 403, refusal('forbidden_origin', 'Cross-origin call refused.'));
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 415, refusal('unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
    }
    const window = request.headers[WINDOW_HEADER];
    if (typeof window !== 'string' || !WINDOW_ID.test(window)) return sendJson(response, 400, refusal('missing_window', 'Every call names its window (x-desk-window).'));
    const body = await readBody(request);
    if (!body) return sendJson(response, 413, refusal('payload_too_large', 'The request is too large.'));
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, refusal('invalid_json', 'The request body is not valid JSON.'));
    }
    const answer = await options.dispatch(method, input, { window: `tab-${window}` });
    return send(response, 200, Buffer.from(answerBody(answer)), 'application/json; charset=utf-8');
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, path: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = await loadStaticFile(options.rendererDir, path);
    if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    // Hashed asset names never change content; index.html must always be fetched fresh.
    const caching: Record<string, string> = path.startsWith('/assets/') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
    return send(response, 200, request.method === 'HEAD' ? '' : file.body, file.contentType, caching);
  }

  const server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const work = !allowedHosts.includes(host)
      ? Promise.resolve(send(response, 421, 'Wrong host', 'text/plain; charset=utf-8'))
      : url.pathname.startsWith('/api/')
        ? handleApi(request, response, url.pathname.slice('/api/'.length))
        : handleStatic(request, response, url.pathname);
    work.catch((error: unknown) => {
      options.log.error('web bridge: request failed', { path: url.pathname, ...describeError(error) });
      if (!response.headersSent) sendJson(response, 500, refusal('internal', 'Something went wrong in the app. The details are in the log.'));
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web bridge: not listening on a TCP port');
  const { port } = address;
  origin = `http://${LOOPBACK}:${port}/`;
  allowedHosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];
  allowedOrigins = allowedHosts.map((host) => `http://${host}`);

  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Chromium keeps pre-opened sockets that carry no request yet; they are not "idle" to Node and would
        // hold the stop for the whole header timeout. Requests in flight get a moment to finish first.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
