/** The main window, with every web preference of the security baseline spelled out. */
import { BrowserWindow } from 'electron';
import icon from '../../resources/icon.png?asset';

export interface WindowOptions {
  readonly preload: string;
  readonly url: string;
  readonly development: boolean;
  readonly title: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: options.title,
    // Windows shows the executable's icon (icon.ico, built in by electron-builder); Linux needs it given.
    icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.development,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
