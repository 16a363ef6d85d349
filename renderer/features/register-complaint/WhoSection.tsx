import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Section, TextInput, fieldId } from './formKit';
import type { RegistrationFormValues } from './formSchema';

/** 1 — who complains: name and how to reach them, or anonymous; a collective complaint and its size. */
export function WhoSection({ anonymousAllowed }: { anonymousAllowed: boolean }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<RegistrationFormValues>();
  const anonymous = useWatch({ control, name: 'anonymous' });
  const collective = useWatch({ control, name: 'collective.enabled' });
  return (
    <Section step={1} title={t('register.who')}>
      <div className="grid">
        <TextInput name="complainant.name" label={t('register.customerName')} autoFocus disabled={anonymous} autoComplete="off" />
        <TextInput name="complainant.phone" label={t('register.phone')} type="tel" inputMode="tel" fallbackKey="validation.phone" />
        <TextInput name="complainant.email" label={t('register.email')} type="email" fallbackKey="validation.email" />
        <TextInput name="complainant.customerNumber" label={t('register.memberNo')} disabled={anonymous} />
        <TextInput name="complainant.address" label={t('register.address')} className="span-2" />
        <div className="row-inline span-2 align-end">
          {anonymousAllowed && (
            <label className="check">
              <input type="checkbox" {...register('anonymous')} />
              {t('register.anonymous')}
            </label>
          )}
          <label className="check">
            <input type="checkbox" {...register('collective.enabled')} />
            {t('register.collective')}
          </label>
          {collective && <CollectiveCount />}
        </div>
      </div>
    </Section>
  );
}

function CollectiveCount() {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<RegistrationFormValues>();
  const id = fieldId('collective.count');
  const invalid = !!formState.errors.collective?.count;
  return (
    <span className="check">
      <label htmlFor={id}>{t('register.peopleCount')}</label>
      <input
        id={id}
        type="number"
        min={2}
        className="input-count"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...register('collective.count')}
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {t('validation.collectiveCount')}
        </span>
      )}
    </span>
  );
}
