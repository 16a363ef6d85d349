import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWith } from './result';

describe('parseWith', () => {
  const schema = z.object({ grades: z.array(z.object({ hours: z.number().positive() })) });

  it('passes valid input through', () => {
    expect(parseWith(schema, { grades: [{ hours: 2 }] })).toEqual({ ok: true, value: { grades: [{ hours: 2 }] } });
  });

  it('refuses with the path of the bad field', () => {
    const result = parseWith(schema, { grades: [{ hours: 2 }, { hours: -1 }] }, 'bad_policy');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_policy');
      expect(result.error.path).toBe('grades.1.hours');
      expect(result.error.message).toMatch(/^grades\.1\.hours: /);
    }
  });
});
