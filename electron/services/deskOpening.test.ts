/**
 * Opening a data folder: one desk at a time, and a folder whose files are damaged or lost is refused with what
 * to do instead of being started afresh over what is left.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';
import { openFailureText } from './openFailure';
import type { DeskOpenError } from './openProblem';

const SETUP = BRANCH_SETUP;

const open = (dir: string, log = memoryLogger()) => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log });
const problemOf = (opening: Promise<Desk>) =>
  opening.then(
    async (desk) => {
      await desk.close();
      throw new Error('the desk opened');
    },
    (error: DeskOpenError) => error.problem,
  );

/** Every file of the folder with its content, to show that a refused opening changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const)));
}

/** A folder set up as branch BR01 with one complaint event journaled, then closed. */
async function setUpBranch(dir: string): Promise<void> {
  const desk = await open(dir);
  expect(await inWindow(desk)('setup.createBranch', SETUP)).toMatchObject({ ok: true });
  const registration = { channel: 'walk_in', category: 'service_attitude', nature: 'people', complainant: { name: '王芳' }, receivedAt: new Date().toISOString(), description: '收银员态度恶劣', requests: ['apology'] };
  expect(await inWindow(desk)('complaints.decide', { requestId: 'setup-register', action: 'register', input: registration })).toMatchObject({ ok: true });
  await desk.close();
}

describe('one desk per data folder', () => {
  it('refuses a second desk on an open folder, writing nothing, and lets one in after the first closes', async () => {
    await withTempDir(async (dir) => {
      const first = await open(dir);
      const before = await snapshot(dir);
      const problem = await problemOf(open(dir));
      expect(problem).toMatchObject({ code: 'data_folder_in_use', file: join(dir, 'desk.lock'), holder: { pid: process.pid, hostname: hostname(), mode: 'browser' } });
      expect(await snapshot(dir)).toEqual(before);
      await first.close();

      const next = await open(dir);
      expect(await inWindow(next)('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
      await next.close();
      expect(await readdir(dir)).not.toContain('desk.lock');
    });
  });

  it('takes over the lock of a desk that died, and logs it', async () => {
    await withTempDir(async (dir) => {
      const pid = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(join(dir, 'desk.lock'), JSON.stringify({ version: 1, pid, hostname: hostname(), mode: 'electron', startedAt: '2026-11-29T07:00:00.000Z' }));
      const log = memoryLogger();
      const desk = await open(dir, log);
      expect(log.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('took over the data folder lock') });
      await desk.close();
    });
  });

  it('tells the person in their language, from --lang or else the stored setting', async () => {
    await withTempDir(async (dir) => {
      const first = await open(dir);
      const refusal = await open(dir).catch((error: unknown) => error);
      expect(await openFailureText(refusal, dir, undefined)).toContain('数据文件夹正被另一个投诉受理台使用');
      expect(await openFailureText(refusal, dir, 'en')).toContain('in use by another Complaint Desk');
      await inWindow(first)('setup.createBranch', SETUP);
      await inWindow(first)('settings.set', { language: 'en' });
      expect(await openFailureText(refusal, dir, undefined)).toContain(`process ${process.pid}`);
      expect(await openFailureText(new Error('a bug'), dir, 'en')).toBeUndefined();
      await first.close();
    });
  });
});

describe('damaged or lost files', () => {
  it('refuses a damaged journal line with its file and line, and frees the folder again', async () => {
    await withTempDir(async (dir) => {
      await setUpBranch(dir);
      const journal = join(dir, 'journal', 'events.v1.jsonl');
      await appendFile(journal, 'garbage\n');
      const before = await readFile(journal, 'utf8');
      const refusal = await open(dir).catch((error: unknown) => error);
      expect(await openFailureText(refusal, dir, 'en')).toBe(
        `The journal ${journal} is damaged at line 2 (not JSON). Complaint Desk has changed nothing. Restore the data folder from its latest backup, then start again; if there is no backup, keep a copy of the folder and ask support.`,
      );
      expect(await readFile(journal, 'utf8')).toBe(before);
      expect(await readdir(dir)).not.toContain('desk.lock');
    });
  });

  it('refuses a damaged users.json or branch.json, naming it and leaving it as it is', async () => {
    await withTempDir(async (dir) => {
      await setUpBranch(dir);
      const users = join(dir, 'users.json');
      const good = await readFile(users, 'utf8');
      await writeFile(users, '{"version":2,"users":[{"id":');
      expect(await problemOf(open(dir))).toEqual({ code: 'data_file_damaged', file: users, reason: 'not JSON' });
      expect(await readFile(users, 'utf8')).toBe('{"version":2,"users":[{"id":');
      await writeFile(users, good);

      const branch = join(dir, 'branch.json');
      await writeFile(branch, '{"version":1}');
      expect(await problemOf(open(dir))).toMatchObject({ code: 'data_file_damaged', file: branch });
    });
  });

  it('opens with default settings when settings.json is damaged, warns, and replaces it on the next change', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'settings.json'), 'not json at all');
      const log = memoryLogger();
      const desk = await open(dir, log);
      expect(await inWindow(desk)('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-CN', prefs: {} } });
      expect(log.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('settings') });
      await inWindow(desk)('setup.createBranch', SETUP);
      expect(await inWindow(desk)('settings.set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });
      await desk.close();
    });
  });

  it('never offers first-time set-up when branch.json is lost but accounts and events remain', async () => {
    await withTempDir(async (dir) => {
      await setUpBranch(dir);
      const branch = join(dir, 'branch.json');
      await rm(branch);
      const users = await readFile(join(dir, 'users.json'), 'utf8');

      const desk = await open(dir);
      expect(await inWindow(desk)('setup.status', {})).toEqual({ ok: true, value: { configured: false, problem: { code: 'branch_file_missing', path: branch } } });
      expect(await inWindow(desk)('setup.createBranch', { ...SETUP, branchCode: 'BR02' })).toMatchObject({ ok: false, error: { code: 'branch_file_missing' } });
      expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe(users);
      await desk.close();

      await rm(join(dir, 'users.json')); // the journal alone still says this folder is in use
      const again = await open(dir);
      expect(await inWindow(again)('setup.status', {})).toMatchObject({ ok: true, value: { configured: false, problem: { code: 'branch_file_missing' } } });
      await again.close();
    });
  });

  it('lets a set-up cut short before branch.json was written run again', async () => {
    await withTempDir(async (dir) => {
      const desk = await open(dir);
      expect(await inWindow(desk)('setup.createBranch', SETUP)).toMatchObject({ ok: true });
      await desk.close();
      // What a crash between writing the admin account and writing branch.json leaves behind.
      await rm(join(dir, 'branch.json'));
      await writeFile(join(dir, 'branch.json.pending'), JSON.stringify({ version: 1, startedAt: '2026-11-30T08:00:00.000Z' }));

      const again = await open(dir);
      expect(await inWindow(again)('setup.status', {})).toEqual({ ok: true, value: { configured: false } });
      expect(await inWindow(again)('setup.createBranch', SETUP)).toMatchObject({ ok: true });
      expect(await inWindow(again)('setup.status', {})).toMatchObject({ ok: true, value: { configured: true } });
      await again.close();
      expect(await readdir(dir)).not.toContain('branch.json.pending');
    });
  });
});
