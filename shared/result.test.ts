import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addRefusalIssue } from './names';
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

describe('parseWith and a rule with its own refusal code', () => {
  const schema = z.object({
    name: z.string().superRefine((name, ctx) => {
      if (name.includes('\u202e')) addRefusalIssue(ctx, 'name_control_char', 'contains U+202E', { char: 'U+202E' });
    }),
  });

  it('refuses with that code, the path and its params instead of the generic code', () => {
    expect(parseWith(schema, { name: 'a\u202eb' })).toEqual({
      ok: false,
      error: { code: 'name_control_char', message: 'name: contains U+202E', path: 'name', params: { char: 'U+202E' } },
    });
  });

  it('keeps the generic code for every other problem', () => {
    expect(parseWith(schema, { name: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'name' } });
  });
});
