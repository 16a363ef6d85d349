import { appendFile, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import { acknowledged, events, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openJournal } from './journal';
import type { DeskOpenError } from './openProblem';

const checkpointOf = (file: string) => join(dirname(file), 'journal.checkpoint.json');
const open = (file: string, log = memoryLogger()) => openJournal<DomainEvent>(file, { parse: parseEvent, log, checkpointFile: checkpointOf(file) });
const linesOf = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);
const refusalOf = (opening: Promise<unknown>) => opening.then(() => undefined, (error: DeskOpenError) => error.problem);

/** A journal of `count` events, written and closed through the journal itself (so its checkpoint is current). */
async function journalOf(dir: string, count: number): Promise<string> {
  const file = join(dir, 'events.jsonl');
  const journal = await open(file);
  await journal.append(events(1, count), 'BR01');
  await journal.close();
  return file;
}

describe('journal', () => {
  it('appends events as lines and reads them back after reopening', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      expect(await journal.append(events(1, 3), 'BR01')).toEqual({ ok: true, value: { journaledThroughSeq: 3 } });
      expect(await journal.append(events(4, 4), 'BR01')).toEqual({ ok: true, value: { journaledThroughSeq: 4 } });
      await journal.close();

      const reopened = await open(file);
      expect(reopened.lastSeq()).toBe(4);
      const all = await reopened.read(0, 100);
      expect(all.events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
      expect(all.events[0]).toEqual(acknowledged(1));
      expect((await reopened.read(2, 1)).events.map((event) => event.seq)).toEqual([3]);
      expect(await reopened.read(4, 10)).toEqual({ events: [], lastSeq: 4 });
      await reopened.close();
    });
  });

  it('refuses a gap, a taken seq, another branch and a reused id, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      await journal.append(events(1, 2), 'BR01');
      const before = await readFile(file, 'utf8');

      const gap = await journal.append([acknowledged(3), acknowledged(5)], 'BR01');
      expect(gap).toMatchObject({ ok: false, error: { code: 'seq_gap', params: { expected: 4, got: 5 } } });
      const taken = await journal.append([acknowledged(2, { id: 'other' })], 'BR01');
      expect(taken).toMatchObject({ ok: false, error: { code: 'seq_taken' } });
      const otherBranch = await journal.append([acknowledged(3, { branch: 'BR02' })], 'BR01');
      expect(otherBranch).toMatchObject({ ok: false, error: { code: 'wrong_branch' } });
      const changed = await journal.append([acknowledged(1, { actor: 'u-someone-else' })], 'BR01');
      expect(changed).toMatchObject({ ok: false, error: { code: 'duplicate_event_id' } });
      const twiceInBatch = await journal.append([acknowledged(3), acknowledged(4, { id: 'ev-3' })], 'BR01');
      expect(twiceInBatch).toMatchObject({ ok: false, error: { code: 'duplicate_event_id' } });

      expect(await readFile(file, 'utf8')).toBe(before);
      expect(journal.lastSeq()).toBe(2);
      await journal.close();
    });
  });

  it('accepts a retry of events already journaled without writing them twice', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      await journal.append(events(1, 3), 'BR01');
      expect(await journal.append(events(1, 3), 'BR01')).toEqual({ ok: true, value: { journaledThroughSeq: 3 } });
      expect(await journal.append(events(2, 5), 'BR01')).toEqual({ ok: true, value: { journaledThroughSeq: 5 } });
      expect(await linesOf(file)).toHaveLength(5);
      await journal.close();
    });
  });

  it('keeps concurrent appends in order and gap-free', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      const results = await Promise.all([journal.append(events(1, 10), 'BR01'), journal.append(events(11, 20), 'BR01')]);
      expect(results.every((result) => result.ok)).toBe(true);
      const seqs = (await linesOf(file)).map((line) => (JSON.parse(line) as { seq: number }).seq);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      await journal.close();
    });
  });

  it('cuts off a line torn by a crash, logs it, and carries on from the last whole event', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      await journal.append(events(1, 2), 'BR01');
      await journal.close();
      await appendFile(file, JSON.stringify(acknowledged(3)).slice(0, 40)); // the crash hit mid-write

      const log = memoryLogger();
      const reopened = await open(file, log);
      expect(reopened.lastSeq()).toBe(2);
      expect(log.lines.some((line) => line.level === 'warn' && line.message.includes('torn'))).toBe(true);
      expect(await reopened.append(events(3, 3), 'BR01')).toEqual({ ok: true, value: { journaledThroughSeq: 3 } });
      await reopened.close();
      expect((await linesOf(file)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3]);
    });
  });

  it('refuses to open a journal damaged before its last line, naming the line', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const lines = events(1, 3).map((event) => JSON.stringify(event));
      lines[1] = '{"not":"an event"}';
      await writeFile(file, `${lines.join('\n')}\n`);
      expect(await refusalOf(open(file))).toMatchObject({ code: 'journal_damaged', file, line: 2 });
    });
  });
});

