import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { SYNC_PROBLEM_CODES } from '../../../shared/api/sync';
import { en } from '../../i18n/messages.en';
import { zhCN } from '../../i18n/messages.zh-CN';
import { problemText } from './problemText';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('a sync problem in words', () => {
  it('every problem code reads as a whole sentence in both languages, with no placeholder left', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const t = await translator(language);
      for (const code of SYNC_PROBLEM_CODES) {
        const text = problemText(t, { code, params: {} });
        expect(text, `${language} ${code}`).not.toMatch(/\{\{|sync\.problem/);
        expect(text.length, `${language} ${code}`).toBeGreaterThan(8);
      }
    }
  });

  it('adds what head office named: the record, where it stands, the domain’s refusal, the HTTP status', async () => {
    const t = await translator('en');
    expect(problemText(t, { code: 'domain_refused', params: { seq: 42, refusal: 'complaint_closed' } })).toBe(
      `${en.sync.problem.domain_refused} (record 42) ${en.refusal.complaint_closed}`,
    );
    expect(problemText(t, { code: 'journal_behind_head_office', params: { expectedFromSeq: 101 } })).toContain('(head office holds up to record 100)');
    expect(problemText(t, { code: 'bad_response', params: { httpStatus: 502 } })).toContain('(HTTP 502)');
    // A refusal code this build does not know, or one whose sentence needs parameters, is left to the log.
    expect(problemText(t, { code: 'domain_refused', params: { refusal: 'from_the_future' } })).toBe(en.sync.problem.domain_refused);
    expect(problemText(t, { code: 'domain_refused', params: { refusal: 'extension_limit' } })).toBe(en.sync.problem.domain_refused);
  });
});
