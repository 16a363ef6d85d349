/**
 * The fault suite's harness: the real browser-mode command (`node --import tsx electron/web/cli.ts`) as a child
 * process, reached through the renderer's own HTTP transport, and the checks every fault case ends with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readLaunchFragment } from '../../shared/api/launch';
import type { ApiOutput } from '../../shared/api/contract';
import { parseComplaintNumber } from '../../shared/domain/numbering';
import { createApi, httpTransport, type Api } from '../../renderer/platform/transport';
import type { Result } from '../../shared/result';
import { BRANCH_SETUP } from '../unit/platform/fixtures';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const SETUP = BRANCH_SETUP;

export const journalPath = (dataDir: string) => join(dataDir, 'journal', 'events.v1.jsonl');
export const logPath = (dataDir: string) => join(dataDir, 'logs', 'main.log');

export interface Cli {
  readonly child: ChildProcess;
  /** The URL printed on stdout (with `#token=…`); rejects if the command exits first. */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

export function startCli(dataDir: string, rendererDir: string, lang: 'en' | 'zh-CN' | null = 'en'): Cli {
  const args = ['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir];
  if (lang) args.push('--lang', lang);
  return spawnWebCli(args);
}

/**
 * `npm run start:web` as a process of its own with `args`: its output collected, the URL it prints (rejected if it
 * exits first) and its exit code. Shared by the fault suite and the CLI's own tests.
 */
export function spawnWebCli(args: readonly string[]): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('http://127.0.0.1:'));
      if (line) resolve(line.trim());
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  url.catch(() => undefined); // a case that expects a refusal never awaits the URL
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

/** Stops a command that is still running (SIGTERM, a clean stop) and waits for it. */
export async function stopCli(cli: Cli, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill(signal);
  return cli.exited;
}

/** A temp folder with a renderer dir (the command only needs its index.html) and a path for the data folder. */
export async function withWorkspace<T>(work: (space: { dir: string; rendererDir: string; dataDir: string }) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-fault-'));
  try {
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
    return await work({ dir, rendererDir, dataDir: join(dir, 'data') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const newWindowId = () => `win-${randomBytes(12).toString('hex')}`;
export const newRequestId = () => `req-${randomBytes(12).toString('hex')}`;

/** One browser tab on the command's URL: its own window id, hence its own session. */
export async function openTab(url: string, options: { window?: string; fetch?: typeof fetch } = {}): Promise<Api> {
  const { token } = readLaunchFragment(new URL(url).hash);
  return createApi(httpTransport({ baseUrl: url, token: token ?? '', window: options.window ?? newWindowId(), fetch: options.fetch }));
}

export async function setUpBranch(api: Api): Promise<void> {
  expect(await api.call('setup.createBranch', SETUP)).toMatchObject({ ok: true });
}

export async function signIn(api: Api): Promise<void> {
  expect(await api.call('auth.signIn', { username: SETUP.adminUsername, password: SETUP.password })).toMatchObject({ ok: true });
}

export const registration = () => ({
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳', phone: '13812345678' },
  receivedAt: new Date(Date.now() - 60_000).toISOString(),
  description: '收银员态度恶劣',
  requests: ['apology'],
});

type Decided = Result<ApiOutput<'complaints.decide'>>;

export const register = (api: Api, requestId = newRequestId()): Promise<Decided> =>
  api.call('complaints.decide', { requestId, action: 'register', input: registration() });

/** The complaint number a registration answer confirmed to the caller, undefined for a refusal. */
export function numberOf(decided: Decided): string | undefined {
  if (!decided.ok) return undefined;
  const registered = decided.value.events.find((event) => event.type === 'Registered');
  return registered?.type === 'Registered' ? registered.payload.number : undefined;
}

export interface JournalOnDisk {
  readonly bytes: Buffer;
  /** Complete lines, parsed. */
  readonly events: { seq: number; id: string; type: string; payload: { number?: string } }[];
  /** Numbers of the Registered events, in journal order. */
  readonly numbers: string[];
}

export async function readJournal(dataDir: string): Promise<JournalOnDisk> {
  const bytes = await readFile(journalPath(dataDir)).catch(() => Buffer.alloc(0));
  const text = bytes.toString('utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const events = complete
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalOnDisk['events'][number]);
  const numbers = events.flatMap((event) => (event.type === 'Registered' && event.payload.number ? [event.payload.number] : []));
  return { bytes, events, numbers };
}

/**
 * What every fault case ends with: each number confirmed to a caller is in the journal exactly once, no number
 * is in it twice, and the journal's seqs run 1, 2, 3… without a gap.
 */
export async function expectJournalKeepsPromises(dataDir: string, confirmed: Iterable<string>): Promise<JournalOnDisk> {
  const journal = await readJournal(dataDir);
  expect(journal.events.map((event) => event.seq)).toEqual(journal.events.map((_, index) => index + 1));
  expect(new Set(journal.numbers).size).toBe(journal.numbers.length);
  for (const number of confirmed) expect(journal.numbers.filter((held) => held === number), number).toHaveLength(1);
  return journal;
}

/** The number that must come next after `numbers` (same local day: the highest daily sequence + 1). */
export function expectFollows(next: string | undefined, numbers: readonly string[]): void {
  expect(next).toBeDefined();
  const parsed = parseComplaintNumber(next ?? '');
  if (!parsed.ok) throw new Error(`not a complaint number: ${next}`);
  const sameDay = numbers.map((number) => parseComplaintNumber(number)).flatMap((parts) => (parts.ok && parts.value.localDate === parsed.value.localDate ? [parts.value.seq] : []));
  expect(numbers).not.toContain(next);
  expect(parsed.value.seq).toBe(Math.max(0, ...sameDay) + 1);
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