describe('journal lines sent on as stored', () => {
  it('reads the stored lines of any range, across the checked groups and into the last one, not whole yet', async () => {
    await withTempDir(async (dir) => {
      // Two whole groups of 256 lines, and 88 lines after them.
      const journal = await open(await journalOf(dir, 600));
      const file = join(dir, 'events.jsonl');
      const stored = await linesOf(file);
      const textOf = async (afterSeq: number, limit: number) => (await journal.readLines(afterSeq, limit)).lines.map((line) => new TextDecoder().decode(line));
      for (const [afterSeq, limit] of [[0, 600], [100, 300], [255, 2], [512, 100], [590, 50], [600, 10]] as const) {
        expect(await textOf(afterSeq, limit)).toEqual(stored.slice(afterSeq, afterSeq + limit));
      }
      expect(await journal.readLines(700, 10)).toEqual({ lines: [], lastSeq: 600 });
      // Appends complete the last group; a rewrite changes lines in place: both are read as the file holds them.
      await journal.append(events(601, 800), 'BR01');
      await journal.rewrite((event) => (event.seq === 300 ? { ...event, at: '2026-11-24T00:00:00.000Z' } : event));
      const now = await linesOf(file);
      expect(now[299]).toContain('2026-11-24T00:00:00.000Z');
      expect(await textOf(0, 800)).toEqual(now);
      expect((await journal.readLines(0, 800)).lastSeq).toBe(800);
      await journal.close();
    });
  });

  it('refuses to send a line changed on disk since it was read, or one of the last group that no longer parses', async () => {
    await withTempDir(async (dir) => {
      const journal = await open(await journalOf(dir, 300));
      const file = join(dir, 'events.jsonl');
      const stored = await readFile(file, 'utf8');
      // Same length, so every other line stays where it was: another id at line 10, still a valid event.
      await writeFile(file, stored.replace('"id":"ev-10"', '"id":"ev-1X"'));
      await expect(journal.readLines(0, 100)).rejects.toThrow(/lines 1–256 changed on disk/);
      expect((await journal.readLines(256, 44)).lines).toHaveLength(44);
      const lines = stored.split('\n');
      lines[279] = `[${lines[279]?.slice(1) ?? ''}`;
      await writeFile(file, lines.join('\n'));
      await expect(journal.readLines(256, 44)).rejects.toThrow(/line 280 no longer parses/);
      await journal.close();
    });
  });
});

describe('journal damage is never cut off silently', () => {
  /** Three good events, then `last` as a complete line; opening must refuse and leave every byte as it was. */
  async function refusedWithLastLine(last: string) {
    return withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      await writeFile(file, `${events(1, 3).map((event) => JSON.stringify(event)).join('\n')}\n${last}\n`);
      const before = await readFile(file);
      const problem = await refusalOf(open(file));
      expect(await readFile(file)).toEqual(before);
      expect(await readdir(dir)).toEqual(['events.jsonl']); // no checkpoint either: nothing was accepted
      return problem;
    });
  }

  it('refuses a complete last line that is not JSON, keeping the bytes', async () => {
    expect(await refusedWithLastLine('{"id":"ev-4","seq":4,')).toMatchObject({ code: 'journal_damaged', line: 4, reason: 'not JSON' });
  });

  it('refuses a complete last line that is not a valid event', async () => {
    expect(await refusedWithLastLine(JSON.stringify({ ...acknowledged(4), actor: 42 }))).toMatchObject({ code: 'journal_damaged', line: 4 });
  });

  it('refuses an event written by a newer version of the app, saying so', async () => {
    const problem = await refusedWithLastLine(JSON.stringify({ ...acknowledged(4), v: 99 }));
    expect(problem).toMatchObject({ code: 'journal_newer_version', line: 4, reason: expect.stringContaining('newer version') });
  });

  it('refuses a broken sequence, a repeated event and an event of another branch, naming the line', async () => {
    expect(await refusedWithLastLine(JSON.stringify(acknowledged(5)))).toMatchObject({ code: 'journal_damaged', line: 4, reason: 'holds seq 5' });
    expect(await refusedWithLastLine(JSON.stringify(acknowledged(4, { id: 'ev-2' })))).toMatchObject({ code: 'journal_damaged', line: 4 });
    expect(await refusedWithLastLine(JSON.stringify(acknowledged(4, { branch: 'BR02' })))).toMatchObject({ code: 'journal_damaged', line: 4 });
  });
});

