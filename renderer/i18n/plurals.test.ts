import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';

async function translator(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: language, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** Every message path of `messages` with its text. */
function messagesOf(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : typeof value === 'object' && value !== null ? messagesOf(value, `${prefix}${key}.`) : [],
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)(?:, \w+)?}}/g)].map((match) => match[1]).sort();

describe('counted messages in English', () => {
  it('say one complaint, not "1 complaints", and count the rest in the plural', async () => {
    const t = await translator('en');
    expect(t('registerList.count', { count: 1 })).toBe('1 complaint');
    expect(t('registerList.count', { count: 2 })).toBe('2 complaints');
    expect(t('registerList.count', { count: 0 })).toBe('0 complaints');
    expect(t('correctiveActions.count', { count: 1 })).toBe('1 corrective action');
  });

  it('count a chart’s bar in the plural with thousands separated, and one in the singular', async () => {
    const t = await translator('en');
    expect(t('dashboard.tooltipCount', { count: 1 })).toBe('1 complaint');
    expect(t('dashboard.tooltipCount', { count: 12345 })).toBe('12,345 complaints');
    expect((await translator('zh-CN'))('dashboard.tooltipCount', { count: 12345 })).toBe('12,345 件');
  });

  it('leave Chinese, which has no plural, with its one form', async () => {
    const t = await translator('zh-CN');
    expect(t('registerList.count', { count: 1 })).toBe('共 1 件');
    expect(t('registerList.count', { count: 2 })).toBe('共 2 件');
  });

  it('give every singular a plural message beside it, with the same placeholders and a count', () => {
    const texts = new Map(messagesOf(en));
    const singulars = [...texts].filter(([path]) => path.endsWith('_one'));
    expect(singulars.length).toBeGreaterThan(10);
    for (const [path, singular] of singulars) {
      const plural = texts.get(path.slice(0, -'_one'.length));
      expect(plural, path).toBeDefined();
      expect(placeholders(singular), path).toEqual(placeholders(plural ?? ''));
      expect(placeholders(singular), path).toContain('count');
    }
  });
});
