import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/policy';
import { majorFlagsFor, routesFor, suggestGrade } from './grading';
import { LevelSchema, MajorFlagSchema, SpreadSchema, type Level, type Spread } from './vocabulary';

// The whole matrix from SPEC §2 as the grading.ts header states it: [urgency, severity, spread, grade].
const MATRIX: [Level, Level, Spread, 1 | 2 | 3 | 4][] = [];
for (const spread of SpreadSchema.options) {
  const lowest = spread === 'individual' ? 4 : 3;
  MATRIX.push(
    ['high', 'high', spread, 1],
    ['high', 'medium', spread, 2],
    ['high', 'low', spread, 2],
    ['medium', 'high', spread, 3],
    ['medium', 'medium', spread, 3],
    ['medium', 'low', spread, 3],
    ['low', 'high', spread, 3],
    ['low', 'medium', spread, 3],
    ['low', 'low', spread, lowest],
  );
}

describe('suggestGrade', () => {
  it('covers every combination of urgency, severity and spread', () => {
    expect(MATRIX).toHaveLength(LevelSchema.options.length ** 2 * SpreadSchema.options.length);
  });

  it.each(MATRIX)('urgency %s, severity %s, spread %s → grade %i', (urgency, severity, spread, grade) => {
    expect(suggestGrade({ urgency, severity, spread, flags: [] })).toBe(grade);
  });

  it.each(MajorFlagSchema.options)('makes any complaint flagged %s grade 1', (flag) => {
    expect(suggestGrade({ urgency: 'low', severity: 'low', spread: 'individual', flags: [flag] })).toBe(1);
  });
});

describe('majorFlagsFor', () => {
  const threshold = DEFAULT_POLICY.registration.collectiveMajorThreshold;

  it('flags a collective complaint from the policy threshold of people on', () => {
    expect(threshold).toBe(5);
    expect(majorFlagsFor({ collective: { count: threshold - 1 } }, DEFAULT_POLICY)).toEqual([]);
    expect(majorFlagsFor({ collective: { count: threshold } }, DEFAULT_POLICY)).toEqual(['collective']);
    const strict = { ...DEFAULT_POLICY, registration: { ...DEFAULT_POLICY.registration, collectiveMajorThreshold: 10 } };
    expect(majorFlagsFor({ collective: { count: 5 } }, strict)).toEqual([]);
  });

  it('flags a repeat complaint on the same matter', () => {
    expect(majorFlagsFor({ repeatOf: 'SH01-20261101-0003' }, DEFAULT_POLICY)).toEqual(['repeat']);
    expect(majorFlagsFor({}, DEFAULT_POLICY)).toEqual([]);
  });
});

describe('routesFor', () => {
  it('sends media exposure to PR and legal disputes to the legal function only', () => {
    expect(routesFor(['media', 'legal', 'injury_or_major_loss'])).toEqual(['pr', 'legal']);
    expect(routesFor(['collective', 'regulator'])).toEqual([]);
  });
});
