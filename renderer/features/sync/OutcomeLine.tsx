import { useTranslation } from 'react-i18next';
import { refusalText } from '../../i18n/refusal';
import type { ActionOutcome } from './useSyncAction';

/** What came of an admin's sync action: a quiet line when done, an error banner in words when refused. */
export function OutcomeLine({ outcome }: { outcome: ActionOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return outcome.kind === 'done' ? (
    <p className="sync-notice" role="status">
      {outcome.text(t)}
    </p>
  ) : (
    <div className="banner banner-error" role="alert">
      {refusalText(t, outcome.refusal)}
    </div>
  );
}
