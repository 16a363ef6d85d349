/**
 * Electron's side of documents (electron/services/documents.ts): the record sheet is loaded into a hidden,
 * sandboxed window with JavaScript off — it is main's own HTML, never a page's — and printed to PDF or to the
 * system print dialog; files go where the person picks in a save dialog.
 */
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ok, refuse, type Result } from '../../shared/result';
import type { DocumentPlatform, OutgoingFile } from '../services/documents';
import type { Logger } from '../services/log';

const FILTERS: Readonly<Record<string, SaveDialogOptions['filters']>> = {
  '.pdf': [{ name: 'PDF', extensions: ['pdf'] }],
  '.csv': [{ name: 'CSV (UTF-8)', extensions: ['csv'] }],
  '.xlsx': [{ name: 'Excel', extensions: ['xlsx'] }],
};

/** Runs `work` on a hidden window showing `html`, then closes the window whatever happened. */
async function withSheetWindow<T>(html: string, work: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi, so the layout matches the page
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      images: false,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await work(window);
  } finally {
    window.destroy();
  }
}

/** `logger` is read when needed: the desk's logger exists only once the desk (which takes this platform) is open. */
export function electronDocumentPlatform(parentWindow: () => BrowserWindow | undefined, defaultFolder: () => string, logger: () => Logger): DocumentPlatform {
  return {
    pdf: async (html) => {
      try {
        const bytes = await withSheetWindow(html, (window) =>
          // The sheet's own @page rules set A4 and draw the branch, page number and print time in the margin.
          window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }),
        );
        return ok(new Uint8Array(bytes));
      } catch (error) {
        logger().error('printToPDF failed', { error: String(error) });
        return refuse('pdf_failed', 'The PDF could not be made. The details are in the log.');
      }
    },

    print: (html) =>
      withSheetWindow(
        html,
        (window) =>
          new Promise<Result<{ printed: boolean }>>((resolve) => {
            window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
              // Cancelling the dialog is not an error: nothing was printed and nothing is recorded.
              if (!success && failureReason !== 'cancelled') logger().warn('print failed', { failureReason });
              resolve(ok({ printed: success }));
            });
          }),
      ),

    deliver: async (file: OutgoingFile) => {
      const parent = parentWindow();
      const options: SaveDialogOptions = { defaultPath: join(defaultFolder(), file.fileName), filters: FILTERS[extname(file.fileName)] ?? [] };
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return ok({ delivery: 'cancelled' });
      try {
        await writeFile(choice.filePath, file.bytes);
      } catch (error) {
        logger().warn('saving a document failed', { error: String(error) });
        return refuse('save_failed', `The file could not be saved to ${choice.filePath}. Choose another folder.`, { params: { path: choice.filePath } });
      }
      return ok({ delivery: 'saved', fileName: file.fileName, path: choice.filePath });
    },
  };
}
