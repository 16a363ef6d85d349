import { z } from 'zod';
import { apiContract } from '../../../shared/api/contract';
import { checkPassword } from '../../../shared/api/rules';

/**
 * The first-run form is the contract's `setup.createBranch` input with the confirmation made required and the
 * password rules of `shared/api/rules` applied, so the form refuses exactly what main would refuse.
 * Custom issues carry message keys (`refusal.password_mismatch`); the form translates them.
 */
export const FirstRunFormSchema = apiContract['setup.createBranch'].input
  .omit({ adminDisplayName: true })
  .extend({ confirmPassword: z.string() })
  .superRefine((form, ctx) => {
    const problem = checkPassword(form.password, form.confirmPassword);
    if (problem) ctx.addIssue({ code: 'custom', message: `refusal.${problem.code}`, path: [problem.path ?? 'password'] });
  });

export type FirstRunFormInput = z.input<typeof FirstRunFormSchema>;
export type FirstRunForm = z.output<typeof FirstRunFormSchema>;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Zones the runtime knows, with the branch default first; a runtime without the list offers the default. */
export function timeZoneChoices(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [DEFAULT_TIME_ZONE, ...known.filter((zone) => zone !== DEFAULT_TIME_ZONE)];
}
