/**
 * Fault suite, a full disk: the data folder on a tiny tmpfs, filled until the journal's fsync'd append fails.
 * The registration is refused with `journal_write_failed`, no number is given, the journal stays whole; once
 * space is freed the next registration gets the number that was never given. Needs root (mount); where the
 * mount is not allowed the case is skipped, saying so.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/messages.en';
import { zhCN } from '../../renderer/i18n/messages.zh-CN';
import { expectFollows, expectJournalKeepsPromises, journalPath, numberOf, openTab, readJournal, register, setUpBranch, signIn, startCli, stopCli } from './harness';

/** Writes to `file` until the disk refuses (ENOSPC), in smaller and smaller pieces, so no free page is left. */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x2a);
      for (;;) {
        try {
          const { bytesWritten } = await handle.write(chunk);
          if (bytesWritten < size) break;
        } catch (error) {
          if (error instanceof Error && 'code' in error && error.code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

describe('fault: the disk under the journal is full', () => {
  it('refuses with journal_write_failed and gives no number; after space is freed the next number is the one never given', async (context) => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-fault-disk-'));
    const mountPoint = join(dir, 'disk');
    await mkdir(mountPoint);
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir);
    await (await open(join(rendererDir, 'index.html'), 'w')).close();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      const why = `mount -t tmpfs is not allowed here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the full-disk case needs root`;
      console.warn(`SKIPPED: ${why}`);
      context.skip(why);
      return;
    }
    const dataDir = join(mountPoint, 'data');
    const filler = join(mountPoint, 'filler.bin');
    let cli = startCli(dataDir, rendererDir);
    try {
      const tab = await openTab(await cli.url);
      await setUpBranch(tab);
      const confirmed = [numberOf(await register(tab)) ?? 'none'];
      await fillDisk(filler);

      // The journal's last page may still take a line or two; then the disk refuses.
      let refused: Awaited<ReturnType<typeof register>> | undefined;
      for (let attempt = 0; attempt < 20 && !refused; attempt += 1) {
        const answer = await register(tab);
        if (answer.ok) confirmed.push(numberOf(answer) ?? 'none');
        else refused = answer;
      }
      expect(refused).toMatchObject({ ok: false, error: { code: 'journal_write_failed' } });
      // Refused again while full: still nothing given, nothing half-written.
      expect(await register(tab)).toMatchObject({ ok: false, error: { code: 'journal_write_failed' } });
      const whileFull = await expectJournalKeepsPromises(dataDir, confirmed);
      expect(whileFull.bytes.toString('utf8').endsWith('\n')).toBe(true);
      expect(whileFull.numbers).toEqual(confirmed);
      // The window says what to do, in both languages.
      expect(en.refusal.journal_write_failed).toContain('no number was given');
      expect(en.refusal.journal_write_failed).toContain('free some disk space');
      expect(zhCN.refusal.journal_write_failed).toContain('清理磁盘空间');

      await rm(filler);
      // What failed to be written while full left nothing behind to hold the freed space.
      expect((await readdir(dataDir, { recursive: true })).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      const next = numberOf(await register(tab));
      expectFollows(next, confirmed);
      confirmed.push(next ?? 'none');
      expect(await stopCli(cli)).toBe(0);

      // The journal left by all this opens again, and numbering goes on.
      cli = startCli(dataDir, rendererDir);
      const again = await openTab(await cli.url);
      await signIn(again);
      const after = numberOf(await register(again));
      expectFollows(after, confirmed);
      confirmed.push(after ?? 'none');
      const journal = await expectJournalKeepsPromises(dataDir, confirmed);
      expect(journal.numbers).toEqual(confirmed);
      expect((await readJournal(dataDir)).bytes).toEqual(await readFile(journalPath(dataDir)));
    } finally {
      await stopCli(cli, 'SIGKILL');
      try {
        execFileSync('umount', [mountPoint], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
      }
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
