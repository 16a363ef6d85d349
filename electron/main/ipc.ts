/**
 * One IPC handler per contract method. A call is answered only for the app's own top-level page (the
 * sender check); everything else goes through the shared dispatcher, which validates the payload.
 */
import type { IpcMain, WebFrameMain } from 'electron';
import type { Dispatch } from '../../shared/api/dispatch';
import { answerForIpc } from '../../shared/api/json-text';
import { API_METHODS, ipcChannel } from '../../shared/api/methods';
import { refuse } from '../../shared/result';
import type { Logger } from '../services/log';
import { isAppUrl } from './origin';

export function isTrustedSender(frame: WebFrameMain | null, appUrl: string): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, appUrl: string, log: Logger): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, appUrl)) {
        log.warn('IPC call from an untrusted frame refused', { method, url: event.senderFrame?.url.slice(0, 200) ?? null });
        return refuse('forbidden_sender', 'This page may not call the app.');
      }
      // One session per window: a second window starts signed out (a reload keeps its webContents, and its session).
      return answerForIpc(await dispatch(method, input, { window: `wc-${event.sender.id}` }));
    });
  }
}
