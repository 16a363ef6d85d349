/**
 * Password rules, shared so the form can say the same thing main enforces. Each broken rule has its own
 * stable code, so the UI can translate it (e.g. `password_too_short` with `{ min: 8 }`).
 */
import type { Refusal } from '../result';

export const PASSWORD_MIN_LENGTH = 8;

export function checkPassword(password: string, confirmPassword?: string): Refusal | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return {
      code: 'password_too_short',
      message: `password: at least ${PASSWORD_MIN_LENGTH} characters`,
      path: 'password',
      params: { min: PASSWORD_MIN_LENGTH },
    };
  }
  if (password.trim() === '') {
    return { code: 'password_blank', message: 'password: must not be only spaces', path: 'password' };
  }
  if (confirmPassword !== undefined && confirmPassword !== password) {
    return { code: 'password_mismatch', message: 'confirmPassword: does not match the password', path: 'confirmPassword' };
  }
  return undefined;
}
