import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { apiContract, type ApiInput } from '../../../shared/api/contract';
import type { BranchSetup, PublicUser } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { isBlank } from '../../ui/fieldError';
import { FormIdPrefix, TextInput } from '../../ui/formKit';
import { AuthCard } from './AuthCard';
import { RefusalBanner } from '../../ui/RefusalBanner';

const SignInSchema = apiContract['auth.signIn'].input;
type SignInForm = ApiInput<'auth.signIn'>;

/** `ended`: why the previous session is over (idle too long, account deactivated), shown until the next attempt. */
export function SignInPage({ branch, ended, onSignedIn }: { branch: BranchSetup; ended?: Refusal; onSignedIn: (user: PublicUser) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | null>(ended ?? null);
  const form = useForm<SignInForm>({
    resolver: zodResolver(SignInSchema),
    defaultValues: { username: '', password: '' },
  });
  const { handleSubmit, formState, setError } = form;

  const submit = handleSubmit(async (values) => {
    setRefusal(null);
    if (isBlank(values.username)) setError('username', { message: 'validation.required' });
    if (!values.password) setError('password', { message: 'validation.required' });
    if (isBlank(values.username) || !values.password) return;
    const result = await api.call('auth.signIn', values);
    if (!result.ok) return setRefusal(result.error);
    onSignedIn(result.value.user);
  });

  return (
    <AuthCard title={t('auth.title')}>
      <p className="muted">
        {branch.name} · {branch.code}
      </p>
      <FormProvider {...form}>
        <FormIdPrefix.Provider value="signin">
          <form onSubmit={(event) => void submit(event)} noValidate className="auth-form">
            <RefusalBanner refusal={refusal} />
            <TextInput name="username" label={t('auth.username')} required autoFocus autoComplete="username" spellCheck={false} />
            <TextInput name="password" type="password" label={t('auth.password')} required autoComplete="current-password" />
            <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('auth.submitting') : t('auth.submit')}
            </button>
          </form>
        </FormIdPrefix.Provider>
      </FormProvider>
    </AuthCard>
  );
}
