import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { Field, fieldAria } from '../../ui/Field';
import { OutcomeLine } from './OutcomeLine';
import { useSyncAction } from './useSyncAction';

/**
 * Settings → Sync → USB transfer: the pending events written as signed batch files for head office, and head
 * office's acknowledgement read back. Electron shows its folder and file dialogs; in browser mode the admin types
 * a path on this computer (the desk's main process reads and writes it, not the browser).
 */
export function UsbTransfer({ hasDialogs, enrolled }: { hasDialogs: boolean; enrolled: boolean }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [ackPath, setAckPath] = useState('');
  const exporting = useSyncAction();
  const importing = useSyncAction();

  const exportFiles = () =>
    exporting.run(
      () => api.call('sync.exportBatchFile', hasDialogs ? {} : { folder }),
      (value) => value.status,
      (t, value) =>
        value.cancelled
          ? t('sync.cancelled')
          : value.files.length === 0
            ? t('sync.exportedNone')
            : t('sync.exported', { count: value.files.length, folder: value.folder ?? '', files: value.files.map((file) => file.fileName).join(', ') }),
    );
  const importAck = () =>
    importing.run(
      () => api.call('sync.importAck', hasDialogs ? {} : { path: ackPath }),
      (value) => value.status,
      (t, value) => (value.cancelled ? t('sync.cancelled') : t('sync.imported', { seq: value.status.ackedThroughSeq, count: value.status.pending })),
    );

  return (
    <>
      <h3>{t('sync.usbTitle')}</h3>
      <p className="muted flush">{t('sync.usbIntro')}</p>
      <div className="sync-row">
        {!hasDialogs && (
          <Field id="sync-export-folder" label={t('sync.exportFolder')} hint={t('sync.exportFolderHint')}>
            <input type="text" value={folder} onChange={(event) => setFolder(event.target.value)} {...fieldAria('sync-export-folder', undefined, t('sync.exportFolderHint'))} />
          </Field>
        )}
        <button type="button" className="btn" disabled={!enrolled || exporting.busy || (!hasDialogs && folder.trim() === '')} onClick={() => void exportFiles()}>
          {hasDialogs ? t('sync.exportChoose') : t('sync.export')}
        </button>
      </div>
      <OutcomeLine outcome={exporting.outcome} />
      <div className="sync-row">
        {!hasDialogs && (
          <Field id="sync-ack-path" label={t('sync.ackPath')} hint={t('sync.ackPathHint')}>
            <input type="text" value={ackPath} onChange={(event) => setAckPath(event.target.value)} {...fieldAria('sync-ack-path', undefined, t('sync.ackPathHint'))} />
          </Field>
        )}
        <button type="button" className="btn" disabled={!enrolled || importing.busy || (!hasDialogs && ackPath.trim() === '')} onClick={() => void importAck()}>
          {hasDialogs ? t('sync.importAckChoose') : t('sync.importAck')}
        </button>
      </div>
      <OutcomeLine outcome={importing.outcome} />
    </>
  );
}
