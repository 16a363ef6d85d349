/**
 * Browser mode end to end at the HTTP level: the real services on a temp folder behind the real bridge,
 * called through the renderer's own `createApi(httpTransport)`.
 */
import { request } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../../electron/services/desk';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { createApi, httpTransport, type Api } from '../../../renderer/platform/transport';
import { JsonText } from '../../../shared/api/json-text';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/csp';
import { memoryLogger, withTempDir } from './fixtures';

const TOKEN = 'test-token-0123456789';
const TAB = 'tab-a-0123456789abcdef';
const REGISTRATION = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳' },
  receivedAt: new Date(Date.now() - 60_000).toISOString(),
  description: '收银员态度恶劣',
  requests: ['apology'],
};
const SETUP = { branchCode: 'BR01', branchName: 'Test', timeZone: 'Asia/Shanghai', adminUsername: 'admin', password: 'correct horse' };

/** The HTTP transport hands on an answer's body as the JSON it is (the window reads it where it chooses). */
function bodyOf(answer: unknown): unknown {
  if (!(answer instanceof JsonText)) throw new Error('the HTTP transport did not hand on the body as JSON text');
  return JSON.parse(answer.text());
}

async function withBridge(work: (bridge: { server: WebServer; api: Api; dataDir: string }) => Promise<void>) {
  await withTempDir(async (dir) => {
    const rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
    const dataDir = join(dir, 'data');
    const log = memoryLogger();
    const desk = await openDesk({ dataDir, mode: 'browser', version: '0.1.0', validateOutput: true, log });
    const server = await startWebServer({ port: 0, rendererDir, token: TOKEN, dispatch: desk.dispatch, log });
    try {
      await work({ server, api: createApi(httpTransport({ baseUrl: server.origin, token: TOKEN, window: TAB })), dataDir });
    } finally {
      await server.close();
      await desk.close();
    }
  });
}

