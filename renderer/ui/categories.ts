import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, type Category, type Policy, type SubCategory } from '../../shared/policy/policy';
import { parseLanguage } from '../i18n/language';
import { usePolicyBook } from './policy';

/** The name of a category or sub-category code in the UI language; an unknown code shows as itself. */
export function categoryName(policy: Policy, code: string, language: string): string {
  for (const category of policy.categories) {
    if (category.code === code) return localName(category, language);
    const child = category.children?.find((sub) => sub.code === code);
    if (child) return localName(child, language);
  }
  return code;
}

export function localName(node: Category | SubCategory, language: string): string {
  return categoryLabel(node, parseLanguage(language) ?? 'zh-CN');
}

/**
 * Names a code by the newest version that has it: a category a later version removed or renamed still reads as it
 * did for the complaints registered under it.
 */
export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const book = usePolicyBook();
  return useCallback(
    (code: string) => {
      for (const entry of [...book.versions].reverse()) {
        const name = categoryName(entry.policy, code, i18n.language);
        if (name !== code) return name;
      }
      return code;
    },
    [book, i18n.language],
  );
}
