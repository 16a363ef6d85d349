import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useRoute';

export interface Registered {
  id: string;
  number: string;
}

/** The number, large, ready to tell the customer; then straight on to the next customer. */
export function SuccessCard({ registered, onAnother }: { registered: Registered; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
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
        <button type="button" className="btn btn-primary" ref={anotherRef} onClick={onAnother}>
          {t('register.registerAnother')} <kbd aria-hidden="true">F2</kbd>
        </button>
        <button type="button" className="btn" onClick={() => navigate({ name: 'complaint', id: registered.id })}>
          {t('register.openComplaint')}
        </button>
      </div>
      <p className="muted">{t('register.printFromComplaint')}</p>
    </section>
  );
}
