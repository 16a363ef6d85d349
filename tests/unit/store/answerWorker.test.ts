/**
 * Journal pages read in the answer worker (renderer/platform/answer-worker.ts) against the real services: the
 * worker's side served on a MessageChannel (structured clones, as between a window and its worker). In browser
 * mode the worker calls the real HTTP bridge itself; otherwise it is handed the answers as each transport gives
 * them — the HTTP body's bytes (answerBody) and Electron's IPC value (answerForIpc).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWebServer } from '../../../electron/web/server';
import { answerBody, answerForIpc, JsonText } from '../../../shared/api/json-text';
import type { ApiMethod } from '../../../shared/api/methods';
import type { Result } from '../../../shared/result';
import { answerWorker, serveAnswerReading, type AnswerWorker } from '../../../renderer/platform/answer-worker';
import { createApi, httpTransport, type HttpBridge, type Transport } from '../../../renderer/platform/transport';
import { memoryLogger } from '../platform/fixtures';
import { openTestDesk, walkIn, type TestMain } from './desk';

/** A worker on a MessageChannel: `served` counts the answers its side read and sent back. */
function channelWorker(): { worker: AnswerWorker; served: () => number; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  let served = 0;
  const reply = (message: unknown) => {
    served += 1;
    port2.postMessage(message);
  };
  serveAnswerReading({ addEventListener: (type, listener) => port2.addEventListener(type, listener as (event: Event) => void), postMessage: reply });
  port2.start();
  port1.start();
  const close = () => {
    port1.close();
    port2.close();
  };
  const worker: AnswerWorker = {
    addEventListener: (type: string, listener: (event: never) => void) => port1.addEventListener(type, listener as (event: Event) => void),
    postMessage: (message) => port1.postMessage(message),
    terminate: close,
  };
  return { worker, served: () => served, close };
}

type Body = (result: Result<unknown>) => unknown;
const BODIES: readonly (readonly [string, Body])[] = [
  ['the HTTP body', (result) => new JsonText(answerBody(result))],
  ['the IPC value', (result) => answerForIpc(result)],
];

