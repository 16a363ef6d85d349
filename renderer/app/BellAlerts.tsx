import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { parseLanguage } from '../i18n/language';
import { DUE_SOON_FILTERS, requestRegisterFilters } from '../features/register/filters';
import { useSession } from '../session/session';
import { navigate } from '../session/useRoute';
import { useDeadlineAlerts, useDeadlineCounts, useNow } from '../store';
import { ClockBadge } from '../ui/ClockBadge';
import { GradeChip } from '../ui/GradeChip';
import { Icon } from '../ui/Icon';

/** The bell lists at most this many; the register shows the rest. */
export const BELL_LIST_MAX = 20;

/**
 * The top bar's bell: the due-soon and overdue counts, and a button that opens the most urgent of those
 * complaints (overdue first, then the nearest deadline). Each opens its complaint; Esc or a click outside closes.
 */
export function Bell() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const counts = useDeadlineCounts();
  const [open, setOpen] = useState(false);
  const rows = useDeadlineAlerts(BELL_LIST_MAX, open);
  const now = useNow();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const wrapRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: MouseEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  if (!counts) return null;
  const total = counts.dueSoon + counts.overdue;
  const label = t('topbar.bell', counts);

  const go = (action: () => void) => {
    setOpen(false);
    action();
  };

  return (
    <span ref={wrapRef} className="bell-wrap">
      <button
        ref={buttonRef}
        type="button"
        className="topbar-item bell"
        title={`${label} — ${t('topbar.bellOpen')}`}
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="bell" />
        {/* A zero count is shown but not coloured: red or amber means something needs doing. */}
        <span className="bell-count" data-kind="due_soon" data-zero={counts.dueSoon === 0} aria-hidden="true">
          {t('topbar.dueSoon', { count: counts.dueSoon })}
        </span>
        <span className="bell-count" data-kind="overdue" data-zero={counts.overdue === 0} aria-hidden="true">
          {t('topbar.overdue', { count: counts.overdue })}
        </span>
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="dialog" aria-label={t('topbar.alertsTitle')}>
          <h2 className="bell-title">{t('topbar.alertsTitle')}</h2>
          {rows === undefined ? (
            <p className="muted">{t('topbar.alertsLoading')}</p>
          ) : rows.length === 0 ? (
            <p className="muted">{t('topbar.alertsEmpty')}</p>
          ) : (
            <ul className="bell-list">
              {rows.map((row) => {
                const minutes = row.nextDeadlineAt ? Math.abs(Date.parse(row.nextDeadlineAt) - Date.parse(now)) / 60_000 : undefined;
                return (
                  <li key={row.id}>
                    <button type="button" className="bell-item" onClick={() => go(() => navigate({ name: 'complaint', id: row.id }))}>
                      <span className="bell-number">{row.number}</span>
                      <GradeChip grade={row.grade} />
                      <ClockBadge state={row.clockState} minutes={minutes} kind={row.nextDeadlineKind} dueText={formatDateTime(row.nextDeadlineAt, language, branch.timeZone)} />
                      <span className="bell-assignee">{row.assigneeName}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {rows !== undefined && total > rows.length && <p className="muted bell-more">{t('topbar.alertsMore', { shown: rows.length, total })}</p>}
          <button
            type="button"
            className="btn-link"
            onClick={() =>
              go(() => {
                requestRegisterFilters(DUE_SOON_FILTERS);
                navigate({ name: 'register' });
              })
            }
          >
            {t('topbar.alertsShowAll')}
          </button>
        </div>
      )}
    </span>
  );
}
