import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../shared/result';
import { refusalText } from '../i18n/refusal';
import { api } from '../platform/api';
import { createDeskStore, deskDbName, openDeskDb, startEscalationSweeps, DeskStoreContext, usePendingJournal, type DeskStoreContextValue, type RestoreProgress } from '../store';
import { useCalendar, usePolicyBook } from '../ui/policy';
import { useSession } from '../session/session';

const clock = (): string => new Date().toISOString();
const newId = (): string => crypto.randomUUID();
/** How often this window reads what other windows and the system journaled meanwhile. */
const CATCH_UP_MS = 5_000;

/**
 * Opens the branch's working database — this window's copy of main's journal — and the store, checks the copy
 * against the journal on start (replaying what is missing, with its progress), keeps it current, and provides both.
 */
export function DeskStoreProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, branch, headOffice } = useSession();
  const policies = usePolicyBook();
  const calendar = useCalendar();
  const [value, setValue] = useState<DeskStoreContextValue | null>(null);
  const [restoreRefusal, setRestoreRefusal] = useState<Refusal | null>(null);
  const [discarded, setDiscarded] = useState(0);
  const [progress, setProgress] = useState<RestoreProgress>();

  useEffect(() => {
    let live = true;
    // One copy per person: main leaves out of a clerk's copy the contact details they may not see (SPEC §8), so a
    // supervisor signing in at the same PC must not read that copy, nor the clerk the supervisor's.
    const db = openDeskDb(deskDbName(branch.code, user.id), { policies, calendar, linkCustomers: headOffice });
    const store = createDeskStore({ db, api, clock, newId, policies, calendar });
    let stopSweeps: (() => void) | undefined;
    let catchUpTimer: ReturnType<typeof setInterval> | undefined;
    // Whatever the restore says, the desk opens: a failed replay leaves the copy as it is, and says so.
    void store
      .restoreIfEmpty((step) => live && setProgress(step))
      .then((restored) => {
        if (!live) return;
        setRestoreRefusal(restored.ok ? null : restored.error);
        setDiscarded(restored.ok ? restored.value.discarded : 0);
      })
      .finally(() => {
        if (!live) return;
        setValue({ db, store, clock });
        // SPEC §5: tier deadlines escalate by themselves (at the branch that handles the complaint: head office
        // changes nothing). A failed sweep is retried by the next one.
        if (!headOffice) stopSweeps = startEscalationSweeps(store.sweepEscalations, clock, (error) => console.error('Escalation sweep failed', error));
        // Another window (or tab) on the same data folder shows up here within seconds.
        catchUpTimer = setInterval(() => void store.catchUp(), CATCH_UP_MS);
      });
    return () => {
      live = false;
      stopSweeps?.();
      clearInterval(catchUpTimer);
      db.close();
      // Nothing may read the closed copy while the next one opens (a new calendar rebuilds the rows first).
      setValue(null);
    };
  }, [user.id, branch.code, headOffice, policies, calendar]);

  if (!value) return <Restoring progress={progress} />;
  return (
    <DeskStoreContext.Provider value={value}>
      {restoreRefusal && <RestoreBanner refusal={restoreRefusal} />}
      {discarded > 0 && (
        <div className="banner banner-info restore-banner" role="status">
          {t('app.copyRebuilt', { count: discarded })}
        </div>
      )}
      {children}
    </DeskStoreContext.Provider>
  );
}

/**
 * Until the working database matches main's journal nothing may be registered (numbers would collide). A replay
 * of a whole branch takes a while, so it shows how far it has come: the events copied, then the register's rows
 * written.
 */
function Restoring({ progress }: { progress: RestoreProgress | undefined }) {
  const { t, i18n } = useTranslation();
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <div className="auth-page restoring" role="status">
      <p className="muted">{t('app.restoring')}</p>
      {progress && !progress.rows && (
        <>
          <progress value={progress.restored} max={progress.total} aria-label={t('app.restoringProgressLabel')} />
          <p className="muted">{t('app.restoringProgress', { restored: count.format(progress.restored), total: count.format(progress.total) })}</p>
        </>
      )}
      {progress?.rows && (
        <>
          <progress value={progress.rows.written} max={progress.rows.total} aria-label={t('restoreRows.label')} />
          <p className="muted">{t('restoreRows.progress', { written: count.format(progress.rows.written), total: count.format(progress.rows.total) })}</p>
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
