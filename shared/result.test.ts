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
    const result = parseWith(schema, { grades: [{ hours: 2 }, { hours: -1 }] }, 'invalid_policy');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_policy');
      expect(result.error.path).toBe('grades.1.hours');
      expect(result.error.message).toMatch(/^grades\.1\.hours: /);
    }
  });
});

describe('parseWith and a rule with its own refusal code', () => {
  const schema = z.object({
    name: z.string().superRefine((name, ctx) => {
      if (name.includes('\u202e')) addRefusalIssue(ctx, 'name_control_char', 'contains U+202E');
    }),
  });

  it('refuses with that code and the path instead of the generic code', () => {
    expect(parseWith(schema, { name: 'a\u202eb' })).toEqual({
      ok: false,
      error: { code: 'name_control_char', message: 'name: contains U+202E', path: 'name' },
    });
  });

  it('keeps the generic code when the issue names a code (or params) outside the catalogue', () => {
    const rogue = z.string().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'x', params: { refusal: 'disk_on_fire', detail: 'hot' } }));
    expect(parseWith(rogue, 'a')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const wrongParams = z.string().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'x', params: { refusal: 'password_too_short', detail: 'short', values: { min: 'eight' } } }));
    expect(parseWith(wrongParams, 'a')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps the generic code for every other problem', () => {
    expect(parseWith(schema, { name: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'name' } });
  });
});
