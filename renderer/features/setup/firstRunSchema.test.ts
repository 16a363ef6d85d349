import { describe, expect, it } from 'vitest';
import { FirstRunFormSchema } from './firstRunSchema';

const valid = {
  branchCode: 'SH01',
  branchName: '上海徐汇店',
  timeZone: 'Asia/Shanghai',
  adminUsername: 'admin',
  password: 'correct horse',
  confirmPassword: 'correct horse',
};

const problems = (input: unknown) => {
  const parsed = FirstRunFormSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('first-run form', () => {
  it('accepts a complete branch and admin account', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('refuses a lower-case branch code (the complaint number needs capitals)', () => {
    expect(problems({ ...valid, branchCode: 'sh01' }).map((p) => p.path)).toContain('branchCode');
  });

  it('refuses a confirmation that differs, with a translatable key on the confirmation field', () => {
    expect(problems({ ...valid, confirmPassword: 'correct horsf' })).toEqual([{ path: 'confirmPassword', message: 'refusal.password_mismatch' }]);
  });

  it('refuses a short password with the shared rule', () => {
    expect(problems({ ...valid, password: 'short', confirmPassword: 'short' })).toEqual([{ path: 'password', message: 'refusal.password_too_short' }]);
  });
});
