/**
 * The renderer's side of the contract, independent of the window: `createApi(transport)` turns a transport
 * (Electron's preload bridge or the browser-mode HTTP bridge) into a typed `call`. Whatever comes back is
 * parsed against the contract before the UI sees it; a transport failure becomes a refusal, never a throw.
 */
import { apiContract, WireResultSchema, type ApiInput, type ApiOutput } from '../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { refusalFromWire, type RefusalCode } from '../../shared/refusals';
import { refuse, type Refusal, type Result } from '../../shared/result';

/** Sends one call and resolves with whatever the other side answered (still untrusted). */
export type Transport = (method: ApiMethod, input: unknown) => Promise<unknown>;

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

export function createApi(transport: Transport): Api {
  const listeners = new Set<(refusal: Refusal) => void>();
  return {
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async call(method, input) {
      let answer: unknown;
      try {
        answer = await transport(method, input);
      } catch (error) {
        return refuse('unreachable', `The app's background service did not answer (${error instanceof Error ? error.message : String(error)}).`);
      }
      const wire = WireResultSchema.safeParse(answer);
      if (!wire.success) return refuse('bad_response', `${method}: the answer is not a result`);
      if (!wire.data.ok) {
        // Checked against this build's catalogue: a code (or params) it does not know becomes `unknown_refusal`.
        const error = refusalFromWire(wire.data.error);
        if (SESSION_ENDED.has(error.code)) for (const listener of listeners) listener(error);
        return { ok: false, error };
      }
      const output = apiContract[method].output.safeParse(wire.data.value);
      if (!output.success) return refuse('bad_response', `${method}: the answer does not match the contract`);
      // Parsed with this very method's schema; TS cannot correlate the generic key with the lookup.
      return { ok: true, value: output.data as ApiOutput<typeof method> };
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

export interface HttpTransportOptions {
  /** e.g. `http://127.0.0.1:4312/`; the page's own origin in the app. */
  readonly baseUrl: string;
  readonly token: string;
  /** This tab's id: main keeps one session per tab. */
  readonly window: string;
  readonly fetch?: typeof fetch;
}

/** Browser mode: POST /api/<method> with the per-run token and the tab's id. A 401/4xx still carries a result body. */
export function httpTransport({ baseUrl, token, window, fetch: send = fetch }: HttpTransportOptions): Transport {
  return async (method, input) => {
    const response = await send(new URL(`api/${method}`, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token, 'x-desk-window': window },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
    });
    return response.json();
  };
}
