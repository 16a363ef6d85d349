import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChannelSchema, NatureSchema } from '../../../shared/domain/vocabulary';
import type { Policy } from '../../../shared/policy/policy';
import { localName } from '../../ui/categories';
import { Section, SelectInput, TextArea, TextInput } from './formKit';
import type { RegistrationFormValues } from './formSchema';

/** 2 — what happened: how it reached us, when and where, the category, the story, who and what was involved. */
export function WhatSection({ policy }: { policy: Policy }) {
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
    <Section step={2} title={t('register.what')}>
      <div className="grid">
        <SelectInput
          name="channel"
          label={t('register.channel')}
          required
          placeholder={t('register.choose')}
          options={ChannelSchema.options.map((value) => ({ value, label: t(`channel.${value}`) }))}
        />
        <TextInput name="receivedAt" label={t('register.receivedAt')} type="datetime-local" required fallbackKey="validation.dateTime" />
        <TextInput name="incident.at" label={t('register.incidentAt')} type="datetime-local" fallbackKey="validation.dateTime" />
        <TextInput name="incident.place" label={t('register.incidentPlace')} />
        <SelectInput
          name="category"
          label={t('register.category')}
          required
          placeholder={t('register.choose')}
          options={policy.categories.map((c) => ({ value: c.code, label: localName(c, i18n.language) }))}
        />
        <SelectInput name="subCategory" label={t('register.subCategory')} placeholder={t('common.none')} options={subOptions} disabled={subOptions.length === 0} />
        <SelectInput name="nature" label={t('register.nature')} options={NatureSchema.options.map((value) => ({ value, label: t(`nature.${value}`) }))} />
        <span />
        <TextArea name="description" label={t('register.description')} required className="span-4" rows={4} />
        <TextInput name="incident.staffMember" label={t('register.staffInvolved')} />
        <TextInput name="incident.department" label={t('register.department')} />
        <TextInput name="incident.product" label={t('register.product')} />
        <TextInput name="incident.orderNumber" label={t('register.orderNo')} />
      </div>
    </Section>
  );
}
