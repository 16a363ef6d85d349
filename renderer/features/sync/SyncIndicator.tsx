import { useEffect } from 'react';
import { usePopover } from '../../ui/usePopover';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/sync';
import { api } from '../../platform/api';
import { usePolicyBookValue } from '../../session/policy';
import { useSession } from '../../session/session';
import { navigate } from '../../session/useRoute';
import { Icon } from '../../ui/Icon';
import { publishSyncStatus, useSyncStatus } from './syncStatus';
import { SyncSummary } from './SyncSummary';
import './sync.css';

/** `14:05` today, `11-28 14:05` another day: "synced at hh:mm" must not pass off last week as today. */
function syncedAt(iso: string, timeZone: string): string {
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', ...options }).format(Date.parse(iso));
  const sameDay = format({ dateStyle: 'short' }) === new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(Date.now());
  const time = format({ hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${format({ month: '2-digit', day: '2-digit' }).replace('/', '-')} ${time}`;
}

function indicatorText(t: ReturnType<typeof useTranslation>['t'], status: SyncStatus, timeZone: string): string {
  if (status.running && status.pending > 0 && status.state !== 'error') return t('sync.indicator.syncing');
  if (status.state === 'synced') return status.lastSuccessAt ? t('sync.indicator.synced', { time: syncedAt(status.lastSuccessAt, timeZone) }) : t('sync.state.synced');
  return t(`sync.indicator.${status.state}`, { count: status.pending });
}

/** "Sync now": main answers at once and the round runs on; the indicator follows it. */
export function SyncNowButton({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const usable = status.enrolment !== null && status.enabled;
  return (
    <button type="button" className="btn" disabled={!usable || status.running} onClick={() => void api.call('sync.now', { trigger: 'manual' }).then((result) => result.ok && publishSyncStatus(result.value))}>
      <Icon name="refresh" /> {status.running ? t('sync.syncing') : t('sync.syncNow')}
    </button>
  );
}

/**
 * The top bar's sync state (UI.md: offline / pending N / synced at hh:mm / error). A click opens the panel: the
 * state in words, last success, pending events, the last error and "sync now"; an admin can go on to the settings.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { branch, user } = useSession();
  const status = useSyncStatus();
  const { open, setOpen, wrapRef, buttonRef, panelId } = usePopover();
  const { refresh: refreshPolicy } = usePolicyBookValue();
  const lastSuccessAt = status?.lastSuccessAt;
  // A good round may have brought head office's policy: the window takes it now, not at its next check.
  useEffect(() => {
    if (lastSuccessAt) refreshPolicy();
  }, [lastSuccessAt, refreshPolicy]);


  if (!status) return null;
  const text = indicatorText(t, status, branch.timeZone);
  return (
    <span ref={wrapRef} className="sync-wrap">
      <button
        ref={buttonRef}
        type="button"
        className="topbar-item sync-indicator"
        data-state={status.state}
        title={t('sync.indicatorTitle')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name={status.state === 'synced' ? 'check' : status.state === 'error' ? 'alert' : 'cloud'} />
        <span>{text}</span>
      </button>
      {open && (
        <div id={panelId} className="sync-panel" role="dialog" aria-label={t('sync.panelTitle')}>
          <h2 className="sync-panel-title">{t('sync.panelTitle')}</h2>
          <SyncSummary status={status} />
          <div className="sync-actions">
            <SyncNowButton status={status} />
            {user.role === 'admin' && (
              <button
                type="button"
                className="btn-link"
                onClick={() => {
                  setOpen(false);
                  navigate({ name: 'settings' });
                }}
              >
                {t('sync.openSettings')}
              </button>
            )}
          </div>
        </div>
      )}
    </span>
  );
}
