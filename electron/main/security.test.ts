import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { memoryLogger } from '../../tests/unit/platform/fixtures';
import { APP_URL } from './origin';
import { guardAllWebContents, hardenSession } from './security';

type Callback = (...args: never[]) => unknown;

/** Records the handlers a real Session would keep; only the members hardenSession touches. */
function fakeSession() {
  const handlers: Record<string, Callback> = {};
  const session = {
    setPermissionRequestHandler: (handler: Callback) => (handlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Callback) => (handlers.permissionCheck = handler),
    webRequest: {
      onBeforeRequest: (_filter: unknown, handler: Callback) => (handlers.beforeRequest = handler),
      onHeadersReceived: (handler: Callback) => (handlers.headersReceived = handler),
    },
  };
  return { session: session as unknown as Session, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

function answer(handler: ((...args: unknown[]) => unknown) | undefined, ...args: unknown[]): unknown {
  let result: unknown;
  handler?.(...args, (value: unknown) => (result = value));
  return result;
}

describe('session hardening', () => {
  it('denies every permission but notifications, blocks remote requests and sets the CSP header', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, APP_URL, memoryLogger());
    expect(answer(handlers.permissionRequest, {}, 'media')).toBe(false);
    expect(handlers.permissionCheck?.({}, 'geolocation')).toBe(false);
    // Deadline notifications (SPEC §5) are the one permission granted.
    expect(answer(handlers.permissionRequest, {}, 'notifications')).toBe(true);
    expect(handlers.permissionCheck?.({}, 'notifications')).toBe(true);
    expect(answer(handlers.beforeRequest, { url: 'https://tracker.example/pixel.gif' })).toEqual({ cancel: true });
    expect(answer(handlers.headersReceived, { responseHeaders: { 'X-Other': ['1'] } })).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('lets the dev server and its hot-reload socket through in development', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, 'http://localhost:5173/', memoryLogger());
    expect(answer(handlers.beforeRequest, { url: 'http://localhost:5173/src/main.tsx' })).toEqual({ cancel: false });
    expect(answer(handlers.beforeRequest, { url: 'ws://localhost:5173/' })).toEqual({ cancel: false });
    expect(answer(handlers.beforeRequest, { url: 'http://localhost:8080/' })).toEqual({ cancel: true });
  });
});

describe('web contents guards', () => {
  function guardedContents() {
    const listeners: Record<string, (...args: unknown[]) => void> = {};
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (name: string, listener: (...args: unknown[]) => void) => (listeners[name] = listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    const app = { on: (_name: string, listener: (event: unknown, created: unknown) => void) => listener({}, contents) };
    guardAllWebContents(app as unknown as App, APP_URL, memoryLogger());
    const navigate = (name: string, url: string) => {
      let prevented = false;
      listeners[name]?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { navigate, open: (url: string) => openHandler?.({ url }) };
  }

  it('blocks navigation and redirects away from the app, new windows and webviews', () => {
    const { navigate, open } = guardedContents();
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'app://desk/index.html')).toBe(false);
    expect(navigate('will-redirect', 'http://example.com/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://desk/index.html')).toBe(true);
    expect(open('app://desk/index.html')).toEqual({ action: 'deny' });
  });
});
