import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';
import { refusalText } from './refusal';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('refusalText', () => {
  it('translates a known code with its parameters in the UI language', async () => {
    expect(refusalText(await translator('zh-CN'), { code: 'password_too_short', params: { min: 8 } })).toBe('密码至少 8 位。');
    expect(refusalText(await translator('en'), { code: 'bad_credentials' })).toBe('Wrong username or password.');
  });

  it('names an unknown code instead of showing a raw English message', async () => {
    expect(refusalText(await translator('zh-CN'), { code: 'disk_on_fire' })).toBe('操作被拒绝（disk_on_fire）。');
  });

  it('translates every refusal the account services give, in both languages', async () => {
    const codes = ['account_disabled', 'unknown_user', 'last_admin', 'cannot_deactivate_self', 'wrong_current_password', 'reset_own_password', 'username_taken', 'not_allowed'];
    for (const language of ['zh-CN', 'en'] as const) {
      const t = await translator(language);
      for (const code of codes) expect(refusalText(t, { code }), `${language} ${code}`).not.toBe(t('refusal.unknown', { code }));
    }
    expect(refusalText(await translator('zh-CN'), { code: 'last_admin' })).toContain('最后一个在用的管理员');
  });
  it('translates the refusals of names and of a too complex request, in both languages', async () => {
    const codes = ['username_mixed_script', 'username_lookalike', 'name_control_char', 'payload_too_complex', 'too_many_attempts'];
    for (const language of ['zh-CN', 'en'] as const) {
      const t = await translator(language);
      for (const code of codes) expect(refusalText(t, { code }), `${language} ${code}`).not.toBe(t('refusal.unknown', { code }));
    }
    // The account forms show a field's refusal without its params: no sentence may depend on them.
    expect(refusalText(await translator('en'), { code: 'username_lookalike' })).not.toContain('{{');
    expect(refusalText(await translator('zh-CN'), { code: 'name_control_char' })).toBe('名称中含有不可见字符或控制字符（常随复制粘贴带入），请重新输入。');
  });
});
