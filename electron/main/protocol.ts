/**
 * The `app://desk/` scheme serving the built renderer from out/renderer, with the CSP and security
 * headers on every response. Registered as a standard, secure scheme so the page gets a real origin.
 */
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../common/csp';
import { loadStaticFile } from '../common/staticFiles';
import { APP_HOST, APP_SCHEME } from './origin';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? await loadStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
}
