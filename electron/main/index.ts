/**
 * Electron main: opens the services on the data folder, serves the renderer on app://desk/, wires one IPC
 * handler per contract method and creates the window with the security baseline. Everything interesting
 * lives in plain Node modules (electron/services); this file only connects them to Electron.
 *
 * Flags: `--data-dir <dir>` (main's files there, and Chromium's profile beside them, so two data folders
 * are two independent apps), `--lang zh-CN|zh-TW|en` (start language).
 */
import { app, dialog, ipcMain, Menu, Notification, protocol, session, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LanguageSchema, type Language } from '../../shared/api/schemas';
import { DATA_SUBFOLDER } from '../common/paths';
import { readFlag } from '../services/dataDir';
import { openDesk, type Desk } from '../services/desk';
import { describeError } from '../services/log';
import { openFailureText } from '../services/openFailure';
import { registerIpcHandlers } from './ipc';
import { menuTemplate, productName } from './menu';
import { electronDocumentPlatform } from './printing';
import { electronSyncPlatform, keychainSecretStore } from './syncPlatform';
import { APP_URL } from './origin';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

const PRODUCT_NAME = 'Complaint Desk';
const development = !app.isPackaged;
const devServerUrl = development ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? APP_URL;
const dataDirFlag = readFlag(process.argv, 'data-dir');
const launchLanguage = LanguageSchema.safeParse(readFlag(process.argv, 'lang'));
const dataDirOf = () => (dataDirFlag ? resolve(dataDirFlag) : join(app.getPath('userData'), DATA_SUBFOLDER));

// Before `ready`: a custom data folder gets its own Chromium profile, hence its own single-instance lock.
if (dataDirFlag) app.setPath('userData', join(resolve(dataDirFlag), 'chromium-profile'));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | undefined;

function focusMainWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function setMenu(language: Language, desk: Desk) {
  const showAbout = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: PRODUCT_NAME,
      message: `${productName(language)} ${app.getVersion()}`,
      detail: desk.layout.root,
    });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, { development, showAbout })));
}

async function start() {
  await app.whenReady();
  const desk: Desk = await openDesk({
    dataDir: dataDirOf(),
    mode: 'electron',
    version: app.getVersion(),
    validateOutput: development,
    language: launchLanguage.success ? launchLanguage.data : undefined,
    onSettingsChanged: (settings) => setMenu(settings.language, desk),
    documents: electronDocumentPlatform(() => mainWindow, () => app.getPath('documents'), () => desk.log),
    // Only ever a verified copy in the app's own temp folder (evidence.ts), never a URL.
    openWithSystem: (path) => shell.openPath(path),
    chooseFolder: async () => {
      const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
      const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    showNotification: (note) => {
      if (!Notification.isSupported()) return false;
      const shown = new Notification(note);
      shown.on('click', focusMainWindow);
      shown.show();
      return true;
    },
    sync: { secrets: keychainSecretStore, platform: electronSyncPlatform(() => mainWindow, async () => (await desk.settings()).language) },
  });
  const here = fileURLToPath(new URL('.', import.meta.url));
  process.on('uncaughtException', (error) => desk.log.error('uncaught exception in main', describeError(error)));
  process.on('unhandledRejection', (error) => desk.log.error('unhandled rejection in main', describeError(error)));

  guardAllWebContents(app, appUrl, desk.log);
  hardenSession(session.defaultSession, appUrl, desk.log);
  serveRenderer(protocol, join(here, '..', 'renderer'));
  registerIpcHandlers(ipcMain, desk.dispatch, appUrl, desk.log);
  setMenu((await desk.settings()).language, desk);

  mainWindow = createMainWindow({ preload: join(here, '..', 'preload', 'index.cjs'), url: appUrl, development, title: PRODUCT_NAME });
  mainWindow.on('closed', () => (mainWindow = undefined));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());

  // Let journal appends in flight reach the disk before the process ends.
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void desk.close().finally(() => {
      flushed = true;
      app.quit();
    });
  });
}

if (app.requestSingleInstanceLock()) {
  start().catch(async (error: unknown) => {
    // The folder is in use by another Complaint Desk, or a file needs restoring: say which and what to do.
    const problem = await openFailureText(error, dataDirOf(), launchLanguage.success ? launchLanguage.data : undefined).catch(() => undefined);
    dialog.showErrorBox(PRODUCT_NAME, problem ?? `The app could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
} else {
  app.quit(); // the first instance focuses its window
}
