import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../ui/LanguageSelect';
import { useSession } from '../session/session';
import { useLanguageSwitch } from '../session/useLanguageSwitch';
import { useUsers } from '../store';
import { useJournalState } from './DeskStoreProvider';
import { Icon } from '../ui/Icon';
import { Bell } from './BellAlerts';
import { SyncIndicator } from '../features/sync/SyncIndicator';

function JournalState() {
  const { t } = useTranslation();
  const journal = useJournalState();
  const text =
    journal.state === 'pending'
      ? t('topbar.journalPending', { count: journal.pending })
      : journal.state === 'saved'
        ? t('topbar.journalSaved')
        : t('topbar.journalUnknown');
  return (
    <span className="topbar-item sync-state" data-state={journal.state} role="status">
      <Icon name={journal.state === 'saved' ? 'check' : 'dot'} /> {text}
    </span>
  );
}

export function TopBar({ onHelp }: { onHelp: () => void }) {
  const { t } = useTranslation();
  const { user, branch, signOut, headOffice } = useSession();
  const switchLanguage = useLanguageSwitch();
  // The name as the accounts list has it now (an admin may have just renamed this person); the role stays the
  // one signed in with, which is what this session acts as until the next sign-in.
  const name = useUsers()?.find((account) => account.id === user.id)?.displayName || user.displayName || user.username;
  return (
    <header className="topbar">
      <span className="topbar-brand">{t('app.name')}</span>
      <span className="topbar-branch" title={`${t('topbar.branch')}: ${branch.name} (${branch.code})`}>
        {branch.name} · {branch.code}
      </span>
      <span className="topbar-spacer" />
      {/* Head office writes no journal of its own and sends nothing: a branch's save and sync states are not its. */}
      {!headOffice && <JournalState />}
      {!headOffice && <SyncIndicator />}
      {!headOffice && <Bell />}
      <span className="topbar-item" title={t('topbar.signedInAs')}>
        <Icon name="user" />
        {name} · {t(`role.${user.role}`)}
      </span>
      <LanguageSelect id="topbar-language" onChange={switchLanguage} showLabel={false} />
      <button type="button" className="btn" onClick={onHelp} title={t('topbar.help')} aria-label={t('topbar.help')}>
        ?
      </button>
      <button type="button" className="btn" onClick={signOut}>
        {t('topbar.signOut')}
      </button>
    </header>
  );
}
