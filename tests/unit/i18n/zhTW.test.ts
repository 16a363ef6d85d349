/**
 * Traditional Chinese (zh-TW) is generated from zh-CN (scripts/zh-tw.ts): these tests catch a committed file that
 * drifted from the generator, a hand-written zh-TW sentence that says something else than its zh-CN twin
 * converted, and a Simplified character slipping into the Traditional wording.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, toTraditional } from '../../../scripts/zh-tw';
import { AUDIT_WORDS } from '../../../shared/audit/describe';
import { REGISTER_NAME } from '../../../shared/export/register';
import { sheetLabels } from '../../../shared/print/sheetLabels';
import { TIMELINE_WORDS } from '../../../shared/print/timeline';
import { vocabularyText } from '../../../shared/print/vocabularyText';
import { describeOpenProblem, type OpenProblem } from '../../../electron/services/openProblem';
import { zhTW } from '../../../renderer/i18n/messages.zh-TW';
import { zhCN } from '../../../renderer/i18n/messages.zh-CN';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every string of a table, with its path. */
function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

/** The sentence-making functions of a table (the generator leaves them to be written by hand). */
function functions(tree: object): [string, (...args: unknown[]) => string][] {
  return Object.entries(tree).filter((entry): entry is [string, (...args: unknown[]) => string] => typeof entry[1] === 'function');
}

describe('zh-TW generator', () => {
  it.each(OUTPUTS.map((output) => output.path))('%s is what `npm run i18n:zh-tw` writes (rerun it after changing zh-CN)', (path) => {
    const output = OUTPUTS.find((candidate) => candidate.path === path);
    expect(readFileSync(`${ROOT}${path}`, 'utf8')).toBe(output?.render());
  });

  it('converts to Taiwan wording, with the reviewed overrides where OpenCC picks another word', () => {
    expect(toTraditional('投诉渠道')).toBe('投訴管道');
    expect(toTraditional('质量异常')).toBe('品質異常');
    expect(toTraditional('询问对象')).toBe('詢問對象');
    expect(toTraditional('网点代码')).toBe('分店代碼');
    expect(toTraditional('请检查 U 盘是否已连接')).toBe('請檢查隨身碟是否已連線');
    expect(toTraditional('请勾选“匿名投诉”')).toBe('請勾選「匿名投訴」');
    expect(toTraditional('客户申诉')).toBe('客戶申訴');
  });

  it('keeps the placeholders and the language names: each language is named in itself', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\w+\}\}/g)].map((match) => match[0]).sort();
    const simplified = new Map(strings(zhCN));
    for (const [path, text] of strings(zhTW)) expect(placeholders(text), path).toEqual(placeholders(simplified.get(path) ?? ''));
    expect(zhTW.lang).toEqual({ 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' });
  });

  it('leaves no Simplified-only character in the Traditional wording (outside the language picker)', () => {
    const simplifiedOnly = /[这个们么说为时后发对书车见长问门间让认记讲语读请谁调资质应开关页点设删维网电话码录简体]/;
    for (const [path, text] of [...strings(zhTW), ...strings(sheetLabels('zh-TW')), ...strings(vocabularyText('zh-TW')), ...strings(AUDIT_WORDS['zh-TW'])]) {
      if (path === 'lang.zh-CN') continue;
      expect(text, path).not.toMatch(simplifiedOnly);
    }
  });
});

describe('the hand-written zh-TW sentences say what their zh-CN twins say, converted', () => {
  const probe = (fn: (...args: unknown[]) => string) => Array.from({ length: fn.length }, (_, index) => index + 2);

  it.each([
    ['record sheet', sheetLabels('zh-CN'), sheetLabels('zh-TW')],
    ['timeline', TIMELINE_WORDS['zh-CN'], TIMELINE_WORDS['zh-TW']],
    ['audit log', AUDIT_WORDS['zh-CN'], AUDIT_WORDS['zh-TW']],
    ['grade', { grade: vocabularyText('zh-CN').grade }, { grade: vocabularyText('zh-TW').grade }],
  ] as const)('%s', (_name, simplified, traditional) => {
    const twins = new Map(functions(traditional));
    for (const [key, fn] of functions(simplified)) {
      const args = probe(fn);
      expect(twins.get(key)?.(...args), key).toBe(toTraditional(fn(...args)));
    }
  });

  it('the register export’s file and sheet name', () => {
    expect(REGISTER_NAME['zh-TW']).toEqual({ file: toTraditional(REGISTER_NAME['zh-CN'].file), sheet: toTraditional(REGISTER_NAME['zh-CN'].sheet) });
  });

  it('timeline reasons', () => {
    const reasons = [
      { reason: 'dissatisfied', satisfaction: 2 },
      { reason: 'customer_rejected' },
      { reason: 'department_cannot_resolve' },
      { reason: 'tier_deadline', tier: 'T2', hours: 48 },
      { reason: 'major_flags', flags: ['media', 'collective'] },
    ] as const;
    for (const reason of reasons) {
      const say = (language: 'zh-CN' | 'zh-TW') =>
        (TIMELINE_WORDS[language].reason[reason.reason] as (r: typeof reason, v: ReturnType<typeof vocabularyText>) => string)(reason, vocabularyText(language));
      expect(say('zh-TW'), reason.reason).toBe(toTraditional(say('zh-CN')));
    }
  });

  it('the reasons a desk cannot open its data folder', () => {
    const holder = { pid: 42, hostname: 'counter-pc', mode: 'browser', startedAt: '2026-11-30T08:00:00.000Z' } as const;
    const problems: OpenProblem[] = [
      { code: 'journal_damaged', file: 'events.jsonl', line: 3, reason: 'not JSON' },
      { code: 'journal_newer_version', file: 'events.jsonl', line: 3, reason: 'v9' },
      { code: 'journal_shortened', file: 'events.jsonl', found: 2, expected: 3 },
      { code: 'journal_replaced', file: 'events.jsonl', seq: 3 },
      { code: 'journal_missing', file: 'events.jsonl', expected: 3 },
      { code: 'data_file_damaged', file: 'users.json', reason: 'not JSON' },
      { code: 'data_folder_in_use', file: 'desk.lock', holder },
    ];
    for (const problem of problems) expect(describeOpenProblem(problem, 'zh-TW'), problem.code).toBe(toTraditional(describeOpenProblem(problem, 'zh-CN')));
  });
});