/** A window of `main`'s, signed in as the clerk, whose answers arrive as `body` makes them. */
async function signedInTransport(main: TestMain, body: Body, window = `w-${Math.random().toString(36).slice(2)}`): Promise<Transport> {
  const transport: Transport = async (method: ApiMethod, input: unknown) => body(await main.desk.dispatch(method, input, { window }));
  const signedIn = await createApi(transport).call('auth.signIn', { username: 'lihua', password: 'staff-pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.code);
  return transport;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function mainWithComplaints(count: number): Promise<TestMain> {
  const desk = await openTestDesk();
  cleanups.push(() => desk.main.close());
  for (let i = 0; i < count; i += 1) {
    const registered = await desk.store.register(walkIn({ complainant: { name: `客户${i}`, phone: `1390000${String(1000 + i)}` } }));
    if (!registered.ok) throw new Error(registered.error.code);
  }
  return desk.main;
}

const TOKEN = 'answer-worker-token-0123';

/** `main` behind the real browser-mode HTTP bridge, and a tab of it signed in as the clerk. */
async function signedInBridge(main: TestMain): Promise<HttpBridge> {
  const rendererDir = await mkdtemp(join(tmpdir(), 'desk-renderer-'));
  const server = await startWebServer({ port: 0, rendererDir, token: TOKEN, dispatch: main.desk.dispatch, log: memoryLogger() });
  cleanups.push(async () => {
    await server.close();
    await rm(rendererDir, { recursive: true, force: true });
  });
  const http = { baseUrl: server.origin, token: TOKEN, window: `tab-${crypto.randomUUID()}` };
  const signedIn = await createApi(httpTransport(http)).call('auth.signIn', { username: 'lihua', password: 'staff-pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.code);
  return http;
}

/** The window's own transport, counting the calls made over it. */
function countingTransport(transport: Transport): { transport: Transport; calls: ApiMethod[] } {
  const calls: ApiMethod[] = [];
  return {
    calls,
    transport: (method, input) => {
      calls.push(method);
      return transport(method, input);
    },
  };
}

describe('journal pages called for and read in the answer worker (browser mode)', () => {
  it('calls main’s HTTP bridge itself: the window does not take the page in, and gets the same page', async () => {
    const main = await mainWithComplaints(3);
    const http = await signedInBridge(main);
    const { worker, served, close } = channelWorker();
    cleanups.push(close);
    const windowSide = countingTransport(httpTransport(http));
    const api = createApi(windowSide.transport, { offThread: answerWorker(() => worker, http) });

    const read = await api.call('journal.read', { afterSeq: 0 });
    expect(read).toEqual(await createApi(httpTransport(http)).call('journal.read', { afterSeq: 0 }));
    expect(read.ok && read.value.events.map((event) => event.type)).toEqual(['Registered', 'Registered', 'Registered']);
    expect(read.ok && read.value.events[0]).toMatchObject({ seq: 1, payload: { complainant: { name: '客户0' } } });
    expect(served()).toBe(1);
    expect(windowSide.calls).toEqual([]);
    // Other calls go over the window's transport.
    expect(await api.call('settings.get', {})).toMatchObject({ ok: true });
    expect(windowSide.calls).toEqual(['settings.get']);
  });

  it('hands on main’s refusal, and a bridge that does not answer as unreachable', async () => {
    const main = await mainWithComplaints(1);
    const http = await signedInBridge(main);
    const { worker, served, close } = channelWorker();
    cleanups.push(close);
    const otherTab = { ...http, window: 'tab-never-signed-in-0001' };
    const api = createApi(httpTransport(otherTab), { offThread: answerWorker(() => worker, otherTab) });
    const ended = vi.fn();
    api.onSessionEnded(ended);
    expect(await api.call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(ended).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_signed_in' }));

    expect(served()).toBe(1);

    const another = channelWorker();
    cleanups.push(another.close);
    const closedPort = { ...http, baseUrl: 'http://127.0.0.1:9/' };
    const gone = createApi(httpTransport(closedPort), { offThread: answerWorker(() => another.worker, closedPort) });
    expect(await gone.call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(another.served()).toBe(1);
  });

  it('calls over the window’s transport once the worker fails, for the call waiting for it too', async () => {
    const main = await mainWithComplaints(2);
    const http = await signedInBridge(main);
    const here = await createApi(httpTransport(http)).call('journal.read', { afterSeq: 0 });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listeners = new Map<string, (event: Event) => void>();
    const silent: AnswerWorker = {
      addEventListener: (type: string, listener: (event: never) => void) => void listeners.set(type, listener as (event: Event) => void),
      postMessage: () => {},
      terminate: () => {},
    };
    const windowSide = countingTransport(httpTransport(http));
    const api = createApi(windowSide.transport, { offThread: answerWorker(() => silent, http) });
    const waiting = api.call('journal.read', { afterSeq: 0 });
    await vi.waitFor(() => expect(listeners.has('error')).toBe(true));
    expect(windowSide.calls).toEqual([]);
    listeners.get('error')?.(new Event('error'));
    expect(await waiting).toEqual(here);
    expect(await api.call('journal.read', { afterSeq: 0 })).toEqual(here);
    expect(windowSide.calls).toEqual(['journal.read', 'journal.read']);
  });
});

describe('journal pages read in the answer worker', () => {
  it.each(BODIES)('gives the same page as the window reading it itself, from %s', async (_, body) => {
    const main = await mainWithComplaints(3);
    const transport = await signedInTransport(main, body);
    const { worker, served, close } = channelWorker();
    cleanups.push(close);
    const offThread = createApi(transport, { offThread: answerWorker(() => worker) });
    const here = createApi(transport);

    const read = await offThread.call('journal.read', { afterSeq: 0 });
    expect(read).toEqual(await here.call('journal.read', { afterSeq: 0 }));
    expect(read.ok && read.value.events.map((event) => event.type)).toEqual(['Registered', 'Registered', 'Registered']);
    expect(read.ok && read.value.events[0]).toMatchObject({ seq: 1, payload: { complainant: { name: '客户0' } } });
    expect(served()).toBe(1);
    // A small answer is not worth the round trip: the window reads it.
    expect(await offThread.call('settings.get', {})).toMatchObject({ ok: true });
    expect(served()).toBe(1);
  });

  it('hands on a refusal read there, and the window still learns that its session is over', async () => {
    const main = await mainWithComplaints(1);
    const signedOut: Transport = async (method, input) => new JsonText(answerBody(await main.desk.dispatch(method, input, { window: 'never-signed-in' })));
    const { worker, served, close } = channelWorker();
    cleanups.push(close);
    const api = createApi(signedOut, { offThread: answerWorker(() => worker) });
    const ended = vi.fn();
    api.onSessionEnded(ended);

    expect(await api.call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(served()).toBe(1);
    expect(ended).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_signed_in' }));
  });

  it('refuses a page that is not JSON, or breaks the contract, as the window would', async () => {
    const { worker, close } = channelWorker();
    cleanups.push(close);
    const offThread = answerWorker(() => worker);
    const broken = new JsonText(new TextEncoder().encode('{"ok":true,"value":{"events":[{"type":"Registered"'));
    expect(await createApi(async () => broken, { offThread }).call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    const forged = { ok: true, value: { events: JSON.stringify([{ type: 'Registered', v: 1 }]), lastSeq: 1 } };
    expect(await createApi(async () => forged, { offThread }).call('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('reads the pages on the window’s thread once the worker fails, those waiting for it included', async () => {
    const main = await mainWithComplaints(2);
    const transport = await signedInTransport(main, (result) => new JsonText(answerBody(result)));
    const here = await createApi(transport).call('journal.read', { afterSeq: 0 });
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});

    // A worker that never answers and then reports an error (its script failed).
    const listeners = new Map<string, (event: Event) => void>();
    let posted = 0;
    const silent: AnswerWorker = {
      addEventListener: (type: string, listener: (event: never) => void) => void listeners.set(type, listener as (event: Event) => void),
      postMessage: () => void (posted += 1),
      terminate: () => {},
    };
    const api = createApi(transport, { offThread: answerWorker(() => silent) });
    const waiting = api.call('journal.read', { afterSeq: 0 });
    await vi.waitFor(() => expect(posted).toBe(1));
    listeners.get('error')?.(new Event('error'));
    expect(await waiting).toEqual(here);
    expect(await api.call('journal.read', { afterSeq: 0 })).toEqual(here);
    expect(posted).toBe(1);
    expect(warned).toHaveBeenCalledOnce();

    // A worker that cannot be made at all.
    const unmade = createApi(transport, {
      offThread: answerWorker(() => {
        throw new Error('worker scripts are not allowed here');
      }),
    });
    expect(await unmade.call('journal.read', { afterSeq: 0 })).toEqual(here);
  });

  it('stops trusting a worker that answers what was not asked', async () => {
    const main = await mainWithComplaints(1);
    const transport = await signedInTransport(main, answerForIpc);
    const here = await createApi(transport).call('journal.read', { afterSeq: 0 });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listeners = new Map<string, (event: MessageEvent<unknown>) => void>();
    const liar: AnswerWorker = {
      addEventListener: (type: string, listener: (event: never) => void) => void listeners.set(type, listener as (event: MessageEvent<unknown>) => void),
      postMessage: () => listeners.get('message')?.(new MessageEvent('message', { data: { id: 7, result: { ok: true, value: { events: [], lastSeq: 0 } } } })),
      terminate: () => {},
    };
    expect(await createApi(transport, { offThread: answerWorker(() => liar) }).call('journal.read', { afterSeq: 0 })).toEqual(here);
  });
});
