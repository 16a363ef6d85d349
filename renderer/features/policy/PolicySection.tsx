/**
 * Settings → Policy (issue 13 item 4): the version in force, where it came from and when it arrived; its editor —
 * categories, the grade table, tier limits and KPI weights — for an admin of a branch that no head office governs;
 * and every version the branch has run. Supervisors read it. Once enrolled, head office's policy is in force and
 * the editor is read-only. A saved version applies to new complaints only: each complaint keeps its own.
 */
import { useEffect, useState } from 'react';
import { FormProvider, useFieldArray, useForm, useFormContext, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PolicyCurrent } from '../../../shared/api/policy';
import { nextVersionNumber, type PolicyVersion } from '../../../shared/policy/book';
import { PolicySchema, type Policy } from '../../../shared/policy/policy';
import type { Refusal } from '../../../shared/result';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { usePolicyBookValue } from '../../session/policy';
import { useSession } from '../../session/session';
import { Field, fieldAria } from '../../ui/Field';
import { FormIdPrefix, refusalOnField, SelectInput, TextInput, useFieldError, useFieldId } from '../../ui/formKit';
import { formErrorMap } from '../../ui/fieldError';
import './policy.css';
import { RefusalBanner } from '../../ui/RefusalBanner';

/** What the editor edits: the whole policy but its version, which main assigns. */
type PolicyDocument = Omit<Policy, 'version'>;

const GRADES = ['1', '2', '3', '4'] as const;
const LIMITED_TIERS = ['T1', 'T2', 'T3'] as const;
const WEIGHTS = ['timeliness', 'satisfaction', 'resolutionRate'] as const;

function documentOf({ version: _version, ...document }: Policy): PolicyDocument {
  return structuredClone(document);
}

