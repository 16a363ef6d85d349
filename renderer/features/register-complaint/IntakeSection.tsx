import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChannelSchema } from '../../../shared/domain/vocabulary';
import type { Policy } from '../../../shared/policy/policy';
import { localName } from '../../ui/categories';
import { Section, SelectInput, TextInput } from './formKit';
import type { RegistrationFormValues } from './formSchema';

/**
 * 1 — intake (受理): how it reached us, when, and what kind of complaint. First on the page because a clerk
 * knows it before the customer has finished the first sentence, and "register another" keeps channel and
 * category — the next customer starts at the name. The time received is one text field (`2026-11-23 14:05`),
 * one Tab stop, filled with now.
 */
export function IntakeSection({ policy, autoFocusChannel }: { policy: Policy; autoFocusChannel: boolean }) {
  const { t, i18n } = useTranslation();
  const { control, getValues, setValue } = useFormContext<RegistrationFormValues>();
  const categoryCode = useWatch({ control, name: 'category' });
  // A sub-category belongs to its category: choosing another category clears it.
  useEffect(() => {
    if (!getValues('subCategory').startsWith(`${categoryCode}.`)) setValue('subCategory', '');
  }, [categoryCode, getValues, setValue]);
  const category = policy.categories.find((c) => c.code === categoryCode);
  const subOptions = (category?.children ?? []).map((sub) => ({ value: sub.code, label: localName(sub, i18n.language) }));
  return (
    <Section step={1} title={t('register.intake')}>
      <div className="grid">
        <SelectInput
          name="channel"
          label={t('register.channel')}
          required
          autoFocus={autoFocusChannel}
          placeholder={t('register.choose')}
          options={ChannelSchema.options.map((value) => ({ value, label: t(`channel.${value}`) }))}
        />
        <DateTimeInput name="receivedAt" label={t('register.receivedAt')} required />
        <SelectInput
          name="category"
          label={t('register.category')}
          required
          placeholder={t('register.choose')}
          options={policy.categories.map((c) => ({ value: c.code, label: localName(c, i18n.language) }))}
        />
        <SelectInput name="subCategory" label={t('register.subCategory')} placeholder={t('common.none')} options={subOptions} disabled={subOptions.length === 0} />
      </div>
    </Section>
  );
}

/** A date-time as one text field with its format as the hint (see dateTimeText.ts for what it accepts). */
export function DateTimeInput({ name, label, required }: { name: 'receivedAt' | 'incident.at'; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextInput
      name={name}
      label={label}
      required={required}
      fallbackKey="validation.dateTime"
      hint={t('register.dateTimeHint')}
      inputMode="numeric"
      spellCheck={false}
      className="field-datetime"
    />
  );
}
