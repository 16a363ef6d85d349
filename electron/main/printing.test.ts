/**
 * Electron's document platform with a stand-in for the Electron runtime: the sheet goes into a hidden,
 * sandboxed window without JavaScript that is always destroyed; a save dialog decides where files go.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../tests/unit/platform/fixtures';

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as { options: { show: boolean; webPreferences: Record<string, unknown> }; url?: string; destroyed: boolean }[],
    pdf: async (): Promise<Buffer> => Buffer.from('%PDF-1.7'),
    printSucceeds: true,
    saveTo: undefined as string | undefined,
  };
  class BrowserWindow {
    url?: string;
    destroyed = false;
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
    }
    webContents = {
      printToPDF: () => state.pdf(),
      print: (_options: unknown, done: (success: boolean, reason: string) => void) => done(state.printSucceeds, state.printSucceeds ? '' : 'cancelled'),
    };
    destroy() {
      this.destroyed = true;
    }
  }
  const dialog = {
    showSaveDialog: async (..._args: unknown[]) => (state.saveTo ? { canceled: false, filePath: state.saveTo } : { canceled: true, filePath: '' }),
  };
  return { state, module: { BrowserWindow, dialog } };
});
vi.mock('electron', () => electron.module);

const { electronDocumentPlatform } = await import('./printing');
const platform = electronDocumentPlatform(() => undefined, () => tmpdir(), memoryLogger);
const file = { fileName: '客户投诉记录表-SH01-20261123-0007.pdf', mime: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 sheet') };

afterEach(() => {
  electron.state.windows.length = 0;
  electron.state.saveTo = undefined;
  electron.state.pdf = async () => Buffer.from('%PDF-1.7');
});

describe('electronDocumentPlatform', () => {
  it('prints the PDF from a hidden sandboxed window with JavaScript off, loaded with exactly the sheet, then destroys it', async () => {
    const result = await platform.pdf('<p>客户投诉记录表</p>');
    expect(result).toMatchObject({ ok: true });
    const [window] = electron.state.windows;
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(decodeURIComponent(window?.url?.replace('data:text/html;charset=utf-8,', '') ?? '')).toBe('<p>客户投诉记录表</p>');
    expect(window?.destroyed).toBe(true);
  });

  it('refuses with pdf_failed when printing fails, and still destroys the window', async () => {
    electron.state.pdf = async () => {
      throw new Error('gpu gone');
    };
    expect(await platform.pdf('<p>x</p>')).toMatchObject({ ok: false, error: { code: 'pdf_failed' } });
    expect(electron.state.windows[0]?.destroyed).toBe(true);
  });

  it('reports whether the system print dialog printed', async () => {
    const print = platform.print;
    if (!print) throw new Error('Electron has a print dialog');
    expect(await print('<p>x</p>')).toEqual({ ok: true, value: { printed: true } });
    electron.state.printSucceeds = false;
    expect(await print('<p>x</p>')).toEqual({ ok: true, value: { printed: false } });
  });

  it('writes the file where the save dialog points, and nothing when it is cancelled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-save-'));
    try {
      expect(await platform.deliver(file)).toEqual({ ok: true, value: { delivery: 'cancelled' } });
      electron.state.saveTo = join(dir, 'sheet.pdf');
      expect(await platform.deliver(file)).toEqual({ ok: true, value: { delivery: 'saved', fileName: file.fileName, path: join(dir, 'sheet.pdf') } });
      expect(await readFile(join(dir, 'sheet.pdf'), 'utf8')).toBe('%PDF-1.7 sheet');
      electron.state.saveTo = join(dir, 'missing-folder', 'sheet.pdf');
      expect(await platform.deliver(file)).toMatchObject({ ok: false, error: { code: 'save_failed' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
