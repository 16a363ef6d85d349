import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchCodeSchema } from '../brand';
import { compareComplaintNumbers, formatComplaintNumber, localDateKey, parseComplaintNumber } from './numbering';

const SH01 = BranchCodeSchema.parse('SH01');

describe('complaint numbers', () => {
  it('read BRANCH-YYYYMMDD-NNNN with a four-digit daily sequence', () => {
    expect(formatComplaintNumber(SH01, '20261123', 1)).toBe('SH01-20261123-0001');
    expect(formatComplaintNumber(SH01, '20261123', 9999)).toBe('SH01-20261123-9999');
  });

  it('grow a fifth digit on a day with more than 9999 complaints instead of wrapping', () => {
    expect(formatComplaintNumber(SH01, '20261123', 10_000)).toBe('SH01-20261123-10000');
    expect(parseComplaintNumber('SH01-20261123-10000')).toEqual({ ok: true, value: { branch: 'SH01', localDate: '20261123', seq: 10_000 } });
  });

  it.each(['', 'SH01-20261123-001', 'sh01-20261123-0001', 'SH01-20261131-0001', 'SH01-20261123-0000', 'SH01-20261123-00001', 'SH01_20261123_0001'])(
    'refuse %j as a complaint number',
    (text) => {
      expect(parseComplaintNumber(text)).toMatchObject({ ok: false, error: { code: 'invalid_complaint_number' } });
    },
  );

  it('refuse to be formatted from an impossible date or sequence', () => {
    expect(() => formatComplaintNumber(SH01, '20260230', 1)).toThrow(RangeError);
    expect(() => formatComplaintNumber(SH01, '20261123', 0)).toThrow(RangeError);
  });

  const branch = fc.stringMatching(/^[A-Z0-9]{2,8}$/).map((b) => BranchCodeSchema.parse(b));
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const seq = fc.integer({ min: 1, max: 200_000 });

  it('parse back to what they were formatted from', () => {
    fc.assert(
      fc.property(branch, day, seq, (b, d, s) => {
        expect(parseComplaintNumber(formatComplaintNumber(b, d, s))).toEqual({ ok: true, value: { branch: b, localDate: d, seq: s } });
      }),
    );
  });

  it('are unique across branches, days and sequences, and order like them', () => {
    const part = fc.record({ branch, localDate: day, seq });
    fc.assert(
      fc.property(part, part, (a, b) => {
        const [na, nb] = [formatComplaintNumber(a.branch, a.localDate, a.seq), formatComplaintNumber(b.branch, b.localDate, b.seq)];
        const same = a.branch === b.branch && a.localDate === b.localDate && a.seq === b.seq;
        expect(na === nb).toBe(same);
        const [pa, pb] = [parseComplaintNumber(na), parseComplaintNumber(nb)];
        if (!pa.ok || !pb.ok) throw new Error('unparseable');
        expect(Math.sign(compareComplaintNumbers(pa.value, pb.value))).toBe(Math.sign(compareComplaintNumbers(a, b)));
      }),
    );
  });

  it('increase with the daily sequence', () => {
    fc.assert(
      fc.property(day, seq, seq, (d, s1, s2) => {
        const [a, b] = [parseComplaintNumber(formatComplaintNumber(SH01, d, s1)), parseComplaintNumber(formatComplaintNumber(SH01, d, s2))];
        if (!a.ok || !b.ok) throw new Error('unparseable');
        expect(Math.sign(compareComplaintNumbers(a.value, b.value))).toBe(Math.sign(s1 - s2));
      }),
    );
  });
});

describe('localDateKey', () => {
  it('uses the branch’s calendar day, not UTC’s', () => {
    // 23:30 UTC on the 22nd is 07:30 on the 23rd in Shanghai.
    expect(localDateKey('2026-11-22T23:30:00.000Z', 'Asia/Shanghai')).toBe('20261123');
    expect(localDateKey('2026-11-22T15:59:59.999Z', 'Asia/Shanghai')).toBe('20261122');
    expect(localDateKey('2026-11-22T16:00:00.000Z', 'Asia/Shanghai')).toBe('20261123');
    expect(localDateKey('2026-11-23T04:00:00.000Z', 'America/New_York')).toBe('20261122');
  });

  it('follows daylight-saving changes', () => {
    // Europe/Berlin is UTC+2 in summer: 22:30 UTC on 30 June is already 1 July.
    expect(localDateKey('2026-06-30T22:30:00.000Z', 'Europe/Berlin')).toBe('20260701');
    expect(localDateKey('2026-12-31T22:30:00.000Z', 'Europe/Berlin')).toBe('20261231');
  });

  it('matches Intl for any instant', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(localDateKey(date.toISOString(), 'Asia/Shanghai')).toBe(format.format(date).replaceAll('-', ''));
      }),
    );
  });
});
