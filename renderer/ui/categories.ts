import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, type Category, type Policy, type SubCategory } from '../../shared/policy/policy';
import { parseLanguage } from '../i18n/language';
import { usePolicy } from './policy';

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

export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const policy = usePolicy();
  return useCallback((code: string) => categoryName(policy, code, i18n.language), [policy, i18n.language]);
}
