import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { lockDataFolder } from './folderLock';
import type { DeskOpenError } from './openProblem';

const now = () => new Date('2026-11-30T08:00:00.000Z');
const lockText = (fields: Record<string, unknown>) =>
  JSON.stringify({ version: 1, pid: process.pid, hostname: hostname(), mode: 'electron', startedAt: '2026-11-29T07:00:00.000Z', ...fields });
/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid ?? 0;

describe('data folder lock', () => {
  it('lets one desk hold the folder; a second is refused with who holds it, and gets it once released', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'desk.lock');
      const first = await lockDataFolder(file, 'browser', now);
      expect(first.tookOver).toBeUndefined();

      const refused = await lockDataFolder(file, 'electron', now).catch((error: DeskOpenError) => error);
      expect(refused).toMatchObject({
        problem: { code: 'data_folder_in_use', file, holder: { pid: process.pid, hostname: hostname(), mode: 'browser', startedAt: '2026-11-30T08:00:00.000Z' } },
      });
      expect(await readdir(dir)).toEqual(['desk.lock']);

      await first.release();
      expect(await readdir(dir)).toEqual([]);
      const second = await lockDataFolder(file, 'electron', now);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ mode: 'electron', pid: process.pid });
      await second.release();
    });
  });

  it('takes over a lock left by a desk that died on this computer', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'desk.lock');
      const pid = deadPid();
      await writeFile(file, lockText({ pid }));
      const lock = await lockDataFolder(file, 'browser', now);
      expect(lock.tookOver).toMatchObject({ pid, mode: 'electron' });
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, mode: 'browser' });
      expect(await readdir(dir)).toEqual(['desk.lock']);
      await lock.release();
    });
  });

  it('takes over an unreadable lock (zeroed by a power cut)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'desk.lock');
      await writeFile(file, '');
      const lock = await lockDataFolder(file, 'browser', now);
      expect(lock.tookOver).toBe('unreadable');
      await lock.release();
    });
  });

  it('counts a lock held from another computer as live: it cannot tell whether that desk still runs', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'desk.lock');
      const text = lockText({ pid: deadPid(), hostname: `${hostname()}-elsewhere` });
      await writeFile(file, text);
      await expect(lockDataFolder(file, 'browser', now)).rejects.toMatchObject({ problem: { code: 'data_folder_in_use' } });
      expect(await readFile(file, 'utf8')).toBe(text);
    });
  });

  it('leaves a lock another desk took over in place when releasing', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'desk.lock');
      const lock = await lockDataFolder(file, 'browser', now);
      const theirs = lockText({ startedAt: '2026-11-30T09:00:00.000Z' });
      await writeFile(file, theirs);
      await lock.release();
      expect(await readFile(file, 'utf8')).toBe(theirs);
    });
  });
});
