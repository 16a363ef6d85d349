import { useCallback, useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../shared/result';
import { useSession } from '../../session/session';
import { refusalText } from '../../i18n/refusal';
import { Dialog } from '../../ui/Dialog';
import { usePolicy } from '../../ui/policy';
import { useDeskStore } from '../../store';
import { AssessmentSection } from './AssessmentSection';
import { SuccessCard, type Registered } from './SuccessCard';
import { WantSection } from './WantSection';
import { IntakeSection } from './IntakeSection';
import { WhatSection } from './WhatSection';
import { WhoSection } from './WhoSection';
import { clearDraft, delayedSaver, draftKey, isWorthKeeping, loadDraft, saveDraft } from './draft';
import { formatDateTimeText } from './dateTimeText';
import { RegistrationFormValuesSchema, emptyRegistrationForm, registrationFormSchema, type RegistrationFormValues, type RegistrationSubmission } from './formSchema';
import { submitOnCtrlEnter } from '../../ui/submitOnCtrlEnter';
import { FormIdPrefix, refusalOnField } from '../../ui/formKit';
import { REGISTRATION_ID_PREFIX } from './formKit';

const DRAFT_DELAY_MS = 300;
/** How often an untouched "received at" moves on to the current minute. */
const RECEIVED_TICK_MS = 15_000;
const wallClock = (): number => Date.now();

/** 登记投诉: one page in the order the customer tells the story; keyboard all the way. */
export function RegisterComplaintPage() {
  const { t } = useTranslation();
  const { user, branch } = useSession();
  const { store } = useDeskStore();
  const policy = usePolicy();
  const canAssess = user.role !== 'staff';
  const storageKey = draftKey(branch.code, user.id);
  const blank = useCallback(() => emptyRegistrationForm(formatDateTimeText(Date.now(), branch.timeZone)), [branch.timeZone]);
  const [restored] = useState(() => loadDraft(window.localStorage, storageKey));
  const [showRestored, setShowRestored] = useState(restored !== undefined);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  // The channel as the form opened: set (register another, a draft) → start at the name; else at the channel.
  const [startAtChannel, setStartAtChannel] = useState(() => !(restored?.channel ?? ''));

  const schema = useMemo(() => registrationFormSchema({ timeZone: branch.timeZone, policy, canAssess, now: wallClock }), [branch.timeZone, policy, canAssess]);
  const form = useForm<RegistrationFormValues, unknown, RegistrationSubmission>({
    resolver: zodResolver(schema),
    defaultValues: restored ?? blank(),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { handleSubmit, subscribe, reset, setError, formState, getFieldState, getValues, setValue } = form;
  const draftSaver = useMemo(() => delayedSaver(DRAFT_DELAY_MS), []);
  // One id per registration attempt, kept across retries: a retry after a lost answer cannot register twice.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  // Keep the draft while typing, so an accidental close loses nothing.
  useEffect(() => {
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        draftSaver.schedule(() => {
          const parsed = RegistrationFormValuesSchema.parse(values);
          if (isWorthKeeping(parsed)) saveDraft(window.localStorage, storageKey, parsed);
          else clearDraft(window.localStorage, storageKey);
        });
      },
    });
    return () => {
      draftSaver.cancel();
      unsubscribe();
    };
  }, [subscribe, storageKey, draftSaver]);

  // "Received at" defaults to now — the moment the customer is at the counter, not the moment the page opened:
  // while nobody has typed in it, it follows the clock. A draft's time, or one the clerk typed, stays.
  useEffect(() => {
    if (restored) return;
    const tick = () => {
      if (getFieldState('receivedAt').isDirty) return;
      const now = formatDateTimeText(Date.now(), branch.timeZone);
      if (getValues('receivedAt') !== now) setValue('receivedAt', now, { shouldDirty: false });
    };
    const timer = window.setInterval(tick, RECEIVED_TICK_MS);
    return () => window.clearInterval(timer);
  }, [restored, registered, getFieldState, getValues, setValue, branch.timeZone]);

  const onValid = useCallback(
    async ({ assessment, ...input }: RegistrationSubmission) => {
    setRefusal(null);
    // The registration and the assessment entered with it are one step: both are kept, or neither (and the form stays).
    const result = await store.register(input, { assessment, requestId });
    if (!result.ok) {
      setRefusal(result.error);
      refusalOnField({ setError, getValues }, result.error);
      return;
    }
    // A draft save still waiting must not bring the registered form back as an "unsent draft".
    draftSaver.cancel();
    setRequestId(crypto.randomUUID());
    const done: Registered = result.value;
    clearDraft(window.localStorage, storageKey);
    setShowRestored(false);
    setRegistered(done);
  },
    [store, setError, getValues, storageKey, requestId, draftSaver],
  );
  const submit = handleSubmit(onValid);

  const another = useCallback(() => {
    // The next customer often came the same way about the same thing: keep the channel and category.
    const previous = form.getValues();
    reset({ ...blank(), channel: previous.channel, category: previous.category });
    setStartAtChannel(previous.channel === '');
    setRegistered(null);
  }, [form, reset, blank]);

  const discard = () => {
    setConfirmingClear(false);
    setShowRestored(false);
    clearDraft(window.localStorage, storageKey);
    reset(blank());
    setRefusal(null);
    setStartAtChannel(true);
    form.setFocus('channel');
  };
  // Clearing throws away what the customer has told so far: ask first (a blank form needs no question).
  const askToClear = () => {
    if (isWorthKeeping(RegistrationFormValuesSchema.parse(getValues()))) setConfirmingClear(true);
    else discard();
  };

  // F2 here: the next registration if the number is on screen, else back to the first field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'F2') return;
      if (registered) another();
      else form.setFocus(getValues('channel') ? 'complainant.name' : 'channel');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registered, another, form, getValues]);

  if (registered) {
    return (
      <div className="page">
        <SuccessCard registered={registered} onAnother={another} branch={branch} />
      </div>
    );
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1 id="page-title">{t('register.title')}</h1>
        <span className="muted">{t('register.shortcutHint')}</span>
      </div>
      {showRestored && (
        <div className="banner banner-info" role="status">
          {t('register.draftRestored')}{' '}
          <button type="button" className="btn-link" onClick={askToClear}>
            {t('register.discardDraft')}
          </button>
        </div>
      )}
      <FormProvider {...form}>
        <FormIdPrefix.Provider value={REGISTRATION_ID_PREFIX}>
          <form className="reg-form" aria-labelledby="page-title" noValidate onSubmit={(event) => void submit(event)} onKeyDown={submitOnCtrlEnter}>
            <IntakeSection policy={policy} autoFocusChannel={startAtChannel} />
            <WhoSection anonymousAllowed={policy.registration.anonymousAllowed} collectiveThreshold={policy.registration.collectiveMajorThreshold} autoFocusName={!startAtChannel} />
            <WhatSection />
            <WantSection />
            <AssessmentSection policy={policy} canAssess={canAssess} />
            <div className="form-actions">
              {refusal && (
                <span className="field-error" role="alert">
                  {refusalText(t, refusal)}
                </span>
              )}
              {!refusal && formState.submitCount > 0 && !formState.isValid && Object.keys(formState.errors).length > 0 && (
                <span className="field-error" role="alert">
                  {t('refusal.invalid_input')}
                </span>
              )}
              <span className="spacer" />
              <button type="button" className="btn" onClick={askToClear}>
                {t('register.discardDraft')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
                {t('register.submit')} <kbd aria-hidden="true">Ctrl+Enter</kbd>
              </button>
            </div>
          </form>
        </FormIdPrefix.Provider>
      </FormProvider>
      {confirmingClear && (
        <Dialog title={t('register.confirmClearTitle')} onClose={() => setConfirmingClear(false)}>
          <p>{t('register.confirmClear')}</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirmingClear(false)}>
              {t('register.cancel')}
            </button>
            <button type="button" className="btn btn-primary" onClick={discard}>
              {t('register.confirmClearYes')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
