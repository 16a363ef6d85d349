import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNC_INTERVAL_MINUTES, type SyncStatus } from '../../../shared/api/sync';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { Field, fieldAria } from '../../ui/Field';
import { OutcomeLine } from '../sync/OutcomeLine';
import { SyncNowButton } from '../sync/SyncIndicator';
import { SyncSummary } from '../sync/SyncSummary';
import { useSyncStatus } from '../sync/syncStatus';
import { UsbTransfer } from '../sync/UsbTransfer';
import { useSyncAction } from '../sync/useSyncAction';
import '../sync/sync.css';

function Enrolment({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [code, setCode] = useState('');
  const { busy, outcome, run } = useSyncAction();
  const enrolment = status.enrolment;
  const enrol = async () => {
    const done = await run(() => api.call('sync.enrol', { code }), (value) => value, (t) => t('sync.enrolledNow'));
    if (done) setCode('');
  };
  return (
    <>
      <h3>{t('sync.enrolTitle')}</h3>
      {enrolment && (
        <p className="flush">
          {t('sync.enrolled', { url: enrolment.url, branch: enrolment.branch, issuedAt: formatDateTime(enrolment.issuedAt, language, branch.timeZone) })}
        </p>
      )}
      <div className="sync-row">
        <Field id="sync-code" label={t('sync.enrolCode')} hint={t('sync.enrolHint')}>
          <textarea className="sync-code" value={code} spellCheck={false} autoComplete="off" onChange={(event) => setCode(event.target.value)} {...fieldAria('sync-code', undefined, t('sync.enrolHint'))} />
        </Field>
        <button type="button" className="btn btn-primary" disabled={busy || code.trim() === ''} onClick={() => void enrol()}>
          {enrolment ? t('sync.reenrol') : t('sync.enrol')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </>
  );
}

/** Its inputs start from what main held when the section opened; later polls do not overwrite what the admin types. */
function Schedule({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(status.enabled);
  const [interval, setIntervalText] = useState(String(status.intervalMinutes));
  const { busy, outcome, run } = useSyncAction();
  const minutes = Number(interval);
  const intervalValid = Number.isInteger(minutes) && minutes >= SYNC_INTERVAL_MINUTES.min && minutes <= SYNC_INTERVAL_MINUTES.max;
  return (
    <>
      <h3>{t('sync.scheduleTitle')}</h3>
      <div className="sync-row">
        <label className="sync-check">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t('sync.enabled')}
        </label>
        <Field id="sync-interval" label={t('sync.interval')} className="narrow">
          <input type="number" min={SYNC_INTERVAL_MINUTES.min} max={SYNC_INTERVAL_MINUTES.max} value={interval} onChange={(event) => setIntervalText(event.target.value)} {...fieldAria('sync-interval', intervalValid ? undefined : 'invalid')} />
        </Field>
        <button type="button" className="btn" disabled={busy || !intervalValid} onClick={() => void run(() => api.call('sync.configure', { enabled, intervalMinutes: minutes }), (value) => value, (t) => t('sync.saved'))}>
          {t('sync.saveSettings')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </>
  );
}

/**
 * Settings → Sync with head office (admin): the state and figures, "sync now", enrolment by pasting head
 * office's one-time code, on/off and the interval, and the USB transfer. Main refuses anyone else anyway.
 */
export function SyncSettings({ mode }: { mode: 'electron' | 'browser' | undefined }) {
  const { t } = useTranslation();
  const status = useSyncStatus();
  return (
    <section className="section sync-settings" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('sync.settingsTitle')}</h2>
      <p className="muted flush">{t('sync.settingsIntro')}</p>
      {status && (
        <>
          <SyncSummary status={status} />
          <div className="sync-row">
            <SyncNowButton status={status} />
          </div>
          <Enrolment status={status} />
          <Schedule status={status} />
          <UsbTransfer hasDialogs={mode === 'electron'} enrolled={status.enrolment !== null} />
        </>
      )}
    </section>
  );
}
