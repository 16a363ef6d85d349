import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKind } from '../../../shared/api/evidence';
import type { EvidenceRef } from '../../../shared/domain/event-payloads';
import { ok } from '../../../shared/result';
import { AttachFiles } from './AttachFiles';
import { formatSize } from './evidenceFiles';
import { FileIcon } from './FileIcon';
import './evidence.css';

/**
 * Evidence on the registration form: files are stored in main as they are picked, and the form keeps their
 * EvidenceRefs (`value`) to send with the register command's `evidence`. A file removed here before submitting
 * stays in the content store unreferenced, which is harmless (and never part of a record).
 */
export function EvidencePicker({ value, onChange }: { value: readonly EvidenceRef[]; onChange: (next: EvidenceRef[]) => void }) {
  const { t, i18n } = useTranslation();
  // A batch finishes after its upload; it must add to the list as it is then, not as it was when picked.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const onStored = useCallback(
    async (refs: EvidenceRef[]) => {
      const known = new Set(latest.current.map((file) => file.hash));
      onChange([...latest.current, ...refs.filter((file) => !known.has(file.hash) && known.add(file.hash))]);
      return ok(undefined);
    },
    [onChange],
  );
  return (
    <div className="evidence-panel">
      {value.length > 0 && (
        <ul className="evidence-list" aria-label={t('evidence.list')}>
          {value.map((file) => (
            <li key={file.hash} className="evidence-item">
              <span className="evidence-thumb evidence-thumb-icon">
                <FileIcon kind={evidenceKind(file.mime)} />
              </span>
              <div className="evidence-meta">
                <span className="evidence-name">{file.name}</span>
                <span className="muted tabular">
                  {t(`evidence.kind.${evidenceKind(file.mime) ?? 'other'}`)} · {formatSize(file.size, i18n.language)}
                </span>
              </div>
              <div className="evidence-actions">
                <button
                  type="button"
                  className="btn"
                  aria-label={t('evidence.removeFile', { name: file.name })}
                  onClick={() => onChange(value.filter((other) => other.hash !== file.hash))}
                >
                  {t('evidence.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AttachFiles onStored={onStored} />
    </div>
  );
}
