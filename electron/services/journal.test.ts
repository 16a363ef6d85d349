import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import { acknowledged, events, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openJournal } from './journal';

const open = (file: string, log = memoryLogger()) => openJournal<DomainEvent>(file, { parse: parseEvent, log });
const linesOf = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

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

  it('refuses to open a journal damaged before its last line', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'events.jsonl');
      const lines = events(1, 3).map((event) => JSON.stringify(event));
      lines[1] = '{"not":"an event"}';
      await writeFile(file, `${lines.join('\n')}\n`);
      await expect(open(file)).rejects.toThrow(/damaged/);
    });
  });
});
