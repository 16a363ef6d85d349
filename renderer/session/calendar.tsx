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
  // Compiled once per answer: the compiled calendar's identity is what the desk's store is opened with.
  const adopt = useCallback((next: CalendarInForce) => setState({ inForce: next, compiled: compileCalendar(next.calendar) }), []);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('calendar.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) adopt(result.value);
      else setRefusal(result.error);
    });
    return () => {
      live = false;
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
