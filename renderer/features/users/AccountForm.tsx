import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { FormProvider, useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/rules';
import { RoleSchema } from '../../../shared/api/schemas';
import type { Refusal, Result } from '../../../shared/result';
import { formErrorMap } from '../../ui/fieldError';
import { FormIdPrefix, SelectInput, TextInput, refusalOnField } from '../../ui/formKit';
import { submitOnCtrlEnter } from '../../ui/submitOnCtrlEnter';
import { RefusalBanner } from '../../ui/RefusalBanner';

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
    setRefusal(refusalOnField({ setError, getValues }, result.error));
  };

  return (
    <FormIdPrefix.Provider value={idPrefix}>
      <FormProvider {...form}>
        <form className="account-form" noValidate onSubmit={handleSubmit(onValid)} onKeyDown={submitOnCtrlEnter}>
          {children}
          <RefusalBanner refusal={refusal} />
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
    </FormIdPrefix.Provider>
  );
}

/** A new password and its confirmation, with the minimum length as the hint (and in the "too short" message). */
export function NewPasswordInputs({ label, confirmLabel }: { label: string; confirmLabel: string }) {
  const { t } = useTranslation();
  const params = { min: PASSWORD_MIN_LENGTH };
  return (
    <>
      <TextInput name="password" type="password" autoComplete="new-password" label={label} required params={params} hint={t('users.passwordHint', params)} />
      <TextInput name="confirmPassword" type="password" autoComplete="new-password" label={confirmLabel} required params={params} />
    </>
  );
}

export function RoleSelect() {
  const { t } = useTranslation();
  return <SelectInput name="role" label={t('users.role')} required options={RoleSchema.options.map((role) => ({ value: role, label: t(`role.${role}`) }))} />;
}
