import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api/contract';
import type { Refusal } from '../../../shared/result';
import { api } from '../../platform/api';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { useLanguageSwitch } from '../../session/useLanguageSwitch';
import { useReadOnly, useSession } from '../../session/session';
import { useUsers } from '../../store';
import { OwnPassword } from '../users/OwnPassword';
import { StaffAccounts } from '../users/StaffAccounts';
import { RetentionSection } from './RetentionSection';
import { CalendarImport } from './CalendarImport';
import { BackupSection } from '../backup/BackupSection';
import { AuditSection } from '../audit/AuditSection';
import { SyncSettings } from './SyncSettings';
import { PolicySection } from '../policy/PolicySection';
import { RefusalBanner } from '../../ui/RefusalBanner';

const MODE_LABEL = { electron: 'settings.modeElectron', browser: 'settings.modeBrowser', headOffice: 'headOffice.modeHeadOffice' } as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const switchLanguage = useLanguageSwitch();
  const [info, setInfo] = useState<ApiOutput<'app.info'> | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { user } = useSession();
  const readOnly = useReadOnly();
  const users = useUsers();
  // The mirror of main's users is fresher than the session (an admin may have changed this account's role).
  const role = users?.find((account) => account.id === user.id)?.role ?? user.role;
  // Head office's settings are its language only: accounts are managed on its server, the rest is a branch's.
  const branchAdmin = role === 'admin' && !readOnly;

  useEffect(() => {
    let live = true;
    void api.call('app.info', {}).then((result) => {
      if (!live) return;
      if (result.ok) setInfo(result.value);
      else setRefusal(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="page settings" aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>
      <div className="section">
        <h2>{t('settings.language')}</h2>
        <LanguageSelect id="settings-language" onChange={switchLanguage} />
      </div>
      {users && branchAdmin && <StaffAccounts users={users} />}
      {branchAdmin && <RetentionSection />}
      {(role === 'admin' || role === 'supervisor') && <PolicySection />}
      {/* At head office, the calendar that branches pull is published here. */}
      {role === 'admin' && <CalendarImport />}
      {branchAdmin && <BackupSection />}
      {branchAdmin && <AuditSection />}
      {branchAdmin && <SyncSettings mode={info?.mode === 'headOffice' ? undefined : info?.mode} />}
      {readOnly ? <p className="muted">{t('headOffice.accountsNote')}</p> : <OwnPassword />}
      <div className="section">
        <h2>{t('settings.about')}</h2>
        <RefusalBanner refusal={refusal} />
        {info && (
          <dl>
            <dt>{t('settings.version')}</dt>
            <dd className="tabular">{info.version}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{t(MODE_LABEL[info.mode])}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
