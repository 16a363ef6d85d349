import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages.en';
import { zhCN } from '../../i18n/messages.zh-CN';
import { documentRefusalText } from './documentRefusal';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } });

describe('documentRefusalText', () => {
  it('tells the clerk what to do when this PC cannot make a PDF, in the UI language', () => {
    expect(documentRefusalText(i18n.getFixedT('zh-CN'), { code: 'pdf_unavailable' })).toContain('另存为 PDF');
    expect(documentRefusalText(i18n.getFixedT('en'), { code: 'pdf_unavailable' })).toContain('Save as PDF');
  });

  it('leaves other refusals to the common table', () => {
    expect(documentRefusalText(i18n.getFixedT('zh-CN'), { code: 'not_assignee' })).toBe(zhCN.refusal.not_assignee);
    expect(documentRefusalText(i18n.getFixedT('en'), { code: 'unknown_refusal', params: { code: 'something_new' } })).toContain('something_new');
  });
});
