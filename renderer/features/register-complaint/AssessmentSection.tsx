import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GradeSchema, LevelSchema, MajorFlagSchema, SpreadSchema, ValiditySchema } from '../../../shared/domain/vocabulary';
import type { Policy } from '../../../shared/policy/policy';
import { Field, fieldAria } from '../../ui/Field';
import { GradeChip } from '../../ui/GradeChip';
import { CheckboxGroup, Section, SelectInput, TextInput, useFieldError, useFieldId } from './formKit';
import { impliedFlags, suggestedGradeOf, type RegistrationFormValues } from './formSchema';

const GRADES = GradeSchema.options.map((option) => String(option.value));

/**
 * 6 — assessment: severity, urgency and spread give the suggested grade, live. A supervisor may change the
 * grade (with a reason), set major-complaint flags and the validity; staff register with the suggestion.
 */
export function AssessmentSection({ policy, canAssess }: { policy: Policy; canAssess: boolean }) {
  const { t } = useTranslation();
  const { control, setValue, formState } = useFormContext<RegistrationFormValues>();
  const values = useWatch({ control }) as RegistrationFormValues;
  const suggested = suggestedGradeOf(values, policy);
  const chosen = values.assessment.grade || String(suggested);
  const overridden = chosen !== String(suggested);
  const gradeId = useFieldId('assessment.grade');
  const gradeError = useFieldError('assessment.grade');
  const level = LevelSchema.options.map((value) => ({ value, label: t(`level.${value}`) }));

  return (
    <Section step={6} title={t('register.assessment')}>
      <div className="grid">
        <SelectInput name="impression.severity" label={t('register.severity')} options={level} />
        <SelectInput name="impression.urgency" label={t('register.urgency')} options={level} />
        <SelectInput name="impression.spread" label={t('register.spread')} options={SpreadSchema.options.map((value) => ({ value, label: t(`spread.${value}`) }))} />
        <div className="suggested" aria-live="polite">
          <span className="muted">{t('register.suggestedGrade')}</span>
          <GradeChip grade={suggested} />
          <span>{t('grade.label', { grade: suggested })}</span>
        </div>
        <Field id={gradeId} label={t('register.grade')} error={gradeError} hint={overridden ? t('register.gradeOverridden', { grade: suggested }) : undefined}>
          <span className="row-inline row-tight">
            <select
              value={chosen}
              disabled={!canAssess}
              onChange={(event) =>
                setValue('assessment.grade', event.target.value === String(suggested) ? '' : event.target.value, { shouldValidate: formState.isSubmitted, shouldDirty: true })
              }
              {...fieldAria(gradeId, gradeError, overridden ? 'hint' : undefined)}
            >
              {GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {t('grade.label', { grade })}
                </option>
              ))}
            </select>
            {overridden && (
              <button type="button" className="btn-link" onClick={() => setValue('assessment.grade', '', { shouldValidate: formState.isSubmitted })}>
                {t('register.useSuggested')}
              </button>
            )}
          </span>
        </Field>
        {canAssess ? (
          <>
            <SelectInput
              name="assessment.validity"
              label={t('register.validity')}
              placeholder={t('common.none')}
              options={ValiditySchema.options.map((value) => ({ value, label: t(`validity.${value}`) }))}
            />
            {overridden ? <TextInput name="assessment.overrideReason" label={t('register.overrideReason')} required className="span-2" /> : <span className="span-2" />}
            <CheckboxGroup
              name="assessment.flags"
              legend={`${t('register.flags')} — ${t('register.flagsHint')}`}
              className="span-4"
              locked={impliedFlags(values, policy)}
              options={MajorFlagSchema.options.map((value) => ({ value, label: t(`flag.${value}`) }))}
            />
          </>
        ) : (
          <p className="muted span-2 flush">
            {t('register.assessByStaff')}
          </p>
        )}
      </div>
    </Section>
  );
}
