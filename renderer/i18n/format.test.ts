import { describe, expect, it } from 'vitest';
import { durationParts, formatDateTime, formatDay, toLocalInputValue } from './format';

describe('formatDateTime', () => {
  it('shows zh-CN dates as YYYY-MM-DD HH:mm in the branch time zone', () => {
    expect(formatDateTime('2026-11-23T06:05:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-11-23 14:05');
  });

  it('shows zh-TW dates the same way, as the date fields take them', () => {
    expect(formatDateTime('2026-11-23T06:05:00.000Z', 'zh-TW', 'Asia/Taipei')).toBe('2026-11-23 14:05');
    expect(formatDay('2026-11-23T06:05:00.000Z', 'zh-TW', 'Asia/Taipei')).toBe('2026-11-23');
  });

  it('uses a 24-hour English style with the month name', () => {
    const text = formatDateTime('2026-11-23T06:05:00.000Z', 'en', 'Asia/Shanghai');
    expect(text).toContain('Nov');
    expect(text).toContain('14:05');
  });

  it('shows nothing for a missing or broken instant instead of "Invalid Date"', () => {
    expect(formatDateTime(undefined, 'zh-CN', 'Asia/Shanghai')).toBe('');
    expect(formatDateTime('not a date', 'en', 'Asia/Shanghai')).toBe('');
  });
});

describe('toLocalInputValue', () => {
  it('gives the branch wall time for a datetime-local field', () => {
    expect(toLocalInputValue(Date.parse('2026-11-23T16:30:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-24T00:30');
  });
});

describe('durationParts', () => {
  it('keeps two units at most', () => {
    expect(durationParts(3 * 1440 + 125)).toEqual({ key: 'dh', values: { d: 3, h: 2 } });
    expect(durationParts(125)).toEqual({ key: 'hm', values: { h: 2, m: 5 } });
    expect(durationParts(120)).toEqual({ key: 'h', values: { count: 2 } });
    expect(durationParts(2 * 1440)).toEqual({ key: 'd', values: { count: 2 } });
    expect(durationParts(-5)).toEqual({ key: 'm', values: { count: 0 } });
  });
});

describe('formatDay', () => {
  it('gives the branch-local day, whatever the length of the day of the month', () => {
    expect(formatDay('2026-12-11T17:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-12-12');
    expect(formatDay('2026-12-11T17:00:00.000Z', 'en', 'Asia/Shanghai')).toBe('12 Dec 2026');
    expect(formatDay('not a date', 'en', 'Asia/Shanghai')).toBe('');
  });
});
