import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_MB } from '../../../shared/api/evidence';
import { formatSize } from './evidenceFiles';
import { evidenceErrorText } from './evidenceText';
import { useEvidenceUploads, type OnStored, type UploadItem } from './useEvidenceUploads';

/** The line of a file still on its way, or refused (an attached file is listed with the evidence instead). */
function StatusLine({ item }: { item: UploadItem }) {
  const { t } = useTranslation();
  const { status } = item;
  switch (status.state) {
    case 'waiting':
      return <span className="muted">{t('evidence.status.waiting')}</span>;
    case 'reading':
      return (
        <>
          <progress max={1} value={status.fraction} aria-label={t('evidence.status.reading', { percent: Math.round(status.fraction * 100) })} />
          <span className="muted">{t('evidence.status.reading', { percent: Math.round(status.fraction * 100) })}</span>
        </>
      );
    case 'saving':
    case 'stored':
      return (
        <>
          <progress aria-label={t('evidence.status.saving')} />
          <span className="muted">{t('evidence.status.saving')}</span>
        </>
      );
    case 'failed':
      return <span className="field-error">{evidenceErrorText(t, status.error)}</span>;
  }
}

/**
 * "Attach files": a drop zone and a file-picker button (the keyboard way in), several files at once, with
 * each file's progress or error listed below in the UI language. What main stored goes to `onStored`.
 */
export function AttachFiles({ onStored, disabled = false }: { onStored: OnStored; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { items, add, clearFinished, busy } = useEvidenceUploads(onStored);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  // A file once attached shows in the evidence list beside this control; listing it here too reads as a twin.
  const pending = items.filter((item) => item.status.state !== 'attached');

  const take = (files: FileList | null) => {
    if (!files || files.length === 0 || disabled) return;
    void add([...files]);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };
  const onDragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <div className="evidence-attach">
      <div
        className="evidence-drop"
        data-dragging={dragging}
        data-disabled={disabled}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {/* The file input itself is the control (named by its label, styled as a button), so keyboard, screen
            readers and tests all find exactly one "Attach files". */}
        <label className="btn evidence-pick" data-disabled={disabled}>
          {t('evidence.attach')}
          <input
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            className="visually-hidden"
            aria-describedby={hintId}
            disabled={disabled}
            onChange={(event) => {
              take(event.currentTarget.files);
              event.currentTarget.value = ''; // picking the same file again still fires change
            }}
          />
        </label>
        <span id={hintId} className="muted">
          {dragging ? t('evidence.dropNow') : t('evidence.dropHint')}
          <br />
          {t('evidence.limits', { max: EVIDENCE_MAX_MB })}
        </span>
      </div>
      {pending.length > 0 && (
        <div className="evidence-uploads">
          <ul aria-label={t('evidence.uploads')} aria-live="polite">
            {pending.map((item) => (
              <li key={item.key} data-state={item.status.state}>
                <span className="evidence-upload-name" title={item.name}>
                  {item.name}
                </span>
                <span className="muted tabular">{formatSize(item.size, i18n.language)}</span>
                <span className="evidence-upload-status">
                  <StatusLine item={item} />
                </span>
              </li>
            ))}
          </ul>
          {!busy && (
            <button type="button" className="btn-link" onClick={clearFinished}>
              {t('evidence.clear')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
