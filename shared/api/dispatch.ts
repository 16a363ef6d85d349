/**
 * The one dispatcher both transports (Electron IPC and the browser-mode HTTP bridge) call. It refuses an
 * unknown method or a payload that does not match the contract before any service runs, so a bad payload
 * changes nothing. A service that throws is a bug: it is reported to `onBug` and the caller gets a plain
 * `internal` refusal, never a stack trace.
 */
import { z } from 'zod';
import { parseWith, refuse, type Result } from '../result';
import { apiContract, type ApiHandlers } from './contract';
import { isApiMethod, type ApiMethod } from './methods';
import { checkShape } from './shape';

export interface DispatcherOptions {
  /** Check every output against the contract too (dev and test): a mismatch is a bug in main. */
  readonly validateOutput: boolean;
  readonly onBug: (method: string, error: unknown) => void;
}

/**
 * Who is calling, as the transport knows it: the window (an Electron webContents, a browser tab). Sessions are
 * per window, so a second window does not open signed in as the first one's person.
 */
export interface Caller {
  readonly window: string;
}

export type Dispatch = (method: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;

const INTERNAL = refuse('internal', 'Something went wrong in the app. The details are in the log.');

export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions): Dispatch {
  return async (method, input, caller) => {
    if (!isApiMethod(method)) return refuse('unknown_method', `unknown method: ${String(method).slice(0, 80)}`);
    const tooComplex = checkShape(input); // before zod, which would walk all of an absurd payload first
    if (tooComplex) return { ok: false, error: tooComplex };
    const parsed = parseWith(apiContract[method].input, input ?? {});
    if (!parsed.ok) return parsed;
    try {
      const result = await callHandler(handlers, method, parsed.value, caller);
      if (result.ok && options.validateOutput) {
        const checked = apiContract[method].output.safeParse(result.value);
        if (!checked.success) {
          options.onBug(method, new Error(`output of ${method} breaks the contract: ${z.prettifyError(checked.error)}`));
          return INTERNAL;
        }
      }
      return result;
    } catch (error) {
      options.onBug(method, error);
      return INTERNAL;
    }
  };
}

// The contract pairs each method with its handler; TypeScript cannot correlate the two through a union key,
// so the call goes through one widened signature (the input was parsed with that very method's schema).
function callHandler(handlers: ApiHandlers, method: ApiMethod, input: unknown, caller: Caller): Promise<Result<unknown>> {
  const handler = handlers[method] as (input: unknown, caller: Caller) => Promise<Result<unknown>>;
  return handler(input, caller);
}
