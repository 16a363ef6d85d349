import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantMs, isoOf } from './instant';

describe('isoOf', () => {
  it('writes exactly what toISOString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(-1000, 0, 1), max: Date.UTC(12000, 0, 1) }), (ms) => {
        expect(isoOf(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const ms of [0, -1, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), 1.5]) expect(isoOf(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('instantMs', () => {
  it('reads every canonical ISO instant exactly as Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(instantMs(isoOf(ms))).toBe(ms);
        expect(instantMs(isoOf(ms))).toBe(Date.parse(isoOf(ms)));
      }),
      { numRuns: 2000 },
    );
    // Years 0–99 are not 1900–1999 (as Date.UTC would read them).
    for (const iso of ['0000-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z', '2000-02-29T00:00:00.000Z', '2100-03-01T00:00:00.000Z']) {
      expect(instantMs(iso)).toBe(Date.parse(iso));
    }
  });

  it('falls back to Date.parse for other ISO forms', () => {
    expect(instantMs('2026-11-23T09:00:00+08:00')).toBe(Date.parse('2026-11-23T01:00:00Z'));
  });

  it.each(['2026-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-11-23T24:00:00.000Z', '20/6-11-23T06:00:00.000Z', '2026-11-23T06:00:00.0a0Z', '2026-11-00T06:00:00.000Z', '2026-11-23 06:00:00.000Z', 'not a date'])(
    'gives NaN for %s',
    (text) => {
      expect(instantMs(text)).toBeNaN();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(isoOf(instantMs('2028-02-29T12:00:00.000Z'))).toBe('2028-02-29T12:00:00.000Z');
  });
});
