/**
 * The renderer's side of the contract, independent of the window: `createApi(transport)` turns a transport
 * (Electron's preload bridge or the browser-mode HTTP bridge) into a typed `call`. Whatever comes back is
 * parsed against the contract before the UI sees it (`readAnswer`), on the window's thread or, for the calls whose
 * answers are large, in a worker that may make the call itself (`offThread`, answer-worker.ts); a transport failure
 * becomes a refusal, never a throw.
 */
import { z } from 'zod';
import { apiContract, WireResultSchema, type ApiInput, type ApiOutput } from '../../shared/api/contract';
import { JsonText } from '../../shared/api/json-text';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { refusalFromWire, type RefusalCode } from '../../shared/refusals';
import { refuse, type Refusal, type Result } from '../../shared/result';

/**
 * Sends one call and resolves with whatever the other side answered (still untrusted): a value, or the answer's
 * JSON as it came (a JsonText: the HTTP body), left for `readAnswer` to parse where it is read.
 */
export type Transport = (method: ApiMethod, input: unknown) => Promise<unknown>;

/**
 * Makes a call whose answer is read somewhere other than the window's thread (answer-worker.ts); undefined for a
 * method it leaves to the window. `transport` is the window's own: the call may go over it, and is made over it
 * whenever the other place cannot.
 */
export type OffThreadCaller = <M extends ApiMethod>(method: M, input: unknown, transport: Transport) => Promise<Result<ApiOutput<M>>> | undefined;

export interface ApiOptions {
  readonly offThread?: OffThreadCaller;
}

export interface Api {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  /**
   * Calls `listener` whenever main answers that this window's session is over (idle too long, account
   * deactivated, signed out elsewhere); returns the unsubscribe function.
   */
  onSessionEnded(listener: (refusal: Refusal) => void): () => void;
}

/** Refusals that mean this window no longer has a signed-in person. */
const SESSION_ENDED: ReadonlySet<RefusalCode> = new Set<RefusalCode>(['not_signed_in', 'session_expired', 'account_disabled']);

/** A transport's answer to `method`, parsed: the answer's JSON (a JsonText), then the result, then the contract's output. */
export function readAnswer<M extends ApiMethod>(method: M, answer: unknown): Result<ApiOutput<M>> {
  let wireValue: unknown = answer;
  if (answer instanceof JsonText) {
    try {
      wireValue = JSON.parse(answer.text());
    } catch {
      return refuse('bad_response', `${method}: the answer is not JSON`);
    }
  }
  const wire = WireResultSchema.safeParse(wireValue);
  if (!wire.success) return refuse('bad_response', `${method}: the answer is not a result`);
  // Checked against this build's catalogue: a code (or params) it does not know becomes `unknown_refusal`.
  if (!wire.data.ok) return { ok: false, error: refusalFromWire(wire.data.error) };
  const output = apiContract[method].output.safeParse(wire.data.value);
  if (!output.success) return refuse('bad_response', `${method}: the answer does not match the contract`);
  // Parsed with this very method's schema; TS cannot correlate the generic key with the lookup.
  return { ok: true, value: output.data as ApiOutput<M> };
}

/**
 * Sends one call over `transport` and reads its answer with `read` (here, unless told otherwise); a transport that
 * fails (main did not answer) gives a refusal.
 */
export async function callAndRead<M extends ApiMethod>(
  transport: Transport,
  method: M,
  input: unknown,
  read: (method: M, answer: unknown) => Result<ApiOutput<M>> | Promise<Result<ApiOutput<M>>> = readAnswer,
): Promise<Result<ApiOutput<M>>> {
  let answer: unknown;
  try {
    answer = await transport(method, input);
  } catch (error) {
    return refuse('unreachable', `The app's background service did not answer (${error instanceof Error ? error.message : String(error)}).`);
  }
  return read(method, answer);
}

export function createApi(transport: Transport, { offThread }: ApiOptions = {}): Api {
  const listeners = new Set<(refusal: Refusal) => void>();
  return {
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async call(method, input) {
      const result = await (offThread?.(method, input, transport) ?? callAndRead(transport, method, input));
      if (!result.ok && SESSION_ENDED.has(result.error.code)) for (const listener of listeners) listener(result.error);
      return result;
    },
  };
}

/** The object Electron's preload exposes: one function per contract method. */
export type PreloadBridge = Readonly<Record<ApiMethod, (input: unknown) => Promise<unknown>>>;

export function isPreloadBridge(value: unknown): value is PreloadBridge {
  return typeof value === 'object' && value !== null && API_METHODS.every((method) => typeof Reflect.get(value, method) === 'function');
}

export const bridgeTransport =
  (bridge: PreloadBridge): Transport =>
  (method, input) =>
    bridge[method](input);

/** Where browser mode's HTTP bridge is, and who calls it: all a worker needs to call it for the window. */
export const HttpBridgeSchema = z.strictObject({
  /** e.g. `http://127.0.0.1:4312/`; the page's own origin in the app. */
  baseUrl: z.string(),
  token: z.string(),
  /** This tab's id: main keeps one session per tab. */
  window: z.string(),
});
export type HttpBridge = z.infer<typeof HttpBridgeSchema>;

export interface HttpTransportOptions extends HttpBridge {
  readonly fetch?: typeof fetch;
}

/**
 * Browser mode: POST /api/<method> with the per-run token and the tab's id. A 401/4xx still carries a result body,
 * handed on as the JSON it is, read where the caller chooses.
 */
export function httpTransport({ baseUrl, token, window, fetch: send = fetch }: HttpTransportOptions): Transport {
  return async (method, input) => {
    const response = await send(new URL(`api/${method}`, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token, 'x-desk-window': window },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
    });
    return new JsonText(new Uint8Array(await response.arrayBuffer()));
  };
}
