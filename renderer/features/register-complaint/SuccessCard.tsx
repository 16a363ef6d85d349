import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchSetup } from '../../../shared/api/schemas';
import type { ComplaintId } from '../../../shared/brand';
import { computeClocks } from '../../../shared/deadlines/clocks';
import { navigate } from '../../session/useRoute';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useComplaint } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useCalendar, usePolicyFor } from '../../ui/policy';
import { receiptHtml } from './receipt';

export interface Registered {
  id: string;
  number: string;
}

/** The number, large, ready to tell the customer; a receipt to hand over; then straight on to the next customer. */
export function SuccessCard({ registered, onAnother, branch }: { registered: Registered; onAnother: () => void; branch: Pick<BranchSetup, 'name' | 'code' | 'timeZone'> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [receiptOpen, setReceiptOpen] = useState(false);
  const anotherRef = useRef<HTMLButtonElement>(null);
  useEffect(() => anotherRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(registered.number);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission): the number is selectable text, select it for Ctrl+C.
      const range = document.createRange();
      const node = document.getElementById('registered-number');
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  };

  return (
    <section className="success-card" role="status" aria-labelledby="success-title">
      <h1 id="success-title">{t('register.successTitle')}</h1>
      <p className="muted">{t('register.successHint')}</p>
      <output id="registered-number" className="complaint-number" aria-label={t('registerList.number')}>
        {registered.number}
      </output>
      <div className="row-inline">
        <button type="button" className="btn" onClick={() => void copy()}>
          {copied ? t('register.numberCopied') : t('common.copy')}
        </button>
        <button type="button" className="btn" onClick={() => setReceiptOpen(true)}>
          {t('register.printReceipt')}
        </button>
        <button type="button" className="btn btn-primary" ref={anotherRef} onClick={onAnother}>
          {t('register.registerAnother')} <kbd aria-hidden="true">F2</kbd>
        </button>
        <button type="button" className="btn" onClick={() => navigate({ name: 'complaint', id: registered.id })}>
          {t('register.openComplaint')}
        </button>
      </div>
      <p className="muted">{t('register.printFromComplaint')}</p>
      {receiptOpen && <ReceiptPreview registered={registered} branch={branch} onClose={() => setReceiptOpen(false)} />}
    </section>
  );
}

// The slip is narrow; the frame shows it at its printed size with room around it.
const FRAME_STYLE = { width: 360, height: 380, border: '1px solid #c8cdd4', background: '#fff' } as const;

/**
 * The receipt as it will print, in a sandboxed frame (no scripts: no allow-scripts); "Print" prints only the
 * frame — the system print dialog in Electron, the browser's in browser mode. Built from the complaint the
 * store holds, i.e. what main confirmed on disk; the deadlines are the policy's for its grade.
 */
function ReceiptPreview({ registered, branch, onClose }: { registered: Registered; branch: Pick<BranchSetup, 'name' | 'code' | 'timeZone'>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const calendar = useCalendar();
  const complaint = useComplaint(registered.id as ComplaintId);
  const policy = usePolicyFor(complaint);
  const frame = useRef<HTMLIFrameElement>(null);
  const when = (iso: string | undefined) => formatDateTime(iso, language, branch.timeZone);
  const clocks = complaint ? computeClocks(complaint, policy, calendar, new Date().toISOString()) : undefined;
  const html = receiptHtml({
    lang: language,
    title: t('register.receiptTitle'),
    rows: [
      [t('register.receiptNumber'), registered.number],
      [t('register.receiptReceivedAt'), when(complaint?.receivedAt)],
      [t('register.receiptBranch'), `${branch.name}（${branch.code}）`],
    ],
    nextLabel: t('register.receiptNext'),
    next: clocks
      ? t('register.receiptNextText', { respondBy: when(clocks.response.deadline), resolveBy: when(clocks.resolution.deadline) })
      : t('register.receiptNextUnknown'),
    keep: t('register.receiptKeep'),
  });
  const print = () => {
    const target = frame.current?.contentWindow;
    if (!target) return;
    target.focus();
    target.print();
  };
  return (
    <Dialog title={t('register.receiptPreview')} onClose={onClose}>
      <iframe ref={frame} title={t('register.receiptPreview')} sandbox="allow-same-origin allow-modals" srcDoc={html} style={FRAME_STYLE} />
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={print}>
          {t('register.receiptPrint')}
        </button>
      </div>
    </Dialog>
  );
}
