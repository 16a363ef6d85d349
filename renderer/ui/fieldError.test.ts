import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TFunction } from 'i18next';
import { fieldErrorText, formErrorMap, isBlank, issueMessage, messageWithParams, parseMessage } from './fieldError';

/** A stand-in for i18next: the key and its values, so a test sees exactly what reaches the screen. */
const t = ((key: string, params?: Record<string, unknown>) => `${key}${params && Object.keys(params).length ? JSON.stringify(params) : ''}`) as unknown as TFunction;

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a problem');
  return parsed.error.issues[0]!;
};

describe('field errors state the rule', () => {
  it('carries a length limit with its number', () => {
    expect(issueMessage(firstIssue(z.string().max(64), 'x'.repeat(65)))).toBe('validation.tooLong|{"max":64}');
    expect(issueMessage(firstIssue(z.string().min(2), 'x'))).toBe('validation.tooShort|{"min":2}');
    expect(issueMessage(firstIssue(z.string().trim().min(1), '   '))).toBe('validation.required');
    expect(issueMessage(firstIssue(z.number().max(10), 11))).toBe('validation.numberMax|{"max":10}');
    expect(issueMessage(firstIssue(z.number().nonnegative(), -1))).toBe('validation.numberMin|{"min":0}');
    expect(issueMessage(firstIssue(z.array(z.string()).min(1), []))).toBe('validation.required');
    expect(issueMessage(firstIssue(z.string().regex(/^a$/), 'b'))).toBeUndefined();
  });

  it('reaches the screen with the number filled in, never as {{max}}', () => {
    const message = messageWithParams('validation.tooLong', { max: 64 });
    expect(parseMessage(message)).toEqual({ key: 'validation.tooLong', params: { max: 64 } });
    expect(fieldErrorText(t, { type: 'custom', message })).toBe('validation.tooLong{"max":64}');
    expect(parseMessage('Too big: expected string to have <=64 characters')).toBeUndefined();
  });

  it('works as the error map of a form resolver', () => {
    const parsed = z.object({ displayName: z.string().trim().min(1).max(64) }).safeParse({ displayName: 'x'.repeat(70) }, { error: formErrorMap });
    expect(parsed.success ? undefined : parsed.error.issues[0]?.message).toBe('validation.tooLong|{"max":64}');
  });

  it('gives the fallback its values, and calls a spaces-only field required', () => {
    expect(fieldErrorText(t, { type: 'custom', message: 'English text' }, { fallbackKey: 'validation.tooLong', params: { max: 80 } })).toBe('validation.tooLong{"max":80}');
    expect(isBlank('   ')).toBe(true);
    expect(isBlank(' a ')).toBe(false);
    expect(fieldErrorText(t, { type: 'too_small', message: 'English text' }, { empty: isBlank('  ') })).toBe('validation.required');
  });
});
