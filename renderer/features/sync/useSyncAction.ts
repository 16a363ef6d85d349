import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/api/sync';
import type { Refusal, Result } from '../../../shared/result';
import { publishSyncStatus } from './syncStatus';

/** `text` is made when shown, so a notice follows a language switch. */
export type ActionOutcome = { kind: 'done'; text: (t: TFunction) => string } | { kind: 'refused'; refusal: Refusal };

/**
 * One admin action on sync at a time: busy while main works, then what came of it (a sentence made from the
 * answer, or main's refusal), and the status main answered with shown everywhere at once.
 */
export function useSyncAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>, statusOf: (value: T) => SyncStatus, describe: (t: TFunction, value: T) => string): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await call();
      if (!result.ok) {
        setOutcome({ kind: 'refused', refusal: result.error });
        return false;
      }
      publishSyncStatus(statusOf(result.value));
      const value = result.value;
      setOutcome({ kind: 'done', text: (t) => describe(t, value) });
      return true;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, outcome, run };
}
