import { useCallback } from 'react';
import { switchLanguage, type Language } from '../i18n';
import { api } from '../platform/api';

/** Switch now, remember locally at once and in the app settings (which may refuse before sign-in). */
export function useLanguageSwitch(): (language: Language) => Promise<void> {
  return useCallback(async (language: Language) => {
    await switchLanguage(language);
    await api.call('settings.set', { language });
  }, []);
}
