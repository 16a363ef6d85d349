/**
 * A document main rendered (record sheet, branch report) shown in a sandboxed frame: no scripts may run in it
 * (no allow-scripts). `allow-same-origin` lets this page call the frame's print(), and `allow-modals` lets that
 * print dialog open; the document is main's own HTML.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

// The wide dialog holds an A4 page at 1366 px; in a narrower window the frame scrolls sideways rather than squeezing the page.
const PREVIEW_STYLE = { width: '100%', minWidth: 520, height: '65vh', border: '1px solid #c8cdd4', background: '#fff' } as const;

interface DocumentPreviewProps {
  readonly title: string;
  /** How to set up the print dialog for this document. */
  readonly hint: string;
  readonly html: string;
  readonly onClose: () => void;
  /**
   * Called after the frame's print dialog closed; or, when given, `printElsewhere` prints instead of the frame
   * (Electron: main's system print dialog, which records the print itself).
   */
  readonly onPrinted?: () => void;
  readonly printElsewhere?: () => void;
}

export function DocumentPreview({ title, hint, html, onClose, onPrinted, printElsewhere }: DocumentPreviewProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const printFrame = () => {
    if (printElsewhere) return printElsewhere();
    const target = frame.current?.contentWindow;
    if (!target) return;
    target.focus();
    target.print(); // blocks until the dialog closes
    onPrinted?.();
    onClose();
  };
  return (
    <Dialog title={title} onClose={onClose} wide>
      <p className="muted">{hint}</p>
      <iframe ref={frame} title={title} sandbox="allow-same-origin allow-modals" srcDoc={html} style={PREVIEW_STYLE} />
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 10 }}>
        <button type="button" className="btn btn-primary" onClick={printFrame}>
          {t('print.printNow')}
        </button>
      </div>
    </Dialog>
  );
}
