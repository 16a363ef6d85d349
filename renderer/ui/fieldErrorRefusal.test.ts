import i18next from 'i18next';
import type { FieldError } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../shared/refusals';
import { en } from '../i18n/messages.en';
import { zhCN } from '../i18n/messages.zh-CN';
import { fieldErrorText, refusalFieldError, refusalOfFieldError } from './fieldError';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });

/** What react-hook-form keeps after `setError(path, option)`. */
const asFieldError = (option: ReturnType<typeof refusalFieldError>): FieldError => ({ ...option, type: option.type ?? '' });

describe('a refusal on a form field', () => {
  const lookalike = refusalOf('username_lookalike', 'username: "Iisa" looks like the existing "lisa"', { path: 'username', params: { username: 'lisa' } });

  it('carries the refusal, code and params, to the field error', () => {
    expect(refusalOfFieldError(asFieldError(refusalFieldError(lookalike)))).toEqual(lookalike);
  });

  it('shows the code’s sentence with its params in the UI language', () => {
    const error = asFieldError(refusalFieldError(lookalike));
    expect(fieldErrorText(i18n.getFixedT('en'), error)).toBe(en.refusal.username_lookalike.replace('{{username}}', 'lisa'));
    expect(fieldErrorText(i18n.getFixedT('zh-CN'), error)).toContain('“lisa”');
    const waited = refusalOf('too_many_attempts', 'wait', { params: { seconds: 30 } });
    expect(fieldErrorText(i18n.getFixedT('zh-CN'), asFieldError(refusalFieldError(waited)))).toBe('尝试次数过多，请 30 秒后再试。');
  });

  it('ignores a carried refusal the catalogue does not know, and falls back as for any other error', () => {
    const rogue: FieldError = { type: 'refusal', message: 'refusal.disk_on_fire', types: { refusal: JSON.stringify({ code: 'disk_on_fire', message: 'x' }) } };
    expect(refusalOfFieldError(rogue)).toBeUndefined();
    const wrongParams: FieldError = { type: 'refusal', types: { refusal: JSON.stringify({ code: 'too_many_attempts', message: 'x', params: { seconds: 'soon' } }) } };
    expect(refusalOfFieldError(wrongParams)).toBeUndefined();
    expect(fieldErrorText(i18n.getFixedT('en'), { type: 'too_big', message: 'Too big: expected string to have <=80 characters' })).toBe(en.validation.invalid);
  });

  it('still translates the message keys of the forms’ own rules', () => {
    expect(fieldErrorText(i18n.getFixedT('en'), { type: 'custom', message: 'refusal.password_too_short' }, { params: { min: 8 } })).toBe('The password needs at least 8 characters.');
  });
});
