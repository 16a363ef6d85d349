/**
 * Main's wiring with a stand-in for the Electron runtime (which cannot be downloaded here): start-up opens
 * the services on `--data-dir`, serves the renderer on app://desk/, registers the sender-checked handlers
 * and creates one window with the security baseline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const recorded = {
    windows: [] as { options: { webPreferences: Record<string, unknown> }; url?: string }[],
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    userData: '',
    menus: 0,
  };
  class BrowserWindow {
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      recorded.windows.push(this);
    }
    url?: string;
    once() {}
    on() {}
    async loadURL(url: string) {
      this.url = url;
    }
  }
  const noop = () => undefined;
  return {
    recorded,
    module: {
      app: {
        isPackaged: true,
        whenReady: async () => undefined,
        getVersion: () => '0.1.0',
        getPath: () => recorded.userData,
        setPath: (_name: string, path: string) => (recorded.userData = path),
        requestSingleInstanceLock: () => true,
        on: noop,
        quit: noop,
        exit: noop,
      },
      BrowserWindow,
      dialog: { showMessageBox: async () => ({}), showErrorBox: noop },
      safeStorage: { isEncryptionAvailable: () => true, encryptString: (text: string) => Buffer.from(text).reverse(), decryptString: (bytes: Buffer) => Buffer.from(bytes).reverse().toString() },
      ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => recorded.ipc.set(channel, handler) },
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => (recorded.menus += 1) },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorded.protocols.set(scheme, handler),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: noop,
          setPermissionCheckHandler: noop,
          webRequest: { onBeforeRequest: noop, onHeadersReceived: noop },
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

let dataDir: string;
const originalArgv = process.argv;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-main-'));
  process.argv = [...originalArgv, '--data-dir', dataDir, '--lang', 'en'];
  await import('./index');
  await vi.waitFor(() => expect(electron.recorded.windows).toHaveLength(1), { timeout: 5000 });
});

afterAll(async () => {
  process.argv = originalArgv;
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron main start-up', () => {
  it('keeps Chromium’s profile inside the --data-dir folder', () => {
    expect(electron.recorded.userData).toBe(join(dataDir, 'chromium-profile'));
  });

  it('opens one window on app://desk/ with the security baseline and the sandboxed preload', () => {
    const [window] = electron.recorded.windows;
    expect(window?.url).toBe('app://desk/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(electron.recorded.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.recorded.menus).toBeGreaterThan(0);
  });

  it('answers the app page over IPC from the services on --data-dir, and refuses a foreign page', async () => {
    const handler = electron.recorded.ipc.get('desk:app.info');
    const fromApp = { senderFrame: { url: 'app://desk/index.html', parent: null }, sender: { id: 1 } };
    expect(await handler?.(fromApp, {})).toEqual({ ok: true, value: { version: '0.1.0', mode: 'electron', dataDir } });
    expect(await electron.recorded.ipc.get('desk:settings.get')?.(fromApp, {})).toMatchObject({ ok: true, value: { language: 'en' } });
    const fromElsewhere = { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 2 } };
    expect(await handler?.(fromElsewhere, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('serves app:// with the CSP header and nothing outside the app host', async () => {
    const serve = electron.recorded.protocols.get('app');
    const foreign = await serve?.(new Request('app://elsewhere/index.html'));
    expect(foreign?.status).toBe(404);
    expect(foreign?.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
