import { zodResolver } from '@hookform/resolvers/zod';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { FormProvider, get, useForm, useFormContext, type DefaultValues, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/rules';
import { RoleSchema } from '../../../shared/api/schemas';
import type { Refusal, Result } from '../../../shared/result';
import { refusalText } from '../../i18n/refusal';
import { Field, fieldAria } from '../../ui/Field';
import { fieldErrorText, formErrorMap, isBlank, refusalFieldError } from '../../ui/fieldError';
import { submitOnCtrlEnter } from '../../ui/submitOnCtrlEnter';

/** Control ids of one form: the page and a dialog may both hold a "password" field. */
const IdPrefix = createContext('account');

interface AccountFormProps<V extends FieldValues, I> {
  /** Prefix of the control ids (`${idPrefix}-${name}`), unique on the page. */
  idPrefix: string;
  schema: z.ZodType<I, V>;
  defaultValues: DefaultValues<V>;
  submit: (input: I) => Promise<Result<unknown>>;
  /** Called once main has saved the change; not on a refusal. */
  onSaved: (input: I) => void;
  submitLabel: string;
  /** Empty the form after a save (it stays on the page instead of closing with a dialog). */
  resetOnSave?: boolean;
  children: ReactNode;
}

/**
 * One account form: validates with its schema, calls main, and on a refusal stays as it is with main's reason
 * translated — on the field it names, else in a banner. Enter in a field or Ctrl+Enter anywhere submits.
 */
export function AccountForm<V extends FieldValues, I>({ idPrefix, schema, defaultValues, submit, onSaved, submitLabel, resetOnSave, children }: AccountFormProps<V, I>) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal>();
  const form = useForm<V, unknown, I>({ resolver: zodResolver(schema, { error: formErrorMap }), defaultValues, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { handleSubmit, setError, getValues, reset, formState } = form;

  const onValid = async (input: I) => {
    setRefusal(undefined);
    const result = await submit(input);
    if (result.ok) {
      if (resetOnSave) reset();
      onSaved(input);
      return;
    }
    const field = result.error.path?.split('.')[0];
    if (field && field in getValues()) setError(field as Path<V>, refusalFieldError(result.error), { shouldFocus: true });
    else setRefusal(result.error);
  };

  return (
    <IdPrefix.Provider value={idPrefix}>
      <FormProvider {...form}>
        <form className="account-form" noValidate onSubmit={handleSubmit(onValid)} onKeyDown={submitOnCtrlEnter}>
          {children}
          {refusal && (
            <div className="banner banner-error" role="alert">
              {refusalText(t, refusal)}
            </div>
          )}
          <div className="account-form-actions">
            <span className="muted">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </span>
            <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('actions.saving') : submitLabel}
            </button>
          </div>
        </form>
      </FormProvider>
    </IdPrefix.Provider>
  );
}

/** The translated error of a field in the surrounding account form ("required" when it is empty). */
function useAccountFieldError(name: string, fallbackKey?: string): string | undefined {
  const { t } = useTranslation();
  const { formState, getValues } = useFormContext();
  const value: unknown = getValues(name);
  // Length limits come with their own numbers (formErrorMap); the password's minimum is the one fallback that needs one.
  return fieldErrorText(t, get(formState.errors, name) as FieldError | undefined, { empty: isBlank(value), fallbackKey, params: { min: PASSWORD_MIN_LENGTH } });
}

interface TextInputProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  fallbackKey?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
}

export function TextInput({ name, label, required, hint, fallbackKey, type = 'text', autoComplete = 'off' }: TextInputProps) {
  const { register } = useFormContext();
  const error = useAccountFieldError(name, fallbackKey);
  const id = `${useContext(IdPrefix)}-${name}`;
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      <input type={type} autoComplete={autoComplete} spellCheck={false} {...register(name)} {...fieldAria(id, error, hint)} />
    </Field>
  );
}

/** A new password and its confirmation, with the minimum length as the hint. */
export function NewPasswordInputs({ label, confirmLabel }: { label: string; confirmLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput name="password" type="password" autoComplete="new-password" label={label} required hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })} />
      <TextInput name="confirmPassword" type="password" autoComplete="new-password" label={confirmLabel} required />
    </>
  );
}

export function RoleSelect() {
  const { t } = useTranslation();
  const { register } = useFormContext();
  const error = useAccountFieldError('role');
  const id = `${useContext(IdPrefix)}-role`;
  return (
    <Field id={id} label={t('users.role')} required error={error}>
      <select {...register('role')} {...fieldAria(id, error)}>
        {RoleSchema.options.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
