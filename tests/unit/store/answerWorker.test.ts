/**
 * Journal pages read in the answer worker (renderer/platform/answer-worker.ts) against the real services: the
 * worker's side served on a MessageChannel (structured clones, as between a window and its worker), the answers
 * as each transport gives them — the HTTP body's bytes (answerBody) and Electron's IPC value (answerForIpc).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerBody, answerForIpc, JsonText } from '../../../shared/api/json-text';
import type { ApiMethod } from '../../../shared/api/methods';
import type { Result } from '../../../shared/result';
import { answerWorker, serveAnswerReading, type AnswerWorker } from '../../../renderer/platform/answer-worker';
import { createApi, type Transport } from '../../../renderer/platform/transport';
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
