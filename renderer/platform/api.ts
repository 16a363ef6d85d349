/**
 * The one way renderer code talks to main: `api.call(method, input)`. The transport is chosen once at start:
 * inside Electron the preload has put `window.complaintDesk` in place; otherwise this is browser mode and
 * the calls go to the local HTTP bridge with the per-run token from the URL fragment. The token is kept in
 * sessionStorage (so a reload still works) and removed from the address bar.
 */
import { readLaunchFragment, withoutToken } from '../../shared/api/launch';
import { BRIDGE_GLOBAL } from '../../shared/api/methods';
import { answerWorker } from './answer-worker';
import { bridgeTransport, createApi, httpTransport, isPreloadBridge, type Api } from './transport';

const TOKEN_KEY = 'complaintDesk.token';
const WINDOW_KEY = 'complaintDesk.window';

/** This tab's id, kept for its life (a reload keeps the tab's session; another tab gets its own). */
function tabId(): string {
  try {
    const kept = sessionStorage.getItem(WINDOW_KEY);
    if (kept) return kept;
    const fresh = crypto.randomUUID();
    sessionStorage.setItem(WINDOW_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

function browserModeToken(): string {
  const { token } = readLaunchFragment(window.location.hash);
  try {
    if (!token) return sessionStorage.getItem(TOKEN_KEY) ?? '';
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage switched off: this page still works, only a reload would need the printed URL again.
  }
  if (token) {
    const { pathname, search } = window.location;
    history.replaceState(history.state, '', `${pathname}${search}${withoutToken(window.location.hash)}`);
  }
  return token ?? '';
}

/** The transport, and the worker that calls and reads journal pages (answer-worker.ts; Vite builds its script from this very expression). */
function connect(): Api {
  const startWorker = () => new Worker(new URL('./answer-worker-entry.ts', import.meta.url), { type: 'module' });
  const bridge: unknown = Reflect.get(window, BRIDGE_GLOBAL);
  if (isPreloadBridge(bridge)) return createApi(bridgeTransport(bridge), { offThread: answerWorker(startWorker) });
  const http = { baseUrl: window.location.origin, token: browserModeToken(), window: tabId() };
  return createApi(httpTransport(http), { offThread: answerWorker(startWorker, http) });
}

export const api: Api = connect();
