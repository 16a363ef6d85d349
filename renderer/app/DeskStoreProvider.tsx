import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../shared/result';
import { refusalText } from '../i18n/refusal';
import { api } from '../platform/api';
import { createDeskStore, openDeskDb, startEscalationSweeps, DeskStoreContext, usePendingJournal, type DeskStoreContextValue, type RestoreProgress } from '../store';
import { useCalendar, usePolicy } from '../ui/policy';
import { useSession } from './session';

const clock = (): string => new Date().toISOString();
const newId = (): string => crypto.randomUUID();

/**
 * Opens the branch's working database and the store for the signed-in user (every event they cause names
 * them as actor), replays main's journal into it if the browser storage was lost, and provides both.
 */
export function DeskStoreProvider({ children }: { children: ReactNode }) {
  const { user, branch } = useSession();
  const policy = usePolicy();
  const calendar = useCalendar();
  const [value, setValue] = useState<DeskStoreContextValue | null>(null);
  const [restoreRefusal, setRestoreRefusal] = useState<Refusal | null>(null);
  const [progress, setProgress] = useState<RestoreProgress>();

  useEffect(() => {
    let live = true;
    const db = openDeskDb(`complaint-desk-${branch.code}`, { policy, calendar });
    const store = createDeskStore({
      db,
      api,
      clock,
      newId,
      session: { userId: user.id, role: user.role },
      branch: { code: branch.code, timeZone: branch.timeZone },
      policy,
      calendar,
    });
    let stopSweeps: (() => void) | undefined;
    // Whatever the restore says, the desk opens: a failed replay leaves the log as it is, and says so.
    void store
      .restoreIfEmpty((step) => live && setProgress(step))
      .then((restored) => live && setRestoreRefusal(restored.ok ? null : restored.error))
      .finally(() => {
        if (!live) return;
        setValue({ db, store, clock });
        // SPEC §5: tier deadlines escalate by themselves. A failed sweep is retried by the next one.
        stopSweeps = startEscalationSweeps(store.sweepEscalations, clock, (error) => console.error('Escalation sweep failed', error));
      });
    return () => {
      live = false;
      stopSweeps?.();
      store.dispose();
      db.close();
    };
  }, [user.id, user.role, branch.code, branch.timeZone, policy, calendar]);

  if (!value) return <Restoring progress={progress} />;
  return (
    <DeskStoreContext.Provider value={value}>
      {restoreRefusal && <RestoreBanner refusal={restoreRefusal} />}
      {children}
    </DeskStoreContext.Provider>
  );
}

/**
 * Until the working database matches main's journal nothing may be registered (numbers would collide). A replay
 * of a whole branch takes a while (about 35 s for 20 000 complaints here), so it shows how far it has come.
 */
function Restoring({ progress }: { progress: RestoreProgress | undefined }) {
  const { t, i18n } = useTranslation();
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <div className="auth-page restoring" role="status">
      <p className="muted">{t('app.restoring')}</p>
      {progress && (
        <>
          <progress value={progress.restored} max={progress.total} aria-label={t('app.restoringProgressLabel')} />
          <p className="muted">{t('app.restoringProgress', { restored: count.format(progress.restored), total: count.format(progress.total) })}</p>
        </>
      )}
    </div>
  );
}

function RestoreBanner({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error restore-banner" role="alert">
      {refusalText(t, refusal)}
    </div>
  );
}

export type JournalState = { state: 'unknown' } | { state: 'saved' } | { state: 'pending'; pending: number };

/** Whether every event is on disk in main's journal, or how many are still waiting. */
export function useJournalState(): JournalState {
  const pending = usePendingJournal();
  if (pending === undefined) return { state: 'unknown' };
  return pending === 0 ? { state: 'saved' } : { state: 'pending', pending };
}
