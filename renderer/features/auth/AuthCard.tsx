import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { useLanguageSwitch } from '../../session/useLanguageSwitch';

/** The centred card of the first-run and sign-in screens, with the language picker before anything else. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const switchLanguage = useLanguageSwitch();
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="auth-title">
        <header>
          <span className="topbar-brand">{t('app.name')}</span>
          <LanguageSelect id="auth-language" onChange={switchLanguage} showLabel={false} />
        </header>
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
