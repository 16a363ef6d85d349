import { describe, expect, it } from 'vitest';
import { isChinesePhoneNumber } from './phone';

describe('isChinesePhoneNumber', () => {
  it.each(['13812345678', '138 1234 5678', '+86 13812345678', '8613912345678', '021-12345678', '0755 1234567', '(010)12345678', '010-12345678-123'])(
    'accepts %s',
    (text) => expect(isChinesePhoneNumber(text)).toBe(true),
  );

  it.each(['12812345678', '1381234567', '138123456789', '12345678', '21-12345678', 'abc', '', '13812345678x'])('refuses %s', (text) =>
    expect(isChinesePhoneNumber(text)).toBe(false),
  );
});
