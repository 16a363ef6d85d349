import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/rules';
import type { BranchSetup, PublicUser } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { refusalText } from '../../i18n/refusal';
import { Field, fieldAria } from '../../ui/Field';
import { fieldErrorText, formErrorMap, isBlank } from '../../ui/fieldError';
import { AuthCard } from '../auth/AuthCard';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';
import { DEFAULT_TIME_ZONE, FirstRunFormSchema, timeZoneChoices, type FirstRunForm, type FirstRunFormInput } from './firstRunSchema';

/**
 * First start on this computer: name the branch and create its administrator, who is then signed in; or
 * restore a branch from a backup, whose people then sign in.
 */
export function FirstRunPage({ onCreated, onRestored }: { onCreated: (user: PublicUser, branch: BranchSetup) => void; onRestored: (branch: BranchSetup) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const zones = useMemo(() => timeZoneChoices(), []);
  const { register, handleSubmit, formState, getValues } = useForm<FirstRunFormInput, unknown, FirstRunForm>({
    // Length limits reach the message with their number (formErrorMap): "at most 80 characters".
    resolver: zodResolver(FirstRunFormSchema, { error: formErrorMap }),
    defaultValues: { branchCode: '', branchName: '', timeZone: DEFAULT_TIME_ZONE, adminUsername: '', password: '', confirmPassword: '' },
  });
  const errors = formState.errors;
  const empty = (name: keyof FirstRunFormInput) => isBlank(getValues(name));
  const params = { min: PASSWORD_MIN_LENGTH };

  const submit = handleSubmit(async (form) => {
    setRefusal(null);
    const result = await api.call('setup.createBranch', form);
    if (!result.ok) return setRefusal(result.error);
    onCreated(result.value.user, { code: form.branchCode, name: form.branchName, timeZone: form.timeZone });
  });

  const err = {
    branchCode: fieldErrorText(t, errors.branchCode, { empty: empty('branchCode'), fallbackKey: 'validation.branchCode' }),
    branchName: fieldErrorText(t, errors.branchName, { empty: empty('branchName') }),
    timeZone: fieldErrorText(t, errors.timeZone, { empty: empty('timeZone') }),
    adminUsername: fieldErrorText(t, errors.adminUsername, { empty: empty('adminUsername'), fallbackKey: 'validation.username' }),
    password: fieldErrorText(t, errors.password, { empty: empty('password'), params }),
    confirmPassword: fieldErrorText(t, errors.confirmPassword, { empty: empty('confirmPassword'), params }),
  };

  return (
    <AuthCard title={t('setup.title')}>
      <p className="muted">{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate className="auth-form">
        {refusal && (
          <div className="banner banner-error" role="alert">
            {refusalText(t, refusal)}
          </div>
        )}
        <Field id="setup-branch-code" label={t('setup.branchCode')} required error={err.branchCode} hint={t('setup.branchCodeHint')}>
          <input type="text" autoFocus autoComplete="off" {...fieldAria('setup-branch-code', err.branchCode, 'hint')} {...register('branchCode')} />
        </Field>
        <Field id="setup-branch-name" label={t('setup.branchName')} required error={err.branchName}>
          <input type="text" autoComplete="organization" {...fieldAria('setup-branch-name', err.branchName)} {...register('branchName')} />
        </Field>
        <Field id="setup-time-zone" label={t('setup.timeZone')} required error={err.timeZone}>
          <select {...fieldAria('setup-time-zone', err.timeZone)} {...register('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <Field id="setup-admin-username" label={t('setup.adminUsername')} required error={err.adminUsername}>
          <input type="text" autoComplete="username" {...fieldAria('setup-admin-username', err.adminUsername)} {...register('adminUsername')} />
        </Field>
        <Field id="setup-password" label={t('setup.password')} required error={err.password}>
          <input type="password" autoComplete="new-password" {...fieldAria('setup-password', err.password)} {...register('password')} />
        </Field>
        <Field id="setup-confirm-password" label={t('setup.confirmPassword')} required error={err.confirmPassword}>
          <input type="password" autoComplete="new-password" {...fieldAria('setup-confirm-password', err.confirmPassword)} {...register('confirmPassword')} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
      <RestoreFromBackup onRestored={onRestored} />
    </AuthCard>
  );
}
