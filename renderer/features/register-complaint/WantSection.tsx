import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RequestKindSchema } from '../../../shared/domain/vocabulary';
import { EvidencePicker } from '../evidence';
import { CheckboxGroup, Section, TextArea, TextInput } from './formKit';
import type { RegistrationFormValues } from './formSchema';

/** 4 — what the customer wants; 5 — evidence, stored as it is picked and sent with the registration. */
export function WantSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<RegistrationFormValues>();
  return (
    <>
      <Section step={4} title={t('register.want')}>
        <div className="grid">
          <CheckboxGroup
            name="requests"
            legend={t('register.requestKinds')}
            required
            className="span-3"
            options={RequestKindSchema.options.map((value) => ({ value, label: t(`requestKind.${value}`) }))}
          />
          <TextInput name="requestedAmount" label={t('register.amount')} type="number" min={0} step="0.01" inputMode="decimal" fallbackKey="validation.number" />
          <TextArea name="requestText" label={t('register.customerRequest')} className="span-4" rows={2} />
        </div>
      </Section>
      <Section step={5} title={t('register.evidence')}>
        <Controller name="evidence" control={control} render={({ field }) => <EvidencePicker value={field.value} onChange={field.onChange} />} />
      </Section>
    </>
  );
}
