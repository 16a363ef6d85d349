/**
 * The Electron security baseline (DESIGN.md): a CSP header on every response, no remote requests, no
 * permissions but notifications, no navigation away from the app, no new windows, no <webview>. Applied app-wide so a
 * window created later cannot forget it.
 */
import type { App, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { Logger } from '../services/log';
import { isAppUrl } from './origin';

const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function hardenSession(session: Session, appUrl: string, log: Logger): void {
  // One exception: notifications, so overdue and due-soon complaints reach the person as OS notifications (SPEC §5).
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    if (permission === 'notifications') return callback(true);
    log.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');

  // Complaint data is confidential (SPEC §8): nothing leaves the machine. Only the dev server is reachable.
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (details, callback) => {
    // The dev server's hot-reload socket is ws:// on the same host as its http:// pages.
    const allowed = isAppUrl(details.url.replace(/^ws(s?):/, 'http$1:'), appUrl);
    if (!allowed) log.warn('remote request blocked', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function guardAllWebContents(app: App, appUrl: string, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, appUrl)) return;
      event.preventDefault();
      log.warn('navigation blocked', { url: url.slice(0, 200) });
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      log.warn('new window blocked', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