/** A code no category of the document uses yet: `prefix` followed by the first free number. */
function freeCode(document: PolicyDocument, prefix: string): string {
  const used = new Set(document.categories.flatMap((category) => [category.code, ...(category.children ?? []).map((child) => child.code)]));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

function NumberField({ name, label, fallbackKey }: { name: Path<PolicyDocument>; label: string; fallbackKey: string }) {
  const { register } = useFormContext<PolicyDocument>();
  const error = useFieldError(name, fallbackKey);
  const id = useFieldId(name);
  return (
    <Field id={id} label={label} error={error} className="policy-number">
      <input type="number" step="any" inputMode="decimal" {...fieldAria(id, error)} {...register(name, { valueAsNumber: true })} />
    </Field>
  );
}

function ClockSelect({ name, label }: { name: Path<PolicyDocument>; label: string }) {
  const { t } = useTranslation();
  return <SelectInput name={name} label={label} options={(['around_the_clock', 'working_time'] as const).map((mode) => ({ value: mode, label: t(`policy.clock.${mode}`) }))} />;
}

function GradeTable() {
  const { t } = useTranslation();
  return (
    <fieldset className="policy-group">
      <legend>{t('policy.grades')}</legend>
      {GRADES.map((grade) => (
        <div key={grade} className="policy-row">
          <span className="policy-row-name">{t('grade.label', { grade })}</span>
          <NumberField name={`grades.${grade}.respondHours`} label={t('policy.respondHours', { grade })} fallbackKey="policy.hoursRule" />
          <NumberField name={`grades.${grade}.resolveHours`} label={t('policy.resolveHours', { grade })} fallbackKey="policy.hoursRule" />
          <ClockSelect name={`grades.${grade}.clock`} label={t('policy.clockOf', { name: t('grade.label', { grade }) })} />
        </div>
      ))}
    </fieldset>
  );
}

function TierTable() {
  const { t } = useTranslation();
  return (
    <fieldset className="policy-group">
      <legend>{t('policy.tiers')}</legend>
      {LIMITED_TIERS.map((tier) => (
        <div key={tier} className="policy-row">
          <span className="policy-row-name">
            {tier} · {t(`tier.${tier}`)}
          </span>
          <NumberField name={`tiers.${tier}.hours`} label={t('policy.tierHours', { tier })} fallbackKey="policy.hoursRule" />
          <ClockSelect name={`tiers.${tier}.clock`} label={t('policy.clockOf', { name: tier })} />
        </div>
      ))}
      <p className="muted flush">{t('policy.finalTier')}</p>
    </fieldset>
  );
}

function KpiWeights() {
  const { t } = useTranslation();
  const sumError = useFieldError('kpiWeights', 'policy.weightsSum');
  return (
    <fieldset className="policy-group" aria-describedby={sumError ? 'policy-weights-error' : undefined}>
      <legend>{t('policy.kpiWeights')}</legend>
      <div className="policy-row">
        {WEIGHTS.map((weight) => (
          <NumberField key={weight} name={`kpiWeights.${weight}`} label={t(`policy.weight.${weight}`)} fallbackKey="policy.weightRule" />
        ))}
      </div>
      {sumError ? (
        <p id="policy-weights-error" className="field-error flush" role="alert">
          {sumError}
        </p>
      ) : (
        <p className="muted flush">{t('policy.weightsHint')}</p>
      )}
    </fieldset>
  );
}

function SubCategories({ index, readOnly }: { index: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<PolicyDocument>();
  const children = useFieldArray({ control, name: `categories.${index}.children` });
  const parent = getValues(`categories.${index}`);
  return (
    <ul className="policy-children">
      {children.fields.map((child, j) => (
        <li key={child.id} className="policy-row">
          <TextInput name={`categories.${index}.children.${j}.zh`} label={t('policy.nameZh')} />
          <TextInput name={`categories.${index}.children.${j}.zhTW`} label={t('policy.nameZhTW')} />
          <TextInput name={`categories.${index}.children.${j}.en`} label={t('policy.nameEn')} />
          {!readOnly && (
            <button type="button" className="btn-link" onClick={() => children.remove(j)} aria-label={t('policy.removeSub', { name: getValues(`categories.${index}.children.${j}.zh`) })}>
              {t('policy.remove')}
            </button>
          )}
        </li>
      ))}
      {!readOnly && (
        <li>
          <button type="button" className="btn-link" onClick={() => children.append({ code: freeCode(getValues(), `${parent.code}.sub`), zh: '', en: '' })}>
            {t('policy.addSub', { name: parent.zh })}
          </button>
        </li>
      )}
    </ul>
  );
}

function Categories({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<PolicyDocument>();
  const categories = useFieldArray({ control, name: 'categories' });
  return (
    <fieldset className="policy-group">
      <legend>{t('policy.categories')}</legend>
      <p className="muted flush">{t('policy.categoriesHint')}</p>
      <ol className="policy-categories">
        {categories.fields.map((category, i) => (
          <li key={category.id}>
            <div className="policy-row">
              <TextInput name={`categories.${i}.zh`} label={t('policy.nameZh')} />
              <TextInput name={`categories.${i}.zhTW`} label={t('policy.nameZhTW')} />
              <TextInput name={`categories.${i}.en`} label={t('policy.nameEn')} />
            </div>
            <SubCategories index={i} readOnly={readOnly} />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="btn" onClick={() => categories.append({ code: freeCode(getValues(), 'category'), zh: '', en: '', children: [] })}>
          {t('policy.addCategory')}
        </button>
      )}
    </fieldset>
  );
}

/** A Traditional name left empty is no name: zh-TW then shows the Simplified one (shared/policy categoryLabel). */
function withoutBlankTraditionalNames(document: PolicyDocument): PolicyDocument {
  const named = <T extends { zhTW?: string | undefined }>({ zhTW, ...node }: T) => (zhTW?.trim() ? { ...node, zhTW } : node);
  return { ...document, categories: document.categories.map((category) => ({ ...named(category), children: category.children?.map(named) })) };
}

function PolicyEditor({ inForce, next, readOnly, onSaved }: { inForce: PolicyVersion; next: number; readOnly: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<PolicyDocument>({ defaultValues: documentOf(inForce.policy), mode: 'onSubmit', reValidateMode: 'onSubmit' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [fixFields, setFixFields] = useState(false);

  const save = form.handleSubmit(async (typed) => {
    const values = withoutBlankTraditionalNames(typed);
    setRefusal(null);
    setFixFields(false);
    // Checked here first with the same rules main applies, so every bad field is marked at once, not one per save.
    const checked = PolicySchema.safeParse({ ...values, version: next }, { error: formErrorMap });
    if (!checked.success) {
      for (const issue of checked.error.issues) form.setError(issue.path.join('.') as Path<PolicyDocument>, { type: 'policy', message: issue.message });
      setFixFields(true);
      return;
    }
    const saved = await api.call('policy.save', { basedOn: inForce.policy.version, policy: values });
    if (saved.ok) return onSaved();
    const unplaced = refusalOnField(form, saved.error);
    if (unplaced) setRefusal(unplaced);
    else setFixFields(true);
  });

  return (
    <FormIdPrefix.Provider value="policy">
      <FormProvider {...form}>
        <form
          className="policy-editor"
          onSubmit={(event) => {
            // The marks of the last attempt (some on no single input, like the weights' sum) would block this one.
            form.clearErrors();
            void save(event);
          }}
          noValidate
        >
          <fieldset disabled={readOnly} className="policy-fields">
            <GradeTable />
            <TierTable />
            <KpiWeights />
            <Categories readOnly={readOnly} />
          </fieldset>
          <p className="muted flush">
            {t('policy.calendarHint')} <a href="#calendar-import-title">{t('calendar.title')}</a>
          </p>
          {fixFields && (
            <div className="banner banner-error" role="alert">
              {t('policy.fixFields')}
            </div>
          )}
          <RefusalBanner refusal={refusal} />
          {!readOnly && (
            <div className="policy-actions">
              <span className="muted">{t('policy.saveHint', { version: next })}</span>
              <button type="button" className="btn" onClick={() => form.reset(documentOf(inForce.policy))} disabled={form.formState.isSubmitting}>
                {t('policy.discard')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
                {t('policy.save', { version: next })}
              </button>
            </div>
          )}
        </form>
      </FormProvider>
    </FormIdPrefix.Provider>
  );
}

/** "v2 · head office v2" / "v3 · saved at this branch by admin". */
function originText(t: ReturnType<typeof useTranslation>['t'], entry: PolicyVersion): string {
  if (entry.source === 'headOffice') return t('policy.fromHeadOffice', { version: entry.headOfficeVersion ?? entry.policy.version });
  if (entry.source === 'branch') return t('policy.savedBy', { who: entry.savedBy ?? '' });
  return t('policy.shipped');
}

function History({ versions }: { versions: readonly PolicyVersion[] }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  return (
    <table className="policy-history" aria-label={t('policy.history')}>
      <thead>
        <tr>
          <th scope="col">{t('policy.col.version')}</th>
          <th scope="col">{t('policy.col.origin')}</th>
          <th scope="col">{t('policy.col.arrived')}</th>
        </tr>
      </thead>
      <tbody>
        {[...versions].reverse().map((entry) => (
          <tr key={entry.policy.version}>
            <td className="tabular">v{entry.policy.version}</td>
            <td>{originText(t, entry)}</td>
            <td className="tabular">{entry.source === 'default' ? '—' : formatDateTime(entry.arrivedAt, language, branch.timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PolicySection() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const { book, refresh } = usePolicyBookValue();
  const [current, setCurrent] = useState<PolicyCurrent | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const language = parseLanguage(i18n.language) ?? 'zh-CN';

  // Asked again whenever the book changes (a save here, a version from head office).
  useEffect(() => {
    let live = true;
    void api.call('policy.current', {}).then((result) => {
      if (!live) return;
      if (result.ok) setCurrent(result.value);
      else setRefusal(result.error);
    });
    return () => {
      live = false;
    };
  }, [book]);

  const inForce = current?.inForce;
  return (
    <section className="section policy-section" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policy.title')}</h2>
      <RefusalBanner refusal={refusal} />
      {current && inForce && (
        <>
          <p className="policy-status" role="status">
            <strong>{t('policy.inForce', { version: inForce.policy.version })}</strong> · {originText(t, inForce)}
            {inForce.source !== 'default' && <> · {t('policy.arrived', { when: formatDateTime(inForce.arrivedAt, language, branch.timeZone) })}</>}
          </p>
          <p className="muted flush">{t('policy.intro')}</p>
          {current.lockedBecause === 'head_office' && <div className="banner banner-info">{t('policy.headOfficeInForce')}</div>}
          <PolicyEditor key={inForce.policy.version} inForce={inForce} next={nextVersionNumber(book)} readOnly={!current.editable} onSaved={refresh} />
          <h3>{t('policy.history')}</h3>
          <History versions={book.versions} />
        </>
      )}
    </section>
  );
}
