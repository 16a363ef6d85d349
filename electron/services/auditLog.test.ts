import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportAuditEntry } from '../../shared/export/audit';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { openAuditLog } from './auditLog';

const entry = (at: string): ExportAuditEntry => ({
  v: 1,
  at,
  userId: 'u-1',
  username: 'xiaoli',
  role: 'staff',
  kind: 'export',
  format: 'csv',
  delivery: 'download',
  language: 'zh-CN',
  complaintCount: 3,
  filter: { status: 'open' },
  personalDataMasked: true,
  fileName: '投诉登记簿-SH01-20261201.csv',
});

describe('openAuditLog', () => {
  it('makes its folder, appends one line per entry, and reads them back in order', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'audit', 'exports.jsonl');
      const log = openAuditLog(file);
      await Promise.all([log.append(entry('2026-12-01T01:00:00.000Z')), log.append(entry('2026-12-01T01:00:01.000Z'))]);
      expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(3);
      expect((await log.read()).entries.map((e) => e.at)).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-01T01:00:01.000Z']);
    });
  });

  it('starts a new line after a line torn by a crash, and skips the torn one when reading', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'audit', 'exports.jsonl');
      await openAuditLog(file).append(entry('2026-12-01T01:00:00.000Z'));
      await appendFile(file, '{"v":1,"at":"2026-12-01T01:00:0');
      const reopened = openAuditLog(file);
      await reopened.append(entry('2026-12-01T02:00:00.000Z'));
      expect(await reopened.read()).toMatchObject({ damagedLines: 1, entries: [{ at: '2026-12-01T01:00:00.000Z' }, { at: '2026-12-01T02:00:00.000Z' }] });
    });
  });

  it('refuses an entry that breaks the schema (a bug), writing nothing', async () => {
    await withTempDir(async (dir) => {
      const log = openAuditLog(join(dir, 'audit', 'exports.jsonl'));
      await expect(log.append({ ...entry('x'), complaintCount: -1 })).rejects.toThrow();
      expect(await log.read()).toEqual({ entries: [], damagedLines: 0 });
    });
  });
});
