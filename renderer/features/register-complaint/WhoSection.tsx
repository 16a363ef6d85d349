import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Section, TextInput, useFieldError, useFieldId } from './formKit';
import type { RegistrationFormValues } from './formSchema';

/**
 * 2 — who complains: name and phone first (what nearly every customer gives), anonymous and collective next to
 * them, then the rarer ways to reach the person.
 */
export function WhoSection({ anonymousAllowed, collectiveThreshold, autoFocusName }: { anonymousAllowed: boolean; collectiveThreshold: number; autoFocusName: boolean }) {
  const { t } = useTranslation();
  const { register, control, getValues, setValue } = useFormContext<RegistrationFormValues>();
  const anonymous = useWatch({ control, name: 'anonymous' });
  const collective = useWatch({ control, name: 'collective.enabled' });
  // Several people complaining together is not "one customer": the spread answer follows, on screen, where the
  // clerk can still change it (the register command assumes the same when no impression is given).
  useEffect(() => {
    if (collective && getValues('impression.spread') === 'individual') setValue('impression.spread', 'several', { shouldDirty: true });
  }, [collective, getValues, setValue]);
  return (
    <Section step={2} title={t('register.who')}>
      <div className="grid">
        <TextInput name="complainant.name" label={t('register.customerName')} autoFocus={autoFocusName} disabled={anonymous} autoComplete="off" />
        <TextInput name="complainant.phone" label={t('register.phone')} type="tel" inputMode="tel" fallbackKey="validation.phone" />
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
          {collective && <CollectiveCount threshold={collectiveThreshold} />}
        </div>
        <TextInput name="complainant.email" label={t('register.email')} type="email" fallbackKey="validation.email" />
        <TextInput name="complainant.customerNumber" label={t('register.memberNo')} disabled={anonymous} />
        <TextInput name="complainant.address" label={t('register.address')} className="span-2" />
      </div>
    </Section>
  );
}

/**
 * The head count of a collective complaint. At the policy's threshold it is a major complaint (grade 1, the flag
 * shown ticked and locked in the assessment); lowered below it, the flag goes — and the clerk is told so, rather
 * than a tick staying on screen that the registration would not keep.
 */
function CollectiveCount({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<RegistrationFormValues>();
  const count = Number(useWatch({ control, name: 'collective.count' }));
  const major = Number.isInteger(count) && count >= threshold;
  // Dropped: it was major a moment ago and is not now (state adjusted while rendering, not in an effect).
  const [wasMajor, setWasMajor] = useState(major);
  const [dropped, setDropped] = useState(false);
  if (wasMajor !== major) {
    setWasMajor(major);
    setDropped(wasMajor && !major);
  }
  const id = useFieldId('collective.count');
  const error = useFieldError('collective.count', 'validation.collectiveCount', { min: 2, max: 1_000_000 });
  const note = dropped ? t('register.collectiveFlagDropped', { threshold }) : t('register.collectiveMajor', { threshold });
  return (
    <span className="check collective-count">
      <label htmlFor={id}>{t('register.peopleCount')}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="input-count"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        {...register('collective.count')}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className={dropped ? 'field-warning' : 'field-hint'} role={dropped ? 'status' : undefined}>
          {note}
        </span>
      )}
    </span>
  );
}
