/**
 * i18n from the first line (SPEC §0, issue 9): zh-CN by default, Traditional Chinese (zh-TW, generated from zh-CN by
 * `npm run i18n:zh-tw`) and English complete, switchable at run time.
 * The choice is remembered in localStorage at once (so the next start is in the right language before the
 * main process answers) and in the app settings by the shell (`useLanguagePersistence`).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readLaunchFragment } from '../../shared/api/launch';
import { zhCN } from './messages.zh-CN';
import { zhTW } from './messages.zh-TW';
import { en } from './messages.en';
import { LANGUAGES, type Language, parseLanguage } from './language';

export { LANGUAGES, type Language, parseLanguage } from './language';

const STORAGE_KEY = 'complaint-desk.language';

/** Browser mode may open the app with `#lang=en` (alongside the token, see shared/api/launch). */
export function languageFromFragment(hash: string): Language | undefined {
  return readLaunchFragment(hash).language;
}

function rememberedLanguage(): Language | undefined {
  try {
    return parseLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage disabled: fall back to the default
  }
}

/** The language to start in: URL fragment, then the remembered choice, then zh-CN. */
export function initialLanguage(): Language {
  return languageFromFragment(window.location.hash) ?? rememberedLanguage() ?? 'zh-CN';
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

/** Switch the UI language now and remember it on this computer. */
export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the settings file still remembers it
  }
}

export function currentLanguage(): Language {
  return parseLanguage(i18next.language) ?? 'zh-CN';
}
