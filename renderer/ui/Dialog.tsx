import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first control of the dialog's content, past its header's Close button: where a person starts typing. */
const FIRST_IN_BODY = FOCUSABLE.split(', ')
  .map((selector) => `:scope > :not(header) ${selector}, :scope > :not(header):is(${selector})`)
  .join(', ');

/**
 * A modal dialog: starts at the first control of its content, traps Tab inside, closes on Esc, and gives focus
 * back to where it was when it opened. Focus moves before the dialog is painted, so keys typed the moment it
 * appears (Ctrl+Enter in a form) already reach it.
 */
/** `wide`: room for an A4 page (the record sheet preview) instead of a form's width. */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (ref.current?.querySelector<HTMLElement>(FIRST_IN_BODY) ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby="dialog-title" onKeyDown={onKeyDown}>
        <header>
          <h2 id="dialog-title">{title}</h2>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')} <kbd>Esc</kbd>
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
