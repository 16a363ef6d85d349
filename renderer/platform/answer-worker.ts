/**
 * Journal pages are called for and read in a worker, not on the window's thread. A restore of 100 000 complaints
 * reads some 440 pages (1.1 M events). Reading one (decoding 0.9 MB of JSON, parsing it, checking its 2 560 events
 * against the contract) took the window's thread as long as folding the page and copying it into IndexedDB; in the
 * worker that runs beside the folding, and the window receives each page as a structured clone (5–6 ms). Only the
 * calls whose answers are large go there (OFF_THREAD): a worker's round trip is not worth it for a small one.
 *
 * In browser mode the worker calls main's HTTP bridge itself. When the window took in each 0.9 MB response and handed
 * it on, its thread spent 41 ms a page (sys time included) that it needed for folding; receiving the clone alone
 * costs it 7 ms. Reading all 1.1 M events took 40.5 s of CPU in all instead of 47.8 s. In Electron only the window
 * has the preload's IPC: it makes the call and hands the worker the value IPC gave. The
 * worker runs the window's own `callAndRead` and `readAnswer` (transport.ts). Whenever the worker cannot (it did not
 * load, it failed), the window calls and reads itself, as it did before: the app never depends on the worker to
 * work. So only calls that change nothing go there: one the worker made may be made again.
 */
import { z } from 'zod';
import { WireResultSchema, type ApiOutput } from '../../shared/api/contract';
import { JsonText } from '../../shared/api/json-text';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { refusalFromWire } from '../../shared/refusals';
import type { Result } from '../../shared/result';
import { callAndRead, httpTransport, HttpBridgeSchema, readAnswer, type HttpBridge, type OffThreadCaller, type Transport } from './transport';

/** The calls made and read in the worker: reads (a journal page holds up to 5 000 events, about 1.8 MB of JSON). */
const OFF_THREAD: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['journal.read']);

/**
 * The window asks: call `method` over the HTTP bridge with `input` and read the answer, or read this answer, given as
 * its JSON's bytes or as the value IPC gave.
 */
const RequestId = z.number().int().nonnegative();
const Asked = { id: RequestId, method: z.enum(API_METHODS) };
const WorkerRequest = z.union([
  z.strictObject({ ...Asked, http: HttpBridgeSchema, input: z.unknown().optional() }),
  z.strictObject({ ...Asked, json: z.instanceof(Uint8Array) }),
  z.strictObject({ ...Asked, value: z.unknown().optional() }),
]);
/** The worker answers with what `readAnswer` gave. */
const WorkerReply = z.strictObject({ id: RequestId, result: WireResultSchema });

/** The worker's side of its messages (a dedicated worker's global scope). */
export interface AnswerWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: unknown): void;
}

/**
 * In the worker: makes and reads every call the window sends, or reads the answer it was given. A request it cannot
 * read throws, and the window calls and reads for itself from then on.
 */
export function serveAnswerReading(scope: AnswerWorkerScope): void {
  scope.addEventListener('message', ({ data }) => {
    const request = WorkerRequest.safeParse(data);
    if (!request.success) throw new Error(`The window asked what cannot be read: ${z.prettifyError(request.error)}`);
    const asked = request.data;
    const reply = (result: Result<unknown>) => scope.postMessage({ id: asked.id, result });
    if ('http' in asked) void callAndRead(httpTransport(asked.http), asked.method, asked.input).then(reply);
    else reply(readAnswer(asked.method, 'json' in asked ? new JsonText(asked.json) : asked.value));
  });
}

/** The window's side of a worker: what `start` makes is needed only once an answer goes there. */
export interface AnswerWorker {
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  postMessage(message: unknown): void;
  terminate(): void;
}

/**
 * In the window: an `OffThreadCaller` that sends the calls with large answers to the worker `start` makes (on the
 * first of them). Given `http`, the worker calls main's HTTP bridge itself; otherwise the window calls over its own
 * transport and the worker reads the answer. If the worker cannot be made, or fails, or answers what it should not,
 * every call waiting for it and every later one is made and read on the window's thread.
 */
export function answerWorker(start: () => AnswerWorker, http?: HttpBridge): OffThreadCaller {
  let worker: AnswerWorker | undefined;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<number, (result: Result<unknown> | undefined) => void>();

  const giveUp = (why: unknown) => {
    if (broken) return;
    broken = true;
    console.warn('Journal pages are read on the window’s thread: their worker failed', why);
    worker?.terminate();
    for (const settle of waiting.values()) settle(undefined);
    waiting.clear();
  };
  const onReply = ({ data }: MessageEvent<unknown>) => {
    const reply = WorkerReply.safeParse(data);
    const settle = reply.success ? waiting.get(reply.data.id) : undefined;
    if (!reply.success || !settle) return giveUp(new Error('the worker answered what was not asked'));
    waiting.delete(reply.data.id);
    const { result } = reply.data;
    // A refusal is checked against this build's catalogue again, as any that crosses into the window.
    settle(result.ok ? result : { ok: false, error: refusalFromWire(result.error) });
  };
  const started = (): AnswerWorker => {
    if (worker) return worker;
    const made = start();
    made.addEventListener('message', onReply);
    made.addEventListener('messageerror', () => giveUp(new Error('a reply could not be received')));
    // An ErrorEvent's message names the failure (a script that did not load has none).
    made.addEventListener('error', (event) => giveUp(Reflect.get(event, 'message') ?? event.type));
    worker = made;
    return made;
  };
  /** What the worker gave for `request` (undefined once it failed): a result `readAnswer(method, …)` made there. */
  const ask = async <M extends ApiMethod>(request: { method: M } & ({ http: HttpBridge; input: unknown } | { json: Uint8Array } | { value: unknown })) => {
    if (broken) return undefined;
    const id = nextId++;
    const given = new Promise<Result<unknown> | undefined>((settle) => waiting.set(id, settle));
    try {
      started().postMessage({ id, ...request });
    } catch (error) {
      giveUp(error);
    }
    // A structured clone keeps a value as it was.
    return (await given) as Result<ApiOutput<M>> | undefined;
  };
  /** The answer the window's transport gave, read in the worker (here once it failed). */
  const readThere = async <M extends ApiMethod>(method: M, answer: unknown) =>
    (await ask(answer instanceof JsonText ? { method, json: answer.bytes } : { method, value: answer })) ?? readAnswer(method, answer);

  return <M extends ApiMethod>(method: M, input: unknown, transport: Transport) => {
    if (broken || !OFF_THREAD.has(method)) return undefined;
    if (!http) return callAndRead(transport, method, input, readThere);
    return ask({ method, http, input }).then((result) => result ?? callAndRead(transport, method, input));
  };
}
