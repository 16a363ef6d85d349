import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../shared/api/contract';
import { AddAccountFormSchema, EditAccountFormSchema, EMPTY_ACCOUNT, NewPasswordFormSchema, OwnPasswordFormSchema, OWN_PASSWORD } from './accountForms';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);

const NEW_STAFF = { ...EMPTY_ACCOUNT, username: 'li.na', displayName: '李娜', password: 'counter-one', confirmPassword: 'counter-one' };

describe('add account form', () => {
  it('gives main exactly the users.create input, a blank display name left to main', () => {
    const parsed = AddAccountFormSchema.parse({ ...NEW_STAFF, displayName: '   ' });
    expect(parsed).toEqual({ username: 'li.na', displayName: undefined, role: 'staff', password: 'counter-one', confirmPassword: 'counter-one' });
    expect(apiContract['users.create'].input.safeParse(parsed).success).toBe(true);
  });

  it('refuses a confirmation that does not match, on the confirmation, with a message key', () => {
    expect(issues(AddAccountFormSchema.safeParse({ ...NEW_STAFF, confirmPassword: 'counter-two' }))).toEqual([['confirmPassword', 'refusal.password_mismatch']]);
  });

  it('refuses a short password and a username main would refuse, on their fields', () => {
    expect(issues(AddAccountFormSchema.safeParse({ ...NEW_STAFF, password: 'short', confirmPassword: 'short' }))).toEqual([['password', 'refusal.password_too_short']]);
    expect(issues(AddAccountFormSchema.safeParse({ ...NEW_STAFF, username: 'li na' })).map(([path]) => path)).toEqual(['username']);
  });
});

describe('edit, reset and own-password forms', () => {
  it('requires a display name when editing', () => {
    expect(EditAccountFormSchema.safeParse({ displayName: '  ', role: 'staff' }).success).toBe(false);
    expect(EditAccountFormSchema.parse({ displayName: ' 李娜 ', role: 'supervisor' })).toEqual({ displayName: '李娜', role: 'supervisor' });
  });

  it('applies the password rules to a reset', () => {
    expect(issues(NewPasswordFormSchema.safeParse({ password: 'counter-one', confirmPassword: 'counter-0ne' }))).toEqual([['confirmPassword', 'refusal.password_mismatch']]);
    expect(NewPasswordFormSchema.safeParse({ password: 'counter-one', confirmPassword: 'counter-one' }).success).toBe(true);
  });

  it('requires the current password before the new one is checked', () => {
    expect(issues(OwnPasswordFormSchema.safeParse({ ...OWN_PASSWORD, password: 'brand-new-1', confirmPassword: 'brand-new-1' })).map(([path]) => path)).toEqual(['currentPassword']);
    const valid = OwnPasswordFormSchema.parse({ currentPassword: 'counter-one', password: 'brand-new-1', confirmPassword: 'brand-new-1' });
    expect(apiContract['users.changeOwnPassword'].input.safeParse(valid).success).toBe(true);
  });
});
