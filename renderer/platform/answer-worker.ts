/**
 * Journal pages are read in a worker, not on the window's thread. A restore of 100 000 complaints reads some 440
 * pages (1.1 M events). Reading one (decoding 0.9 MB of UTF-8 holding Chinese, 12–13 ms in Chromium; parsing it,
 * 2–3 ms; checking its 2 560 events against the contract) took the window's thread as long as folding the page and
 * copying it into IndexedDB. In the worker that runs beside the folding, and the window receives each page as a
 * structured clone (5–6 ms). Measured at 100 000 complaints on a 2-core machine: the window's thread worked 45 s
 * instead of 54 s and the worker 22.5 s; restores took 86.6–94.9 s instead of 94.4–100.0 s. Only the answers that are
 * large go there (READ_OFF_THREAD): a worker's round trip is not worth it for a small one.
 *
 * The worker runs the window's own `readAnswer` (transport.ts) on the answer as the transport gave it: the HTTP
 * body's bytes, or the value Electron's IPC cloned. Whenever the worker cannot (it did not load, it failed), the
 * window reads the answer itself, as it did before: the app never depends on the worker to work.
 */
import { z } from 'zod';
import { WireResultSchema, type ApiOutput } from '../../shared/api/contract';
import { JsonText } from '../../shared/api/json-text';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { refusalFromWire } from '../../shared/refusals';
import type { Result } from '../../shared/result';
import { readAnswer, type OffThreadReader } from './transport';

/** The answers read in the worker: a journal page holds up to 5 000 events, about 1.8 MB of JSON. */
const READ_OFF_THREAD: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['journal.read']);

/** The window asks: read this answer to `method`, given as its JSON's bytes or as the value IPC gave. */
const Asked = { id: z.number().int().nonnegative(), method: z.enum(API_METHODS) };
const ReadRequest = z.union([z.strictObject({ ...Asked, json: z.instanceof(Uint8Array) }), z.strictObject({ ...Asked, value: z.unknown().optional() })]);
/** The worker answers with what `readAnswer` gave. */
const ReadReply = z.strictObject({ id: z.number().int().nonnegative(), result: WireResultSchema });

/** The worker's side of its messages (a dedicated worker's global scope). */
export interface AnswerWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: unknown): void;
}

/** In the worker: reads every answer the window sends. A request it cannot read throws, and the window reads its answers itself from then on. */
export function serveAnswerReading(scope: AnswerWorkerScope): void {
  scope.addEventListener('message', ({ data }) => {
    const request = ReadRequest.safeParse(data);
    if (!request.success) throw new Error(`The window asked what cannot be read: ${z.prettifyError(request.error)}`);
    const { id, method } = request.data;
    scope.postMessage({ id, result: readAnswer(method, 'json' in request.data ? new JsonText(request.data.json) : request.data.value) });
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
 * In the window: an `OffThreadReader` that sends the large answers to the worker `start` makes (on the first of
 * them). If the worker cannot be made, or fails, or answers what it should not, every answer waiting for it and
 * every later one is read on the window's thread.
 */
export function answerWorker(start: () => AnswerWorker): OffThreadReader {
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
    const reply = ReadReply.safeParse(data);
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

  return async <M extends ApiMethod>(method: M, answer: unknown) => {
    if (broken || !READ_OFF_THREAD.has(method)) return undefined;
    const id = nextId++;
    const read = new Promise<Result<unknown> | undefined>((settle) => waiting.set(id, settle));
    try {
      started().postMessage(answer instanceof JsonText ? { id, method, json: answer.bytes } : { id, method, value: answer });
    } catch (error) {
      giveUp(error);
    }
    // `readAnswer(method, …)` made it in the worker, and a structured clone keeps a value as it was.
    return (await read) as Result<ApiOutput<M>> | undefined;
  };
}
