import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchSetup } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { Field, fieldAria } from '../../ui/Field';
import './backup.css';
import { RefusalBanner } from '../../ui/RefusalBanner';

/**
 * First run → "Restore from a backup": main checks every file of the backup against its manifest before it
 * touches this data folder, refuses a damaged one saying which file, and restores only into an empty folder.
 * Afterwards the restored branch's people sign in with their own accounts.
 */
export function RestoreFromBackup({ onRestored }: { onRestored: (branch: BranchSetup) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (path.trim() === '') return;
    setRefusal(null);
    setBusy(true);
    const result = await api.call('setup.restore', { path });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error);
    onRestored(result.value.branch);
  }

  return (
    <details className="restore-backup">
      <summary>{t('restore.summary')}</summary>
      <form className="auth-form" onSubmit={(event) => void restore(event)} noValidate>
        <p className="muted flush">{t('restore.intro')}</p>
        <RefusalBanner refusal={refusal} />
        <Field id="restore-path" label={t('restore.path')}>
          <input type="text" spellCheck={false} autoComplete="off" value={path} onChange={(event) => setPath(event.target.value)} {...fieldAria('restore-path', undefined)} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy || path.trim() === ''}>
          {busy ? t('restore.submitting') : t('restore.submit')}
        </button>
      </form>
    </details>
  );
}
