/** Numbers on the dashboard in the UI language: counts whole, percentages and scores to one decimal. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formats {
  count: (value: number) => string;
  /** 87.5 → "87.5" (the caller adds % or "points"). */
  decimal: (value: number) => string;
  /** A signed change: "+3.2", "−1", "0". */
  signed: (value: number, decimals: number) => { sign: string; value: string };
}

export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      count: (value) => count.format(value),
      decimal: (value) => decimal.format(value),
      signed: (value, decimals) => {
        const rounded = Number(Math.abs(value).toFixed(decimals));
        const text = decimals === 0 ? count.format(rounded) : decimal.format(rounded);
        return { sign: rounded === 0 ? '' : value > 0 ? '+' : '−', value: text };
      },
    };
  }, [language]);
}
