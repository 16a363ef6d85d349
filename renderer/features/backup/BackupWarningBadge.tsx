import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { useReadOnly, useSession } from '../../session/session';
import { setBackupWarning, useBackupWarning } from './backupWarningStore';
import './backup.css';

/** How often the nav asks whether backups need the admin (the schedule itself looks every 10 minutes). */
const CHECK_MS = 10 * 60_000;

/**
 * A mark on Settings in the nav when backups need the admin (none yet, the last failed, or none within the
 * policy's interval), so a pulled USB stick is noticed without opening Settings. Admins only.
 */
export function BackupWarningBadge() {
  const { t } = useTranslation();
  const { user } = useSession();
  const warning = useBackupWarning();
  // Head office keeps no branch backups.
  const readOnly = useReadOnly();
  const admin = user.role === 'admin' && !readOnly;

  useEffect(() => {
    if (!admin) return;
    let live = true;
    const check = () =>
      api.call('backup.status', {}).then((result) => {
        if (live && result.ok) setBackupWarning(result.value.warning);
      });
    void check();
    const timer = window.setInterval(() => void check(), CHECK_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [admin]);

  if (!admin || !warning) return null;
  const text = t(`backup.badge.${warning}`);
  return (
    <span className="nav-backup-warning" role="img" aria-label={text} title={text}>
      !
    </span>
  );
}
