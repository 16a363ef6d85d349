import { describe, expect, it } from 'vitest';
import { describeOpenProblem, type OpenProblem } from './openProblem';

const file = '/data/journal/events.v1.jsonl';
const holder = { pid: 4242, hostname: 'counter-pc', mode: 'electron', startedAt: '2026-11-30T08:00:00.000Z' } as const;
const damaged: OpenProblem = { code: 'journal_damaged', file, line: 17, reason: 'not JSON' };
const PROBLEMS: readonly OpenProblem[] = [
  damaged,
  { code: 'journal_newer_version', file, line: 17, reason: 'Registered v3 was written by a newer version' },
  { code: 'journal_shortened', file, found: 16, expected: 17 },
  { code: 'journal_replaced', file, seq: 17 },
  { code: 'journal_missing', file, expected: 17 },
  { code: 'data_file_damaged', file, reason: 'not JSON' },
  { code: 'data_folder_in_use', file, holder },
];

describe('what a person is told when the data folder cannot be opened', () => {
  it.each(PROBLEMS)('$code names the file and the number that matters, in Simplified and Traditional Chinese and in English', (problem) => {
    const zh = describeOpenProblem(problem, 'zh-CN');
    const tw = describeOpenProblem(problem, 'zh-TW');
    const en = describeOpenProblem(problem, 'en');
    for (const text of [zh, tw, en]) {
      expect(text).toContain(file);
      expect(text).toContain(problem.code === 'data_folder_in_use' ? '4242' : problem.code === 'data_file_damaged' ? 'not JSON' : '17');
    }
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(tw).toMatch(/[\u4e00-\u9fff]/);
    expect(tw).not.toBe(zh);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('counts one event in the singular in English', () => {
    expect(describeOpenProblem({ code: 'journal_shortened', file, found: 1, expected: 2 }, 'en')).toContain('holds 1 event, but 2 were confirmed as saved');
    expect(describeOpenProblem({ code: 'journal_shortened', file, found: 0, expected: 1 }, 'en')).toContain('holds 0 events, but 1 was confirmed as saved');
    expect(describeOpenProblem({ code: 'journal_missing', file, expected: 1 }, 'en')).toContain('is missing, but 1 event was confirmed as saved');
  });

  it('says what to do: restore from a backup, or close the other desk', () => {
    expect(describeOpenProblem(damaged, 'en')).toContain('Restore the data folder from its latest backup');
    expect(describeOpenProblem(damaged, 'zh-CN')).toContain('从最近的备份恢复整个数据文件夹');
    expect(describeOpenProblem({ code: 'data_folder_in_use', file, holder }, 'en')).toContain('Close that one first');
  });
});
