import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchSetup, PublicUser } from '../../shared/api/schemas';
import type { Refusal } from '../../shared/result';
import { api } from '../platform/api';
import { currentLanguage, languageFromFragment, switchLanguage } from '../i18n';
import { refusalText } from '../i18n/refusal';
import { FirstRunPage } from '../features/setup/FirstRunPage';
import { SignInPage } from '../features/auth/SignInPage';
import { clearAllFilters } from '../features/register/filters';
import { Shell } from './Shell';
import { SessionContext } from '../session/session';
import { DeskStoreProvider } from './DeskStoreProvider';
import { CalendarProvider } from '../session/calendar';
import { PolicyProvider } from '../session/policy';

type Phase =
  | { name: 'loading' }
  | { name: 'failed'; refusal: Refusal }
  | { name: 'folderProblem'; path: string }
  | { name: 'setup' }
  | { name: 'signIn'; branch: BranchSetup; headOffice: boolean; ended?: Refusal }
  | { name: 'ready'; branch: BranchSetup; headOffice: boolean; user: PublicUser };

/** Where a start lands: first run (no branch yet), sign-in, or the shell of a signed-in user. */
async function boot(): Promise<Phase> {
  const [status, info] = await Promise.all([api.call('setup.status', {}), api.call('app.info', {})]);
  if (!status.ok) return { name: 'failed', refusal: status.error };
  if (!info.ok) return { name: 'failed', refusal: info.error };
  const branch = status.value.branch;
  const headOffice = info.value.mode === 'headOffice';
  // Accounts or records without branch.json: never offer a first run over them.
  if (status.value.problem) return { name: 'folderProblem', path: status.value.problem.path };
  if (!status.value.configured || !branch) return { name: 'setup' };
  const session = await api.call('auth.session', {});
  if (session.ok && session.value.user) return { name: 'ready', branch, headOffice, user: session.value.user };
  return { name: 'signIn', branch, headOffice };
}

/** The settings file remembers the language across computers' browsers; the URL fragment overrides both. */
async function adoptRememberedLanguage(): Promise<void> {
  if (languageFromFragment(window.location.hash)) return;
  const settings = await api.call('settings.get', {});
  if (settings.ok && settings.value.language !== currentLanguage()) await switchLanguage(settings.value.language);
}

export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const start = useCallback(() => {
    setPhase({ name: 'loading' });
    void boot().then(setPhase);
  }, []);

  useEffect(() => {
    void adoptRememberedLanguage();
    void boot().then(setPhase);
  }, []);

  const signOut = useCallback(() => {
    // What one person filtered is not the next person's view: the register starts whole after a sign-out.
    clearAllFilters(window.sessionStorage);
    void api.call('auth.signOut', {}).then(start);
  }, [start]);

  // Main ended this window's session (idle, deactivated): back to sign-in, saying why.
  useEffect(
    () =>
      api.onSessionEnded((ended) => {
        clearAllFilters(window.sessionStorage);
        setPhase((current) => (current.name === 'ready' ? { name: 'signIn', branch: current.branch, headOffice: current.headOffice, ended } : current));
      }),
    [],
  );

  switch (phase.name) {
    case 'loading':
      return <p className="auth-page muted">{t('app.loading')}</p>;
    case 'failed':
      return (
        <main className="auth-page">
          <div className="banner banner-error" role="alert">
            {refusalText(t, phase.refusal)}{' '}
            <button type="button" className="btn" onClick={start}>
              {t('common.retry')}
            </button>
          </div>
        </main>
      );
    case 'folderProblem':
      return (
        <main className="auth-page">
          <div className="banner banner-error" role="alert">
            <strong>{t('app.folderProblemTitle')}</strong>
            <p>{t('refusal.branch_file_missing', { path: phase.path })}</p>
            <button type="button" className="btn" onClick={start}>
              {t('common.retry')}
            </button>
          </div>
        </main>
      );
    case 'setup':
      return (
        <FirstRunPage onCreated={(user, branch) => setPhase({ name: 'ready', user, branch, headOffice: false })} onRestored={(branch) => setPhase({ name: 'signIn', branch, headOffice: false })} />
      );
    case 'signIn':
      return (
        <SignInPage
          branch={phase.headOffice ? { ...phase.branch, name: t('headOffice.name') } : phase.branch}
          ended={phase.ended}
          onSignedIn={(user) => setPhase({ name: 'ready', user, branch: phase.branch, headOffice: phase.headOffice })}
        />
      );
    case 'ready':
      return (
        <SessionContext.Provider value={{ user: phase.user, branch: phase.headOffice ? { ...phase.branch, name: t('headOffice.name') } : phase.branch, signOut, headOffice: phase.headOffice }}>
          <CalendarProvider>
            <PolicyProvider>
              <DeskStoreProvider>
                <Shell />
              </DeskStoreProvider>
            </PolicyProvider>
          </CalendarProvider>
        </SessionContext.Provider>
      );
  }
}
