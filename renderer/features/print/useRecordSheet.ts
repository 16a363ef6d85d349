/**
 * The record sheet's actions on a complaint page: save as PDF, print (Electron: the system dialog; browser mode:
 * a preview whose frame is printed), and recording each print in the timeline. Main renders the sheet from its
 * journal, so unjournaled events are flushed first — the sheet always shows what the screen shows.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintState } from '../../../shared/domain/state';
import type { Refusal } from '../../../shared/result';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useDeskStore } from '../../store';
import { receiveDelivery } from './delivery';
import { documentRefusalText } from './documentRefusal';
import { useBrowserMode } from './useBrowserMode';

export type SheetStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export interface RecordSheetActions {
  readonly status: SheetStatus;
  /** True in browser mode: printing goes through the preview (assumed until main answers). */
  readonly browserMode: boolean;
  /** The preview's HTML while it is open. */
  readonly previewHtml: string | undefined;
  savePdf(): Promise<void>;
  /** Electron: the system print dialog. Browser mode: opens the preview. */
  print(): Promise<void>;
  /** Browser mode, after the preview frame was printed. */
  recordPreviewPrinted(): Promise<void>;
  closePreview(): void;
}

export function useRecordSheet(complaint: ComplaintState): RecordSheetActions {
  const { t, i18n } = useTranslation();
  const { store } = useDeskStore();
  const [status, setStatus] = useState<SheetStatus>({ kind: 'idle' });
  const browserMode = useBrowserMode();
  const [previewHtml, setPreviewHtml] = useState<string>();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const id = complaint.id;

  const fail = useCallback((refusal: Refusal) => setStatus({ kind: 'error', text: documentRefusalText(t, refusal) }), [t]);

  /** Puts the print on the record's timeline; `doneText` is shown once it is recorded. */
  const record = useCallback(
    async (output: 'printer' | 'pdf', doneText: string) => {
      const recorded = await store.perform(id, 'printRecord', { purpose: output === 'printer' ? 'signature' : 'filing', output, copies: 1 });
      setStatus(recorded.ok ? { kind: 'done', text: doneText } : { kind: 'error', text: t('print.recordFailed', { reason: documentRefusalText(t, recorded.error) }) });
    },
    [id, store, t],
  );

  const savePdf = useCallback(async () => {
    setStatus({ kind: 'busy' });
    const saved = await api.call('documents.savePdf', { complaintId: id, language });
    if (!saved.ok) return fail(saved.error);
    const received = receiveDelivery(saved.value);
    if (received.outcome === 'cancelled') return setStatus({ kind: 'done', text: t('print.cancelled') });
    await record('pdf', received.outcome === 'saved' ? t('print.saved', { path: received.path }) : t('print.downloaded', { fileName: received.fileName }));
  }, [fail, id, language, record, t]);

  const print = useCallback(async () => {
    setStatus({ kind: 'busy' });
    if (browserMode) {
      const sheet = await api.call('documents.recordSheetHtml', { complaintId: id, language });
      if (!sheet.ok) return fail(sheet.error);
      setPreviewHtml(sheet.value.html);
      return setStatus({ kind: 'idle' });
    }
    const printed = await api.call('documents.print', { complaintId: id, language });
    if (!printed.ok) return fail(printed.error);
    if (!printed.value.printed) return setStatus({ kind: 'done', text: t('print.notPrinted') });
    await record('printer', t('print.printed'));
  }, [browserMode, fail, id, language, record, t]);

  const recordPreviewPrinted = useCallback(() => record('printer', t('print.printed')), [record, t]);
  const closePreview = useCallback(() => setPreviewHtml(undefined), []);

  return { status, browserMode, previewHtml, savePdf, print, recordPreviewPrinted, closePreview };
}
