/** Whether the admin should be warned about backups (Settings, and the nav's badge if one is added). */
import type { BackupRecord, BackupWarning } from '../api/backup';

const HOUR_MS = 3_600_000;

export function backupWarning(state: { folder: string | null; last: BackupRecord | null; lastGood: BackupRecord | null }, now: Date, intervalHours: number): BackupWarning | null {
  if (!state.folder || !state.lastGood) return state.last && !state.last.ok ? 'failed' : 'never';
  if (state.last && !state.last.ok) return 'failed';
  // A little slack, so a daily backup that ran a few minutes later than yesterday's does not warn.
  const late = now.getTime() - Date.parse(state.lastGood.at) > intervalHours * HOUR_MS * 1.25;
  return late ? 'overdue' : null;
}
