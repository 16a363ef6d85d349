/**
 * Which pages count as the app's own. The built renderer is served on the custom `app://desk/` scheme (not
 * file://, so CSP, same-origin rules and sender checks mean something); in development electron-vite's dev
 * server URL is the app instead. No Electron import, so this is unit-tested in plain Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is on the same scheme, host and port as `appUrl`. Custom schemes have an opaque
 * `origin` in WHATWG URL, so the parts are compared instead. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(appUrl);
    return candidate.protocol === app.protocol && candidate.host === app.host;
  } catch {
    return false;
  }
}