describe('journal checkpoint', () => {
  it('keeps the journal id across reopening and records the last event on close', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 3);
      const checkpoint = JSON.parse(await readFile(checkpointOf(file), 'utf8')) as { journalId: string; seq: number; last: { id: string } };
      expect(checkpoint).toMatchObject({ seq: 3, last: { id: 'ev-3' } });
      const reopened = await open(file);
      expect(reopened.id).toBe(checkpoint.journalId);
      await reopened.close();
    });
  });

  it('catches the checkpoint up after appends, without waiting for the close', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const journal = await open(file);
      await journal.append(events(1, 2), 'BR01');
      await journal.append(events(3, 3), 'BR01');
      await vi.waitFor(async () => expect(JSON.parse(await readFile(checkpointOf(file), 'utf8'))).toMatchObject({ seq: 3, last: { id: 'ev-3' } }));
      await journal.close();
    });
  });

  it('accepts a journal longer than its checkpoint (a crash before the checkpoint caught up)', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 2);
      await appendFile(file, `${JSON.stringify(acknowledged(3))}\n`);
      const reopened = await open(file);
      expect(reopened.lastSeq()).toBe(3);
      await reopened.close();
    });
  });

  it('refuses a journal cut short or emptied, leaving it as it is', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 3);
      const twoLines = (await linesOf(file)).slice(0, 2).join('\n') + '\n';
      await writeFile(file, twoLines);
      expect(await refusalOf(open(file))).toEqual({ code: 'journal_shortened', file, found: 2, expected: 3 });
      expect(await readFile(file, 'utf8')).toBe(twoLines);
      await truncate(file, 0);
      expect(await refusalOf(open(file))).toEqual({ code: 'journal_shortened', file, found: 0, expected: 3 });
    });
  });

  it('refuses a journal replaced by another one of the same length', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 3);
      const other = [acknowledged(1, { id: 'x-1' }), acknowledged(2, { id: 'x-2' }), acknowledged(3, { id: 'x-3' })];
      await writeFile(file, other.map((event) => `${JSON.stringify(event)}\n`).join(''));
      expect(await refusalOf(open(file))).toEqual({ code: 'journal_replaced', file, seq: 3 });
    });
  });

  it('refuses a journal edited in place at the checkpoint', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 3);
      const lines = await linesOf(file);
      lines[2] = JSON.stringify(acknowledged(3, { actor: 'u-someone-else' }));
      await writeFile(file, `${lines.join('\n')}\n`);
      expect(await refusalOf(open(file))).toMatchObject({ code: 'journal_replaced', seq: 3 });
    });
  });

  it('refuses to start an empty journal in place of a deleted one', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 3);
      await rm(file);
      expect(await refusalOf(open(file))).toEqual({ code: 'journal_missing', file, expected: 3 });
      expect(await readdir(dir)).toEqual(['journal.checkpoint.json']);
    });
  });

  it('records a checkpoint for a journal that had none (written before checkpoints existed)', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 2);
      await rm(checkpointOf(file));
      const log = memoryLogger();
      const reopened = await open(file, log);
      expect(JSON.parse(await readFile(checkpointOf(file), 'utf8'))).toMatchObject({ seq: 2, last: { id: 'ev-2' } });
      expect(log.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('no checkpoint') });
      await reopened.close();
    });
  });

  it('refuses a damaged checkpoint, naming it', async () => {
    await withTempDir(async (dir) => {
      const file = await journalOf(dir, 1);
      await writeFile(checkpointOf(file), '{"version":1');
      expect(await refusalOf(open(file))).toMatchObject({ code: 'data_file_damaged', file: checkpointOf(file) });
    });
  });
});
