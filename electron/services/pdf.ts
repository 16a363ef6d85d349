/**
 * HTML → PDF outside Electron (browser mode): Debian's Chromium in headless mode prints a temporary file.
 * The page is main's own record sheet (no script, no remote content), Chromium runs with networking
 * features off and its own throw-away profile, and the temporary folder is removed afterwards.
 * Electron uses `webContents.printToPDF` instead (electron/main/printing.ts); both sit behind `PdfEngine`.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ok, refuse, type Result } from '../../shared/result';

/** Turns a self-contained HTML document into PDF bytes. */
export type PdfEngine = (html: string) => Promise<Result<Uint8Array>>;

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export interface ChromiumPdfOptions {
  /** Defaults to env CHROMIUM_PATH, then /usr/bin/chromium. */
  readonly chromiumPath?: string;
  readonly timeoutMs?: number;
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** The flags: no sandbox (containers), no network chatter, no Chromium header/footer (the sheet has its own). */
export function chromiumPdfArgs(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    '--no-pdf-header-footer',
    `--user-data-dir=${profileDir}`,
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

export function createChromiumPdfEngine(options: ChromiumPdfOptions = {}): PdfEngine {
  const executable = options.chromiumPath ?? chromiumPath();
  const timeoutMs = options.timeoutMs ?? 60_000;
  return async (html) => {
    try {
      await access(executable, constants.X_OK);
    } catch {
      return refuse('pdf_unavailable', `Saving as PDF needs Chromium, which was not found at ${executable} (set CHROMIUM_PATH).`);
    }
    const work = await mkdtemp(join(tmpdir(), 'desk-pdf-'));
    try {
      const htmlFile = join(work, 'sheet.html');
      const pdfFile = join(work, 'sheet.pdf');
      await writeFile(htmlFile, html, 'utf8');
      const run = await runChromium(executable, chromiumPdfArgs(htmlFile, pdfFile, join(work, 'profile')), timeoutMs);
      if (!run.ok) return run;
      const bytes = await readFile(pdfFile).catch(() => undefined);
      if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        return refuse('pdf_failed', `Chromium did not write a PDF (${run.value.slice(-300)})`);
      }
      return ok(new Uint8Array(bytes));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
}

/** Runs Chromium to the end; the result holds its stderr (for the log when it fails). */
function runChromium(executable: string, args: string[], timeoutMs: number): Promise<Result<string>> {
  return new Promise((resolve) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(refuse('pdf_unavailable', `Chromium could not be started: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(refuse('pdf_failed', `Chromium took longer than ${timeoutMs / 1000} s to print the PDF`));
      else if (code !== 0) resolve(refuse('pdf_failed', `Chromium exited with code ${code}: ${stderr.slice(-300)}`));
      else resolve(ok(stderr));
    });
  });
}
