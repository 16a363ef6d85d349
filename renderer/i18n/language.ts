import { LanguageSchema, type Language } from '../../shared/api/schemas';

/** The UI languages: the contract's list (shared/api/schemas), declared once. */
export const LANGUAGES = LanguageSchema.options;
export type { Language };

/** Accepts exactly the supported tags; anything else (stored junk, `fr`) is ignored, not trusted. */
export function parseLanguage(value: unknown): Language | undefined {
  return LANGUAGES.find((language) => language === value);
}
