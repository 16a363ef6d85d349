import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/rules';
import type { BranchSetup, PublicUser } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { formErrorMap } from '../../ui/fieldError';
import { FormIdPrefix, SelectInput, TextInput, refusalOnField } from '../../ui/formKit';
import { AuthCard } from '../auth/AuthCard';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';
import { DEFAULT_TIME_ZONE, FirstRunFormSchema, timeZoneChoices, type FirstRunForm, type FirstRunFormInput } from './firstRunSchema';
import { RefusalBanner } from '../../ui/RefusalBanner';

/**
 * First start on this computer: name the branch and create its administrator, who is then signed in; or
 * restore a branch from a backup, whose people then sign in.
 */
export function FirstRunPage({ onCreated, onRestored }: { onCreated: (user: PublicUser, branch: BranchSetup) => void; onRestored: (branch: BranchSetup) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const zones = useMemo(() => timeZoneChoices().map((zone) => ({ value: zone, label: zone })), []);
  const form = useForm<FirstRunFormInput, unknown, FirstRunForm>({
    // Length limits reach the message with their number (formErrorMap): "at most 80 characters".
    resolver: zodResolver(FirstRunFormSchema, { error: formErrorMap }),
    defaultValues: { branchCode: '', branchName: '', timeZone: DEFAULT_TIME_ZONE, adminUsername: '', password: '', confirmPassword: '' },
  });
  const { handleSubmit, formState, setError, getValues } = form;
  const params = { min: PASSWORD_MIN_LENGTH };

  const submit = handleSubmit(async (values) => {
    setRefusal(undefined);
    const result = await api.call('setup.createBranch', values);
    // A refusal naming a field of the form shows on that field, with its parameters; any other in the banner.
    if (!result.ok) return setRefusal(refusalOnField({ setError, getValues }, result.error));
    onCreated(result.value.user, { code: values.branchCode, name: values.branchName, timeZone: values.timeZone });
  });

  return (
    <AuthCard title={t('setup.title')}>
      <p className="muted">{t('setup.intro')}</p>
      <FormProvider {...form}>
        <FormIdPrefix.Provider value="setup">
          <form onSubmit={(event) => void submit(event)} noValidate className="auth-form">
            <RefusalBanner refusal={refusal} />
            <TextInput name="branchCode" label={t('setup.branchCode')} required hint={t('setup.branchCodeHint')} fallbackKey="validation.branchCode" autoFocus />
            <TextInput name="branchName" label={t('setup.branchName')} required autoComplete="organization" />
            <SelectInput name="timeZone" label={t('setup.timeZone')} required options={zones} />
            <TextInput name="adminUsername" label={t('setup.adminUsername')} required autoComplete="username" fallbackKey="validation.username" spellCheck={false} />
            <TextInput name="password" type="password" label={t('setup.password')} required autoComplete="new-password" params={params} />
            <TextInput name="confirmPassword" type="password" label={t('setup.confirmPassword')} required autoComplete="new-password" params={params} />
            <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('setup.submitting') : t('setup.submit')}
            </button>
          </form>
        </FormIdPrefix.Provider>
      </FormProvider>
      <RestoreFromBackup onRestored={onRestored} />
    </AuthCard>
  );
}
