import { useTranslation } from 'react-i18next';
import { NatureSchema } from '../../../shared/domain/vocabulary';
import { Section, SelectInput, TextArea, TextInput } from './formKit';
import { DateTimeInput } from './IntakeSection';

/**
 * 3 — what happened: the story first (the one field every complaint has), then when and where, its nature, who
 * and what was involved, and the number of an earlier complaint if the customer has complained about it before.
 */
export function WhatSection() {
  const { t } = useTranslation();
  return (
    <Section step={3} title={t('register.what')}>
      <div className="grid">
        <TextArea name="description" label={t('register.description')} required className="span-4" rows={3} />
        <DateTimeInput name="incident.at" label={t('register.incidentAt')} />
        <TextInput name="incident.place" label={t('register.incidentPlace')} />
        <SelectInput name="nature" label={t('register.nature')} options={NatureSchema.options.map((value) => ({ value, label: t(`nature.${value}`) }))} />
        <TextInput name="repeatOf" label={t('register.repeatOf')} hint={t('register.repeatOfHint')} fallbackKey="validation.complaintNumber" spellCheck={false} />
        <TextInput name="incident.staffMember" label={t('register.staffInvolved')} />
        <TextInput name="incident.department" label={t('register.department')} />
        <TextInput name="incident.product" label={t('register.product')} />
        <TextInput name="incident.orderNumber" label={t('register.orderNo')} />
      </div>
    </Section>
  );
}
