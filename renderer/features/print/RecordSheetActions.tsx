/**
 * "Print record sheet" and "Save as PDF" for the complaint page, with Ctrl+P bound to printing while the page
 * is open (instead of the browser printing the app's screen). In browser mode printing opens a preview.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintState } from '../../../shared/domain/state';
import { whyNot } from '../../../shared/domain/commands';
import { useSession } from '../../session/session';
import { usePolicyFor } from '../../ui/policy';
import { refusalText } from '../../i18n/refusal';
import { DocumentPreview } from './DocumentPreview';
import { useRecordSheet } from './useRecordSheet';

export function RecordSheetActions({ complaint }: { complaint: ComplaintState }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const policy = usePolicyFor(complaint);
  const sheet = useRecordSheet(complaint);
  const busy = sheet.status.kind === 'busy';
  const { print } = sheet;
  // Main refuses the sheet to whoever may not print it (a clerk, on someone else's complaint): not offered then.
  const refused = whyNot('printRecord', complaint, { id: user.id, role: user.role }, policy);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        if (!busy && !refused) void print();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [busy, print, refused]);

  if (refused) return <span className="muted">{t('print.notOffered', { reason: refusalText(t, refused) })}</span>;

  return (
    <div role="group" aria-label={t('print.actions')} style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" className="btn" onClick={() => void sheet.print()} disabled={busy} title="Ctrl+P" aria-keyshortcuts="Control+P">
        {t('print.printSheet')} <kbd>Ctrl+P</kbd>
      </button>
      <button type="button" className="btn" onClick={() => void sheet.savePdf()} disabled={busy}>
        {t('print.savePdf')}
      </button>
      <span role="status" aria-live="polite" className={sheet.status.kind === 'error' ? 'field-error' : 'muted'}>
        {busy ? t('print.preparing') : sheet.status.kind === 'idle' ? '' : sheet.status.text}
      </span>
      {sheet.previewHtml !== undefined && (
        <DocumentPreview title={t('print.previewTitle')} hint={t('print.printHint')} html={sheet.previewHtml} onClose={sheet.closePreview} onPrinted={() => void sheet.recordPreviewPrinted()} />
      )}
    </div>
  );
}
