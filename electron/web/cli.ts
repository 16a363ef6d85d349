/**
 * `npm run start:web -- --port <port> --data-dir <dir> [--lang en|zh-CN|zh-TW] [--renderer-dir <dir>]`: browser mode. Opens the services
 * on the data folder, serves the built renderer and the API on 127.0.0.1, prints the URL to open on a line
 * of its own (it starts with `http://127.0.0.1:`; the e2e harness parses it) and stops cleanly on
 * SIGINT/SIGTERM. It builds nothing: the renderer must be in out/renderer (`npm run build`).
 *
 * Exit codes: 2 for a bad flag or a missing build; 1 when the data folder cannot be opened (another Complaint
 * Desk holds it, or a file needs restoring: the message says which and what to do) or on a bug.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { launchFragment } from '../../shared/api/launch';
import { LanguageSchema } from '../../shared/api/schemas';
import { defaultDataDir } from '../common/paths';
import { readFlag } from '../services/dataDir';
import { openDesk } from '../services/desk';
import { openFailureText } from '../services/openFailure';
import { startWebServer } from './server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(argv: readonly string[]) {
  const portText = readFlag(argv, 'port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: "${portText}" is not a port number (0 picks a free one)`);
  const langText = readFlag(argv, 'lang');
  const language = langText === undefined ? undefined : LanguageSchema.safeParse(langText);
  if (language && !language.success) fail(`--lang: "${langText}" is not supported (use ${LanguageSchema.options.join(', ')})`);
  const rendererDir = readFlag(argv, 'renderer-dir') ?? join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(`The app is not built yet (${join(rendererDir, 'index.html')} is missing). Run "npm run build" first, then start again.`);
  }

  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));
  const dataDir = readFlag(argv, 'data-dir') ?? defaultDataDir();
  const desk = await openDesk({
    dataDir,
    mode: 'browser',
    version,
    validateOutput: process.env.NODE_ENV !== 'production',
    language: language?.data,
  }).catch(async (error: unknown) => {
    // The folder is in use, or a file needs restoring: say so in the person's language, not as a stack trace.
    const text = await openFailureText(error, dataDir, language?.data);
    if (text === undefined) throw error;
    process.stderr.write(`${text}\n`);
    process.exit(1);
  });
  const token = randomBytes(32).toString('base64url');
  const server = await startWebServer({ port, rendererDir, token, dispatch: desk.dispatch, log: desk.log });

  process.stdout.write(`Complaint Desk (browser mode). Data folder: ${desk.layout.root}\nOpen this address in Chrome or Edge:\n`);
  process.stdout.write(`${server.origin}${launchFragment({ token, language: language?.data })}\n`);
  desk.log.info('browser mode started', { port: server.port });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Stopping (${signal})…\n`);
    // Stop taking requests first, then let journal appends in flight reach the disk.
    void Promise.allSettled([server.close()])
      .then(() => desk.close())
      .then(
        () => {
          desk.log.info('browser mode stopped', { signal });
          process.exit(0);
        },
        (error: unknown) => {
          desk.log.error('browser mode: stop failed', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // `npm run` starts scripts through `sh -c`, which dies on SIGTERM without passing it on. When the process
  // that started us goes away, stop as if signalled instead of living on as an orphan holding the port.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('parent exited');
  }, 500).unref();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`Complaint Desk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
