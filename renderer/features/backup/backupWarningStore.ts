/**
 * The last backup warning this window heard of, shared by Settings → Backups (which sees every run) and the
 * nav's mark, so the mark goes away the moment a backup in Settings succeeds.
 */
import { useSyncExternalStore } from 'react';
import type { BackupWarning } from '../../../shared/api/backup';

let current: BackupWarning | null = null;
const listeners = new Set<() => void>();

export function setBackupWarning(warning: BackupWarning | null): void {
  if (warning === current) return;
  current = warning;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useBackupWarning = (): BackupWarning | null => useSyncExternalStore(subscribe, () => current);
