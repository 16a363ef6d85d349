import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRecord, BackupStatus } from '../../../shared/api/backup';
import type { Refusal } from '../../../shared/result';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { Field, fieldAria } from '../../ui/Field';
import { formatSize } from '../evidence/evidenceFiles';
import { setBackupWarning } from './backupWarningStore';
import './backup.css';
import { RefusalBanner } from '../../ui/RefusalBanner';

/** While a backup runs, its progress is asked for this often. */
const POLL_MS = 700;

/**
 * Settings → Backups (admin only; main refuses everyone else): the backup folder, "Back up now" with its
 * progress, the last backup and its check, and a warning when the last one failed or is older than the
 * policy's interval. Main runs the backup in the background; this section only watches `backup.status`.
 */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const [hasFolderDialog, setHasFolderDialog] = useState(false);
  const time = (iso: string) => formatDateTime(iso, language, branch.timeZone);
  const size = (bytes: number) => formatSize(bytes, language);
  const reason = (record: BackupRecord) => t(`backup.failure.${record.failure ?? 'io_error'}`);

  const show = useCallback((next: BackupStatus) => {
    setStatus(next);
    if (!next.running) setBackupWarning(next.warning);
    // The stored folder fills the field once; what the admin is typing is never overwritten by a poll.
    setFolder((typed) => (typed === '' ? (next.folder ?? '') : typed));
  }, []);

  useEffect(() => {
    let live = true;
    void api.call('app.info', {}).then((info) => live && info.ok && setHasFolderDialog(info.value.mode === 'electron'));
    return () => {
      live = false;
    };
  }, []);

  const running = status?.running ?? null;
  const isRunning = running !== null;
  // Loads the status, and while a backup runs, follows it.
  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('backup.status', {}).then((result) => {
        if (!live) return;
        if (result.ok) show(result.value);
        else setRefusal(result.error);
      });
    void load();
    const timer = isRunning ? window.setInterval(() => void load(), POLL_MS) : undefined;
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [isRunning, show]);

  async function saveFolder(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setSaved(false);
    const result = await api.call('backup.setFolder', { folder });
    if (!result.ok) return setRefusal(result.error);
    setFolder(result.value.folder ?? '');
    show(result.value);
    setSaved(true);
  }

  async function chooseFolder() {
    setRefusal(null);
    setSaved(false);
    const result = await api.call('backup.chooseFolder', {});
    if (!result.ok) return setRefusal(result.error);
    setSaved(result.value.folder !== status?.folder);
    setFolder(result.value.folder ?? '');
    show(result.value);
  }

  async function runNow() {
    setRefusal(null);
    setSaved(false);
    const result = await api.call('backup.run', {});
    if (result.ok) show(result.value);
    else setRefusal(result.error);
  }

  const warning = status?.warning;
  const folderChanged = folder.trim() !== (status?.folder ?? '');
  const lastGoodDiffers = status?.lastGood && status.lastGood.at !== status.last?.at;

  return (
    <section className="section backup-settings" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted flush">{t('backup.intro', { hours: status?.intervalHours ?? 24 })}</p>
      {warning && status && !running && (
        <div className="banner banner-warning" role="alert">
          {warning === 'never' && t('backup.warnNever')}
          {warning === 'failed' && status.last && t('backup.warnFailed', { time: time(status.last.at), reason: reason(status.last) })}
          {warning === 'overdue' && status.lastGood && t('backup.warnOverdue', { hours: status.intervalHours, time: time(status.lastGood.at) })}
        </div>
      )}
      <RefusalBanner refusal={refusal} />
      <form className="backup-folder" onSubmit={(event) => void saveFolder(event)} noValidate>
        <Field id="backup-folder" label={t('backup.folder')} hint={t('backup.folderHint')}>
          <input
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            {...fieldAria('backup-folder', undefined, 'hint')}
          />
        </Field>
        {hasFolderDialog && (
          <button type="button" className="btn" onClick={() => void chooseFolder()}>
            {t('backup.chooseFolder')}
          </button>
        )}
        <button type="submit" className="btn" disabled={!folderChanged || folder.trim() === ''}>
          {t('backup.saveFolder')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void runNow()} disabled={!status?.folder || folderChanged || isRunning}>
          {isRunning ? t('backup.running') : t('backup.runNow')}
        </button>
      </form>
      {saved && (
        <div className="account-notice" role="status">
          {t('backup.folderSaved')}
        </div>
      )}
      {running && (
        <div className="backup-progress" role="status">
          <progress aria-label={t('backup.progressLabel')} max={Math.max(running.totalBytes, 1)} value={running.doneBytes} />
          <span className="tabular">
            {t(running.phase === 'copying' ? 'backup.copying' : 'backup.verifying', { done: size(running.doneBytes), total: size(running.totalBytes) })}
          </span>
        </div>
      )}
      {status && (
        <dl className="backup-facts">
          <dt>{t('backup.last')}</dt>
          <dd>{status.last ? <BackupRecordText record={status.last} time={time} size={size} reason={reason} /> : t('backup.none')}</dd>
          {lastGoodDiffers && status.lastGood && (
            <>
              <dt>{t('backup.lastGood')}</dt>
              <dd>
                <BackupRecordText record={status.lastGood} time={time} size={size} reason={reason} />
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

interface RecordTextProps {
  readonly record: BackupRecord;
  readonly time: (iso: string) => string;
  readonly size: (bytes: number) => string;
  readonly reason: (record: BackupRecord) => string;
}

function BackupRecordText({ record, time, size, reason }: RecordTextProps) {
  const { t } = useTranslation();
  return (
    <span className="backup-record" data-ok={record.ok}>
      <span className="tabular">{time(record.at)}</span>
      <span className="backup-result">{record.ok ? t('backup.okVerified') : t('backup.failed', { reason: reason(record) })}</span>
      {record.ok && record.sizeBytes !== undefined && <span className="tabular">{size(record.sizeBytes)}</span>}
      {record.ok && record.fileCount !== undefined && <span className="tabular">{t('backup.files', { count: record.fileCount })}</span>}
      {record.name && <code>{record.name}</code>}
    </span>
  );
}
