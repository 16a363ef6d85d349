import { describe, expect, it } from 'vitest';
import { confusableSkeleton, findUnsafeChar, isMixedScript, usernameKey } from './names';

describe('findUnsafeChar', () => {
  it('finds each kind of invisible, control and bidi character, named by code point', () => {
    const cases: [string, string][] = [
      ['\u0000', 'U+0000'],
      ['\n', 'U+000A'],
      ['\u007f', 'U+007F'],
      ['\u0085', 'U+0085'],
      ['\u009f', 'U+009F'],
      ['\u200b', 'U+200B'],
      ['\u200f', 'U+200F'],
      ['\u202a', 'U+202A'],
      ['\u202e', 'U+202E'],
      ['\u2066', 'U+2066'],
      ['\u2069', 'U+2069'],
      ['\ufeff', 'U+FEFF'],
    ];
    for (const [char, name] of cases) expect(findUnsafeChar(`李${char}娜`), name).toBe(name);
  });

  it('lets ordinary names through, Chinese, accented and with spaces or punctuation', () => {
    for (const name of ['李娜', '张经理（夜班）', 'José Müller', "O'Brien-Smith", '朝阳门店 2 号', 'Ａ座']) expect(findUnsafeChar(name), name).toBeUndefined();
  });
});

describe('usernameKey', () => {
  it('folds full-width and case, so what an IME types matches the account', () => {
    expect(usernameKey('ＡＤＭＩＮ')).toBe('admin');
    expect(usernameKey(' Li.Na ')).toBe('li.na');
    expect(usernameKey('李娜')).toBe('李娜');
  });
});

describe('isMixedScript', () => {
  it('refuses Latin mixed with a Cyrillic or Greek look-alike', () => {
    expect(isMixedScript('\u0430dmin')).toBe(true); // Cyrillic а
    expect(isMixedScript('adm\u03b9n')).toBe(true); // Greek ι
    expect(isMixedScript('ivan\u043e\u0432')).toBe(true);
  });

  it('allows one script, and Latin with Chinese or Japanese', () => {
    for (const name of ['admin', 'li.na_2', '李娜', 'иван', 'li娜', '王5', 'ｌｉｎａ', 'たなか.太郎']) expect(isMixedScript(name), name).toBe(false);
  });
});

describe('confusableSkeleton', () => {
  it('gives names a reader cannot tell apart the same skeleton', () => {
    const admin = confusableSkeleton('admin');
    expect(confusableSkeleton('\u0430\u0434\u043c\u0456\u043f')).not.toBe(admin); // "адміп" reads differently
    expect(confusableSkeleton('\u0430dm\u0456n')).toBe(admin); // Cyrillic а and і
    expect(confusableSkeleton('adrnin')).toBe(admin);
    expect(confusableSkeleton('Ii.na')).toBe(confusableSkeleton('li.na'));
    expect(confusableSkeleton('b0b')).toBe(confusableSkeleton('bob'));
    expect(confusableSkeleton('\u0441\u0435\u0440')).toBe(confusableSkeleton('cep')); // all-Cyrillic "сер"
  });

  it('keeps names that merely share letters apart', () => {
    expect(confusableSkeleton('li.na')).not.toBe(confusableSkeleton('lina'));
    expect(confusableSkeleton('wang')).not.toBe(confusableSkeleton('wong'));
    expect(confusableSkeleton('李娜')).not.toBe(confusableSkeleton('李那'));
  });
});
