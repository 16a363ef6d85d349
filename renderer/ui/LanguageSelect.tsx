import { useTranslation } from 'react-i18next';
import { LANGUAGES, parseLanguage, type Language } from '../i18n/language';

/** A labelled language picker; each language is named in itself so anyone can find their own. */
export function LanguageSelect({ id, onChange, showLabel = true }: { id: string; onChange: (language: Language) => void; showLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="topbar-item">
      <label htmlFor={id} className={showLabel ? undefined : 'visually-hidden'}>
        {t('topbar.language')}
      </label>
      <select
        id={id}
        value={parseLanguage(i18n.language) ?? 'zh-CN'}
        onChange={(event) => {
          const language = parseLanguage(event.target.value);
          if (language) onChange(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`lang.${language}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
