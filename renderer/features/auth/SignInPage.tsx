import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { apiContract, type ApiInput } from '../../../shared/api/contract';
import type { BranchSetup, PublicUser } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { refusalText } from '../../i18n/refusal';
import { Field, fieldAria } from '../../ui/Field';
import { fieldErrorText, isBlank } from '../../ui/fieldError';
import { AuthCard } from './AuthCard';

const SignInSchema = apiContract['auth.signIn'].input;
type SignInForm = ApiInput<'auth.signIn'>;

/** `ended`: why the previous session is over (idle too long, account deactivated), shown until the next attempt. */
export function SignInPage({ branch, ended, onSignedIn }: { branch: BranchSetup; ended?: Refusal; onSignedIn: (user: PublicUser) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | null>(ended ?? null);
  const { register, handleSubmit, formState, getValues, setError } = useForm<SignInForm>({
    resolver: zodResolver(SignInSchema),
    defaultValues: { username: '', password: '' },
  });

  const submit = handleSubmit(async (form) => {
    setRefusal(null);
    if (isBlank(form.username)) setError('username', { message: 'validation.required' });
    if (!form.password) setError('password', { message: 'validation.required' });
    if (isBlank(form.username) || !form.password) return;
    const result = await api.call('auth.signIn', form);
    if (!result.ok) return setRefusal(result.error);
    onSignedIn(result.value.user);
  });

  const usernameError = fieldErrorText(t, formState.errors.username, { empty: isBlank(getValues('username')) });
  const passwordError = fieldErrorText(t, formState.errors.password, { empty: !getValues('password') });

  return (
    <AuthCard title={t('auth.title')}>
      <p className="muted">
        {branch.name} · {branch.code}
      </p>
      <form onSubmit={submit} noValidate className="auth-form">
        {refusal && (
          <div className="banner banner-error" role="alert">
            {refusalText(t, refusal)}
          </div>
        )}
        <Field id="signin-username" label={t('auth.username')} required error={usernameError}>
          <input type="text" autoFocus autoComplete="username" {...fieldAria('signin-username', usernameError)} {...register('username')} />
        </Field>
        <Field id="signin-password" label={t('auth.password')} required error={passwordError}>
          <input type="password" autoComplete="current-password" {...fieldAria('signin-password', passwordError)} {...register('password')} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </AuthCard>
  );
}