/** A raw request, for what fetch will not send (a foreign Host header). */
function rawPost(server: WebServer, path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode bridge', () => {
  it('listens on 127.0.0.1 and serves the renderer with the CSP header', async () => {
    await withBridge(async ({ server }) => {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(server.origin);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await (await fetch(new URL('board', server.origin))).text()).toContain('<title>desk</title>');
      expect((await fetch(new URL('assets/app.js', server.origin))).headers.get('content-type')).toContain('javascript');
      expect((await fetch(new URL('assets/missing.js', server.origin))).status).toBe(404);
      expect((await fetch(new URL('..%2Fsecret.txt', server.origin))).status).toBe(404);
    });
  });

  it('refuses an API call without the right token', async () => {
    await withBridge(async ({ server }) => {
      const noToken = await fetch(new URL('api/setup.status', server.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(noToken.status).toBe(401);
      expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const wrong = await createApi(httpTransport({ baseUrl: server.origin, token: 'guess', window: TAB })).call('setup.status', {});
      expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    });
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin and a non-JSON body', async () => {
    await withBridge(async ({ server }) => {
      const json = { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-window': TAB };
      expect(await rawPost(server, '/api/setup.status', { ...json, host: 'evil.example:80' }, '{}')).toBe(421);
      expect(await rawPost(server, '/api/setup.status', { ...json, origin: 'http://evil.example' }, '{}')).toBe(403);
      expect(await rawPost(server, '/api/setup.status', { ...json, 'content-type': 'text/plain' }, '{}')).toBe(415);
      expect(await rawPost(server, '/api/setup.status', json, '{not json')).toBe(400);
      expect(await rawPost(server, '/api/setup.status', json, '{}')).toBe(200);
      expect(await rawPost(server, '/api/setup.status', { ...json, 'x-desk-window': 'short' }, '{}')).toBe(400);
    });
  });

  it('runs the same contract: set up, sign in, a step decided by main, read back', async () => {
    await withBridge(async ({ api, server }) => {
      expect(await api.call('setup.createBranch', SETUP)).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
      const decided = await api.call('complaints.decide', { requestId: 'req-00000001', action: 'register', input: REGISTRATION });
      expect(decided).toMatchObject({ ok: true, value: { journaledThroughSeq: 1, events: [{ seq: 1, type: 'Registered', payload: { number: expect.stringMatching(/^BR01-\d{8}-0001$/) } }] } });
      const read = await api.call('journal.read', { afterSeq: 0 });
      expect(read.ok && read.value.events.map((event) => event.type)).toEqual(['Registered']);
      // The page is in the body as the journal holds it (a list, not a string to parse again), its Chinese intact.
      const body = bodyOf(await httpTransport({ baseUrl: server.origin, token: TOKEN, window: TAB })('journal.read', { afterSeq: 0 }));
      expect(body).toMatchObject({ ok: true, value: { lastSeq: 1, events: [{ type: 'Registered', payload: { description: '收银员态度恶劣', complainant: { name: '王芳' } } }] } });
      expect(await api.call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'browser' } });
    });
  });

  it('keeps one session per tab: a second tab opens signed out', async () => {
    await withBridge(async ({ api, server }) => {
      await api.call('setup.createBranch', SETUP);
      const otherTab = createApi(httpTransport({ baseUrl: server.origin, token: TOKEN, window: 'tab-b-0123456789abcdef' }));
      expect(await otherTab.call('auth.session', {})).toEqual({ ok: true, value: { user: null } });
      expect(await otherTab.call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(await api.call('auth.session', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    });
  });

  it('refuses a malformed step with its path and leaves the journal on disk unchanged', async () => {
    await withBridge(async ({ api, server, dataDir }) => {
      await api.call('setup.createBranch', SETUP);
      await api.call('complaints.decide', { requestId: 'req-00000001', action: 'register', input: REGISTRATION });
      const journalFile = join(dataDir, 'journal', 'events.v1.jsonl');
      const before = await readFile(journalFile, 'utf8');
      // Sent untyped, as a buggy or hostile page would.
      const refused = bodyOf(await httpTransport({ baseUrl: server.origin, token: TOKEN, window: TAB })('complaints.decide', { requestId: 'req-00000002', action: 'register', input: { ...REGISTRATION, channel: 'pigeon' } }));
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'channel' } });
      expect(await readFile(journalFile, 'utf8')).toBe(before);
    });
  });
  it('answers the app opened as http://localhost:<port> as well, and still refuses a foreign origin', async () => {
    await withBridge(async ({ server }) => {
      const local = `http://localhost:${server.port}`;
      const call = (origin: string) =>
        fetch(`${local}/api/setup.createBranch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-window': TAB, origin },
          body: JSON.stringify(SETUP),
        });
      expect((await fetch(`${local}/`)).status).toBe(200);
      const foreign = await call('http://localhost:1');
      expect(foreign.status).toBe(403);
      expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
      expect(await (await call('http://evil.example')).json()).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
      const created = await call(local);
      expect(created.status).toBe(200);
      expect(await created.json()).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
      // The same with the Host header written out, as a browser on the localhost page sends it.
      const json = { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-window': TAB };
      expect(await rawPost(server, '/api/setup.status', { ...json, host: `localhost:${server.port}`, origin: local }, '{}')).toBe(200);
      expect(await rawPost(server, '/api/setup.status', { ...json, host: `localhost:${server.port}`, origin: 'https://localhost' }, '{}')).toBe(403);
    });
  });

  it('refuses a body of 3 million empty objects as too complex, quickly, and writes nothing', async () => {
    await withBridge(async ({ api, server, dataDir }) => {
      await api.call('setup.createBranch', SETUP);
      await api.call('complaints.decide', { requestId: 'req-00000001', action: 'register', input: REGISTRATION });
      const journalFile = join(dataDir, 'journal', 'events.v1.jsonl');
      const before = await readFile(journalFile, 'utf8');
      const body = `{"complaintIds":[${'{},'.repeat(2_999_999)}{}]}`; // 9 MB
      // The shape check refuses it in ~0.2 ms; this whole test takes ~1.5 s on a busy 2-core box, nearly all
      // of it sending and parsing the 9 MB body. Without the check, such bodies kept zod busy for seconds.
      const response = await fetch(new URL('api/complaints.escalateDue', server.origin), { method: 'POST', headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-window': TAB }, body });
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'payload_too_complex', path: 'complaintIds', params: { limit: 'array_length' } } });
      expect(await readFile(journalFile, 'utf8')).toBe(before);
      expect(await api.call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: true, value: { lastSeq: 1 } });
    });
  });
});
