import { describe, expect, it } from 'vitest';
import { formatDateTimeText, parseDateTimeText } from './dateTimeText';

const ZONE = 'Asia/Shanghai';
const NOW = Date.parse('2026-11-23T06:00:00.000Z'); // 14:00 in Shanghai

describe('date-times typed as text', () => {
  it('shows an instant as the branch-local 2026-11-23 14:05', () => {
    expect(formatDateTimeText(Date.parse('2026-11-23T06:05:00.000Z'), ZONE)).toBe('2026-11-23 14:05');
    expect(formatDateTimeText(Date.parse('2026-12-31T16:00:00.000Z'), ZONE)).toBe('2027-01-01 00:00');
  });

  it.each([
    ['2026-11-23 14:05'],
    ['2026-11-23T14:05'],
    ['2026/11/23 14:05'],
    ['2026.11.23 14:05'],
    ['2026-11-23  14:05 '],
    ['２０２６－１１－２３ １４：０５'],
    ['2026年11月23日 14:05'],
    ['2026年11月23日14时05分'],
  ])('reads %j as 14:05 on 23 November in the branch zone', (typed) => {
    expect(parseDateTimeText(typed, ZONE, NOW)).toBe('2026-11-23T06:05:00.000Z');
  });

  it('takes single-digit months, days and hours', () => {
    expect(parseDateTimeText('2026-1-2 9:05', ZONE, NOW)).toBe('2026-01-02T01:05:00.000Z');
  });

  it('reads a time alone as today in the branch zone', () => {
    expect(parseDateTimeText('9:30', ZONE, NOW)).toBe('2026-11-23T01:30:00.000Z');
    // 23:30 UTC on the 22nd is already the 23rd in Shanghai.
    expect(parseDateTimeText('07:00', ZONE, Date.parse('2026-11-22T23:30:00.000Z'))).toBe('2026-11-22T23:00:00.000Z');
  });

  it.each([[''], ['   '], ['2026-02-30 10:00'], ['2026-11-23 24:00'], ['2026-11-23 14:60'], ['2026-13-01 10:00'], ['2026-11-23'], ['14'], ['yesterday'], ['0999-01-01 10:00']])(
    'refuses %j',
    (typed) => {
      expect(parseDateTimeText(typed, ZONE, NOW)).toBeUndefined();
    },
  );
});
