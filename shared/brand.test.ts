import { describe, expect, it } from 'vitest';
import { BranchCodeSchema } from './brand';

describe('branch code', () => {
  it('accepts short capital codes and refuses anything else', () => {
    expect(BranchCodeSchema.parse('SH01')).toBe('SH01');
    expect(BranchCodeSchema.safeParse('sh01').success).toBe(false);
    expect(BranchCodeSchema.safeParse('SH-01').success).toBe(false);
    expect(BranchCodeSchema.safeParse('').success).toBe(false);
  });
});
