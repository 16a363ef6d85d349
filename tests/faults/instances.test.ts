/**
 * Fault suite, concurrency: two tabs registering at once on one server, and a second server on the same data
 * folder. Real processes, the real HTTP bridge.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseComplaintNumber } from '../../shared/domain/numbering';
import { expectFollows, expectJournalKeepsPromises, numberOf, openTab, register, setUpBranch, signIn, startCli, stopCli, waitFor, withWorkspace } from './harness';

/** Every file under `dir` with its bytes and modification time: what "writes nothing" is checked against. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = `${(await stat(path)).mtimeMs} ${(await readFile(path)).toString('base64')}`;
  }
  return files;
}

describe('fault: two windows register at the same moment', () => {
  it('gives distinct consecutive numbers, and each window reads every complaint from the journal', async () => {
    await withWorkspace(async ({ dataDir, rendererDir }) => {
      const cli = startCli(dataDir, rendererDir);
      try {
        const url = await cli.url;
        const left = await openTab(url);
        const right = await openTab(url);
        await setUpBranch(left);
        await signIn(right);
        const rounds = 10;
        const answers = await Promise.all(Array.from({ length: rounds }, (_, index) => register(index % 2 === 0 ? left : right)));
        const numbers = answers.map(numberOf);
        expect(numbers.every((number) => number !== undefined)).toBe(true);
        const given = numbers.map((number) => number ?? '');
        // Distinct and consecutive: the daily sequences are 1…rounds (one local day), or run on across midnight.
        expect(new Set(given).size).toBe(rounds);
        const seqs = given.map((number) => parseComplaintNumber(number)).map((parts) => (parts.ok ? `${parts.value.localDate}:${parts.value.seq}` : 'bad'));
        const days = new Set(seqs.map((seq) => seq.split(':')[0]));
        if (days.size === 1) expect(seqs.map((seq) => Number(seq.split(':')[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: rounds }, (_, index) => index + 1));
        const journal = await expectJournalKeepsPromises(dataDir, given);
        expect(journal.numbers).toHaveLength(rounds);
        for (const tab of [left, right]) {
          const read = await tab.call('journal.read', { afterSeq: 0 });
          expect(read.ok && read.value.events.flatMap((event) => (event.type === 'Registered' ? [event.payload.number] : []))).toEqual(journal.numbers);
        }
        expectFollows(numberOf(await register(right)), journal.numbers);
      } finally {
        expect(await stopCli(cli)).toBe(0);
      }
    });
  }, 40_000);
});

describe('fault: a second Complaint Desk on the same data folder', () => {
  it('refuses with exit 1 and the “in use” message in zh-CN and in en, writes nothing, and the first keeps working', async () => {
    await withWorkspace(async ({ dataDir, rendererDir }) => {
      const first = startCli(dataDir, rendererDir);
      try {
        const tab = await openTab(await first.url);
        await setUpBranch(tab);
        const confirmed = [numberOf(await register(tab)) ?? 'none'];
        // The first desk's checkpoint is written in the background after an append: let it settle first.
        await waitFor(async () => JSON.parse(await readFile(join(dataDir, 'journal.checkpoint.json'), 'utf8')).seq === 1);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const before = await snapshot(dataDir);

        const chinese = startCli(dataDir, rendererDir, 'zh-CN');
        const english = startCli(dataDir, rendererDir, 'en');
        expect(await chinese.exited).toBe(1);
        expect(await english.exited).toBe(1);
        const lockFile = join(dataDir, 'desk.lock');
        const pid = String(first.child.pid);
        expect(chinese.output().stderr).toContain(`数据文件夹正被另一个投诉受理台使用（浏览器模式，计算机`);
        expect(chinese.output().stderr).toContain(`上的进程 ${pid}`);
        expect(chinese.output().stderr).toContain('请先关闭那一个，或直接使用它');
        expect(chinese.output().stderr).toContain(lockFile);
        expect(english.output().stderr).toContain(`The data folder is in use by another Complaint Desk (browser mode, process ${pid}`);
        expect(english.output().stderr).toContain('Close that one first, or use it instead');
        expect(english.output().stderr).toContain(lockFile);
        for (const refused of [chinese, english]) {
          expect(refused.output().stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
          expect(refused.output().stdout).not.toContain('http://127.0.0.1:');
        }
        expect(await snapshot(dataDir)).toEqual(before);

        const next = numberOf(await register(tab));
        expectFollows(next, confirmed);
        confirmed.push(next ?? '');
        await expectJournalKeepsPromises(dataDir, confirmed);
      } finally {
        expect(await stopCli(first)).toBe(0);
      }
    });
  }, 40_000);
});
