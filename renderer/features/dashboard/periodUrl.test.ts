import { describe, expect, it } from 'vitest';
import { choiceFromHash, hashOf } from './periodUrl';

describe('the dashboard period in the URL', () => {
  it('reads back what it wrote', () => {
    const quarter = { kind: 'quarter', anchor: '2026-08-15', compare: 'last_year' } as const;
    expect(choiceFromHash(hashOf(quarter), '2026-12-01')).toEqual(quarter);
    const custom = { kind: 'custom', anchor: '2026-12-01', compare: 'previous', from: '2026-11-03', to: '2026-11-20' } as const;
    expect(hashOf(custom)).toBe('#/dashboard?kind=custom&anchor=2026-12-01&compare=previous&from=2026-11-03&to=2026-11-20');
    expect(choiceFromHash(hashOf(custom), '2026-12-01')).toEqual(custom);
  });

  it('opens this month against the previous one when the URL says nothing, or nothing it can trust', () => {
    const fallback = { kind: 'month', anchor: '2026-12-01', compare: 'previous' };
    expect(choiceFromHash('#/dashboard', '2026-12-01')).toEqual(fallback);
    expect(choiceFromHash('#/dashboard?kind=decade&anchor=2026-13-45', '2026-12-01')).toEqual(fallback);
    expect(choiceFromHash('#/dashboard?kind=year', '2026-12-01')).toEqual({ ...fallback, kind: 'year' });
  });
});
