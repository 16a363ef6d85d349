import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ComplaintId } from '../../../../shared/brand';
import type { Refusal } from '../../../../shared/result';
import { useDeskStore } from '../../../store';
import { COMMAND_INPUTS } from '../../../../shared/domain/commands';
import type { ToolbarAction } from './toolbarModel';
import { submitOnCtrlEnter } from '../../../ui/submitOnCtrlEnter';
import { FormIdPrefix, refusalOnField } from '../../../ui/formKit';
import { RefusalBanner } from '../../../ui/RefusalBanner';

interface ActionFormProps<V extends FieldValues> {
  complaintId: ComplaintId;
  action: ToolbarAction;
  defaultValues: DefaultValues<V>;
  /** Form values → the command's input (formInputs.ts); the command's own schema then validates it. */
  toInput: (values: V) => unknown;
  /** Called once the store has saved the step; not on a refusal. */
  onDone: () => void;
  children: ReactNode;
}

/**
 * One action dialog's form: validates with the command's input schema, performs the step through the store,
 * and on a refusal stays open with the domain's reason translated (and on its field when it names one) — a
 * refused or failed save never closes the dialog. Ctrl+Enter submits.
 */
export function ActionForm<V extends FieldValues>({ complaintId, action, defaultValues, toInput, onDone, children }: ActionFormProps<V>) {
  const { t } = useTranslation();
  const { store } = useDeskStore();
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [failed, setFailed] = useState(false);
  const resolver = useMemo(() => zodResolver(z.preprocess((values: V) => toInput(values), COMMAND_INPUTS[action])), [action, toInput]);
  const form = useForm<V, unknown, unknown>({ resolver, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { handleSubmit, setError, getValues, formState } = form;

  const onValid = async (input: unknown) => {
    setRefusal(undefined);
    setFailed(false);
    try {
      const result = await store.perform(complaintId, action, input);
      if (result.ok) {
        onDone();
        return;
      }
      // The banner says it in any case; the field it names (if the dialog has it) shows it too.
      setRefusal(result.error);
      refusalOnField({ setError, getValues }, result.error);
    } catch (error) {
      console.error(`perform ${action} failed`, error); // a bug, not a refusal: logged, shown only as "unexpected"
      setFailed(true);
    }
  };

  return (
    <FormProvider {...form}>
      <FormIdPrefix.Provider value="act">
        <form className="action-form" noValidate onSubmit={handleSubmit(onValid)} onKeyDown={submitOnCtrlEnter}>
          {children}
          <RefusalBanner refusal={refusal} />
          {failed && (
            <div className="banner banner-error" role="alert">
              {t('common.unknownError')}
            </div>
          )}
          <div className="form-actions">
            <span className="muted">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </span>
            <span className="spacer" />
            <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('actions.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </FormIdPrefix.Provider>
    </FormProvider>
  );
}

/** A two-column grid of fields inside a dialog. */
export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="action-grid">{children}</div>;
}
