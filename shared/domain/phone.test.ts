import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComplainantSchema } from './event-payloads';
import { ChinesePhoneSchema, isChinesePhoneNumber } from './phone';

describe('isChinesePhoneNumber', () => {
  it.each(['13812345678', '138 1234 5678', '+86 13812345678', '8613912345678', '021-12345678', '0755 1234567', '(010)12345678', '010-12345678-123'])(
    'accepts %s',
    (text) => expect(isChinesePhoneNumber(text)).toBe(true),
  );

  it.each(['12812345678', '1381234567', '138123456789', '12345678', '21-12345678', 'abc', '', '13812345678x'])('refuses %s', (text) =>
    expect(isChinesePhoneNumber(text)).toBe(false),
  );

  it('accepts only numbers the stored complainant schema also reads, so a registered number never makes its event unreadable', () => {
    const typed = fc.oneof(
      fc.stringMatching(/^(?:\+?86[\s-]?)?1[3-9]\d{9}$/),
      fc.stringMatching(/^(?:\+?86[\s-]?)?\(?0\d{2,3}\)?[\s-]?\d{7,8}(?:[\s-]\d{1,6})?$/),
    );
    fc.assert(
      fc.property(typed, (phone) => {
        const parsed = ChinesePhoneSchema.safeParse(phone);
        if (parsed.success) expect(ComplainantSchema.safeParse({ phone: parsed.data }).success).toBe(true);
      }),
    );
  });
});
