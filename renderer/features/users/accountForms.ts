/**
 * The account forms' values and how they become the contract's input. Each form schema is the contract's own
 * (or built from the same shared field schemas) with the confirmation made required and the password rules of
 * `shared/api/rules` applied, so a form refuses what main would refuse. Custom issues carry message keys
 * (`refusal.password_mismatch`) that the form translates.
 */
import { z } from 'zod';
import { apiContract } from '../../../shared/api/contract';
import { checkPassword } from '../../../shared/api/rules';
import { DisplayNameSchema, PasswordInputSchema, RoleSchema, type Role } from '../../../shared/api/schemas';

/** The shared password rules as an issue on the field they name. */
function passwordRules(form: { password: string; confirmPassword?: string }, ctx: z.RefinementCtx): void {
  const problem = checkPassword(form.password, form.confirmPassword);
  if (problem) ctx.addIssue({ code: 'custom', message: `refusal.${problem.code}`, path: [problem.path ?? 'password'] });
}

export interface AddAccountValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirmPassword: string;
}

export const EMPTY_ACCOUNT: AddAccountValues = { username: '', displayName: '', role: 'staff', password: '', confirmPassword: '' };

/** A blank display name means "same as the username" (main fills it in). */
export const addAccountInput = (values: AddAccountValues): unknown => ({ ...values, displayName: values.displayName.trim() || undefined });

export const AddAccountFormSchema = z.preprocess(
  addAccountInput,
  apiContract['users.create'].input.extend({ confirmPassword: PasswordInputSchema }).superRefine(passwordRules),
);

export interface EditAccountValues {
  displayName: string;
  role: Role;
}

export const EditAccountFormSchema = z.strictObject({ displayName: DisplayNameSchema, role: RoleSchema });

export interface NewPasswordValues {
  password: string;
  confirmPassword: string;
}

export const NEW_PASSWORD: NewPasswordValues = { password: '', confirmPassword: '' };

export const NewPasswordFormSchema = z.strictObject({ password: PasswordInputSchema, confirmPassword: PasswordInputSchema }).superRefine(passwordRules);

export interface OwnPasswordValues extends NewPasswordValues {
  currentPassword: string;
}

export const OWN_PASSWORD: OwnPasswordValues = { currentPassword: '', ...NEW_PASSWORD };

export const OwnPasswordFormSchema = apiContract['users.changeOwnPassword'].input
  .extend({ currentPassword: PasswordInputSchema.min(1), confirmPassword: PasswordInputSchema })
  .superRefine(passwordRules);
