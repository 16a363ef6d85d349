import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { createFileLogger } from './log';

describe('file logger', () => {
  it('writes one JSON line per entry with its time and level', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'logs', 'main.log');
      const log = createFileLogger(file, () => new Date('2026-11-23T08:00:00.000Z'));
      log.info('services opened', { mode: 'browser' });
      const [line] = (await readFile(file, 'utf8')).trim().split('\n');
      expect(JSON.parse(line ?? '')).toEqual({ at: '2026-11-23T08:00:00.000Z', level: 'info', message: 'services opened', mode: 'browser' });
    });
  });

  it('moves a log larger than 5 MB aside at start', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'main.log');
      await writeFile(file, 'x'.repeat(5 * 1024 * 1024 + 1));
      createFileLogger(file).info('fresh start');
      expect((await readFile(`${file}.1`, 'utf8')).length).toBe(5 * 1024 * 1024 + 1);
      expect(await readFile(file, 'utf8')).toContain('fresh start');
    });
  });
});
