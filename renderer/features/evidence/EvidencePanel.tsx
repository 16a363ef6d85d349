import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKind, isEvidenceMime, isPreviewable, safeFileName } from '../../../shared/api/evidence';
import { whyNot } from '../../../shared/domain/commands';
import type { EvidenceRef } from '../../../shared/domain/event-payloads';
import type { DomainEvent } from '../../../shared/domain/events';
import type { ComplaintState } from '../../../shared/domain/state';
import type { Refusal } from '../../../shared/result';
import { useReadOnly, useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { refusalText } from '../../i18n/refusal';
import { api } from '../../platform/api';
import { useDeskStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { usePolicyFor } from '../../ui/policy';
import { useUserName } from '../../ui/useUserName';
import { AttachFiles } from './AttachFiles';
import { fetchEvidence, formatSize, saveBlob } from './evidenceFiles';
import { useBrowserMode } from '../print/useBrowserMode';
import { evidenceErrorText } from './evidenceText';
import { FileIcon } from './FileIcon';
import { useEvidenceBlob, type BlobState } from './useEvidenceBlob';
import './evidence.css';

/** Who attached each file and when: the event that first brought its hash onto the record. */
function attachedBy(events: readonly DomainEvent[]): Map<string, { actor: string; at: string }> {
  const found = new Map<string, { actor: string; at: string }>();
  for (const event of events) {
    const files = event.type === 'Registered' || event.type === 'EvidenceAttached' ? event.payload.evidence : [];
    for (const file of files) if (!found.has(file.hash)) found.set(file.hash, { actor: event.actor, at: event.at });
  }
  return found;
}

/** Open with the system's app (Electron) or, in browser mode, download a verified copy. */
async function openOrDownload(file: EvidenceRef): Promise<Refusal | undefined> {
  const opened = await api.call('evidence.open', { hash: file.hash, name: file.name, mime: file.mime });
  if (!opened.ok) return opened.error;
  if (opened.value.opened) return undefined;
  const blob = await fetchEvidence(file);
  if (!blob.ok) return blob.error;
  saveBlob(blob.value, isEvidenceMime(file.mime) ? safeFileName(file.name, file.mime) : file.name);
  return undefined;
}


/** The image itself once loaded; the type's icon while loading, or when the bytes do not decode as an image. */
function Thumbnail({ file, blob, onBroken }: { file: EvidenceRef; blob: BlobState; onBroken: () => void }) {
  if (blob.state === 'ready') return <img src={blob.url} alt="" className="evidence-thumb" onError={onBroken} />;
  return (
    <span className="evidence-thumb evidence-thumb-icon" data-state={blob.state}>
      <FileIcon kind={evidenceKind(file.mime)} size={28} />
    </span>
  );
}

interface ItemProps {
  file: EvidenceRef;
  added: string;
  browserMode: boolean;
  onPreview: (file: EvidenceRef, url: string) => void;
}

function EvidenceItem({ file, added, browserMode, onPreview }: ItemProps) {
  const { t, i18n } = useTranslation();
  const previewable = isPreviewable(file.mime);
  const loaded = useEvidenceBlob(file, previewable);
  const [broken, setBroken] = useState(false);
  const blob: BlobState = broken ? { state: 'idle' } : loaded;
  const [problem, setProblem] = useState<Refusal>();
  const [opening, setOpening] = useState(false);
  const kind = evidenceKind(file.mime) ?? 'other';
  const open = async () => {
    setOpening(true);
    setProblem(await openOrDownload(file));
    setOpening(false);
  };
  const error = problem ?? (blob.state === 'failed' ? blob.error : undefined);
  return (
    <li className="evidence-item">
      <Thumbnail file={file} blob={blob} onBroken={() => setBroken(true)} />
      <div className="evidence-meta">
        <span className="evidence-name" title={file.name}>
          {file.name}
        </span>
        <span className="muted tabular">
          {t(`evidence.kind.${kind}`)} · {formatSize(file.size, i18n.language)}
          {added && ` · ${added}`}
        </span>
        {error && (
          <span className="field-error" role="alert">
            {evidenceErrorText(t, error)}
          </span>
        )}
      </div>
      <div className="evidence-actions">
        {previewable && !broken && (
          <button
            type="button"
            className="btn"
            disabled={blob.state !== 'ready'}
            aria-label={t('evidence.previewFile', { name: file.name })}
            onClick={() => blob.state === 'ready' && onPreview(file, blob.url)}
          >
            {t('evidence.preview')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={opening}
          aria-label={t(browserMode ? 'evidence.downloadFile' : 'evidence.openFile', { name: file.name })}
          onClick={() => void open()}
        >
          {t(browserMode ? 'evidence.download' : 'evidence.open')}
        </button>
      </div>
    </li>
  );
}

/** A file as head office knows it: its name, type, size and who attached it when (the bytes stay at the branch). */
function FileListed({ file, added }: { file: EvidenceRef; added: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="evidence-item">
      <span className="evidence-thumb evidence-thumb-icon">
        <FileIcon kind={evidenceKind(file.mime)} size={28} />
      </span>
      <div className="evidence-meta">
        <span className="evidence-name" title={file.name}>
          {file.name}
        </span>
        <span className="muted tabular">
          {t(`evidence.kind.${evidenceKind(file.mime) ?? 'other'}`)} · {formatSize(file.size, i18n.language)}
          {added && ` · ${added}`}
        </span>
      </div>
    </li>
  );
}

/**
 * The complaint's evidence (SPEC §1): every attached file with its type, size and who attached it when; image
 * thumbnails with a larger preview; open (desktop) or download (browser mode) for any file; and "Attach
 * files", which stores the files in main and records one EvidenceAttached event.
 */
export function EvidencePanel({ complaint, events }: { complaint: ComplaintState; events: readonly DomainEvent[] }) {
  const { t, i18n } = useTranslation();
  const { user, branch } = useSession();
  const { store } = useDeskStore();
  const policy = usePolicyFor(complaint);
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [preview, setPreview] = useState<{ file: EvidenceRef; url: string }>();
  const browserMode = useBrowserMode();
  // Head office holds the record of each file, not the file: it stays on the branch's desk.
  const readOnly = useReadOnly();

  const added = useMemo(() => attachedBy(events), [events]);
  const cannot = whyNot('attachEvidence', complaint, { id: user.id, role: user.role }, policy);
  const record = useCallback(
    async (evidence: EvidenceRef[]) => store.perform(complaint.id, 'attachEvidence', { evidence }),
    [store, complaint.id],
  );

  return (
    <section className="section evidence-panel" aria-labelledby="evidence-title">
      <h2 id="evidence-title">
        {t('evidence.title')}
        {complaint.evidence.length > 0 && <span className="muted tabular"> ({complaint.evidence.length})</span>}
      </h2>
      {complaint.evidence.length === 0 ? (
        <p className="muted evidence-none">{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-list" aria-label={t('evidence.list')}>
          {complaint.evidence.map((file) => {
            const by = added.get(file.hash);
            const addedText = by ? t('evidence.addedBy', { who: userName(by.actor), when: formatDateTime(by.at, language, branch.timeZone) }) : '';
            return readOnly ? (
              <FileListed key={file.hash} file={file} added={addedText} />
            ) : (
              <EvidenceItem key={file.hash} file={file} added={addedText} browserMode={browserMode} onPreview={(f, url) => setPreview({ file: f, url })} />
            );
          })}
        </ul>
      )}
      {readOnly ? null : cannot ? (
        <p className="muted">{t('evidence.cannotAttach', { reason: refusalText(t, cannot) })}</p>
      ) : (
        <AttachFiles onStored={record} />
      )}
      {preview && (
        <Dialog title={t('evidence.previewTitle')} onClose={() => setPreview(undefined)}>
          <figure className="evidence-preview">
            <img src={preview.url} alt={preview.file.name} />
            <figcaption>
              {preview.file.name} · {formatSize(preview.file.size, i18n.language)}
            </figcaption>
          </figure>
        </Dialog>
      )}
    </section>
  );
}
