import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarInForce } from '../../shared/api/calendar';
import { compileCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import type { Refusal } from '../../shared/result';
import { refusalText } from '../i18n/refusal';
import { api } from '../platform/api';

/** Main's working calendar in force, compiled for this window's clocks. */
export interface CalendarInForceValue extends CalendarInForce {
  readonly compiled: WorkingCalendar;
  /** Takes the calendar main answered after an import, so this window counts on it at once. */
  adopt(next: CalendarInForce): void;
}

/** How often a window asks main whether the calendar in force changed. */
const CHECK_MS = 60_000;

const CalendarContext = createContext<CalendarInForceValue | null>(null);

export function useCalendarInForce(): CalendarInForceValue {
  const value = useContext(CalendarContext);
  if (!value) throw new Error('useCalendarInForce outside CalendarProvider');
  return value;
}

/**
 * Asks main for the calendar in force once signed in, and provides it: every deadline this window shows is
 * counted on the calendar main decides with, including the holiday notices an admin imported.
 */
export function CalendarProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ inForce: CalendarInForce; compiled: WorkingCalendar } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Compiled once per calendar: the compiled calendar's identity is what the desk's store is opened with, so the
  // same calendar answered again keeps it (and the rows are not rebuilt).
  const adopt = useCallback(
    (next: CalendarInForce) =>
      setState((current) => {
        if (current?.inForce.fingerprint !== next.fingerprint) return { inForce: next, compiled: compileCalendar(next.calendar) };
        // The same calendar may come with other records (a head-office version, enrolment): shown, not recompiled.
        return JSON.stringify(current.inForce) === JSON.stringify(next) ? current : { ...current, inForce: next };
      }),
    [],
  );

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('calendar.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) adopt(result.value);
      else setRefusal(result.error);
    });
    // A notice imported in another window reaches this one within a minute; a failed check waits for the next.
    const check = setInterval(() => {
      void api.call('calendar.get', {}).then((result) => live && result.ok && adopt(result.value));
    }, CHECK_MS);
    return () => {
      live = false;
      clearInterval(check);
    };
  }, [adopt, attempt]);
  const retry = () => {
    setRefusal(null);
    setAttempt((n) => n + 1);
  };

  const value = useMemo<CalendarInForceValue | null>(() => (state ? { ...state.inForce, compiled: state.compiled, adopt } : null), [state, adopt]);

  if (refusal) {
    return (
      <main className="auth-page">
        <div className="banner banner-error" role="alert">
          {refusalText(t, refusal)}{' '}
          <button type="button" className="btn" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  if (!value) return <p className="auth-page muted">{t('app.loading')}</p>;
  return <CalendarContext.Provider value={value}>{children}</CalendarContext.Provider>;
}
