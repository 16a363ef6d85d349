import { useTranslation } from 'react-i18next';

/** An honest placeholder for a screen that a later version brings: no fake data, no dead buttons. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <div className="coming-soon" role="status">
        <h2>{t('app.comingSoon')}</h2>
        <p>{t('app.comingSoonHint')}</p>
      </div>
    </section>
  );
}
