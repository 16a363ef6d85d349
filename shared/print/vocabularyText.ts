/**
 * The domain's words for documents main writes (record sheet, CSV/XLSX exports): the shared vocabulary the UI
 * shows too (shared/i18n/vocabulary.ts), plus the grade as a document spells it.
 */
import type { Language } from '../api/schemas';
import { VOCABULARY, type VocabularyWords } from '../i18n/vocabulary';

export interface VocabularyText extends VocabularyWords {
  readonly grade: (grade: number) => string;
}

const GRADE: Readonly<Record<Language, (grade: number) => string>> = {
  'zh-CN': (grade) => `${grade} 级`,
  'zh-TW': (grade) => `${grade} 級`,
  en: (grade) => `Grade ${grade}`,
};

const TEXT: Readonly<Record<Language, VocabularyText>> = {
  'zh-CN': { ...VOCABULARY['zh-CN'], grade: GRADE['zh-CN'] },
  'zh-TW': { ...VOCABULARY['zh-TW'], grade: GRADE['zh-TW'] },
  en: { ...VOCABULARY.en, grade: GRADE.en },
};

export function vocabularyText(language: Language): VocabularyText {
  return TEXT[language];
}
