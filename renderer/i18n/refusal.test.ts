import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { REFUSAL_CODES, REFUSALS, isRefusalCode, refusalParamNames, type RefusalCode } from '../../shared/refusals';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';
import { refusalText } from './refusal';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

const LANGUAGES = { 'zh-CN': zhCN, en } as const;
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();

/** Sample params for a code, from the catalogue's kinds: numbers 7, strings `<name>`. */
function sampleParams(code: RefusalCode): Record<string, string | number> {
  return Object.fromEntries(Object.entries(REFUSALS[code]).map(([name, kind]) => [name, kind === 'number' ? 7 : `<${name}>`]));
}

describe('the refusal catalogue in every UI language', () => {
  it('has a sentence for every code in every language, and none for a code the catalogue does not list', () => {
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      expect(Object.keys(messages.refusal).sort(), language).toEqual([...REFUSAL_CODES].sort());
      for (const code of REFUSAL_CODES) expect(messages.refusal[code].trim(), `${language} ${code}`).not.toBe('');
    }
  });

  it('interpolates exactly the params of each code: none left unfilled, none unused', () => {
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      for (const code of REFUSAL_CODES) {
        expect(placeholders(messages.refusal[code]), `${language} ${code}`).toEqual([...refusalParamNames(code)].sort());
      }
    }
  });

  it('the feature-specific sentences (evidence, print) are for catalogue codes and use only their params', () => {
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      for (const [code, text] of [...Object.entries(messages.evidence.errors), ...Object.entries(messages.print.refusal)]) {
        expect(isRefusalCode(code), `${language} ${code}`).toBe(true);
        if (!isRefusalCode(code)) continue;
        for (const name of placeholders(text)) expect(refusalParamNames(code), `${language} ${code} {{${name}}}`).toContain(name);
      }
    }
  });

  it('renders every code with sample params and nothing of the template left', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const t = await translator(language);
      for (const code of REFUSAL_CODES) {
        const text = refusalText(t, { code, params: sampleParams(code) } as Parameters<typeof refusalText>[1]);
        expect(text, `${language} ${code}`).not.toMatch(/\{\{|\}\}|^refusal\./);
        for (const value of Object.values(sampleParams(code))) expect(text, `${language} ${code}`).toContain(String(value));
      }
    }
  });
});

describe('refusalText', () => {
  it('translates a code with its parameters in the UI language', async () => {
    expect(refusalText(await translator('zh-CN'), { code: 'password_too_short', params: { min: 8 } })).toBe('密码至少 8 位。');
    expect(refusalText(await translator('en'), { code: 'too_many_attempts', params: { seconds: 30 } })).toBe('Too many attempts. Wait 30 seconds and try again.');
    expect(refusalText(await translator('en'), { code: 'bad_credentials' })).toBe('Wrong username or password.');
  });

  it('names a code this build does not know (carried as unknown_refusal) instead of showing a raw English message', async () => {
    expect(refusalText(await translator('zh-CN'), { code: 'unknown_refusal', params: { code: 'disk_on_fire' } })).toContain('disk_on_fire');
  });

  it('says which account a look-alike username resembles', async () => {
    expect(refusalText(await translator('en'), { code: 'username_lookalike', params: { username: 'lisa' } })).toContain('“lisa”');
    expect(refusalText(await translator('zh-CN'), { code: 'name_control_char' })).toBe('名称中含有不可见字符或控制字符（常随复制粘贴带入），请重新输入。');
  });
});
