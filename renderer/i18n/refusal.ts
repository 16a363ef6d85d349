import type { TFunction } from 'i18next';
import type { Refusal } from '../../shared/result';

/**
 * The translated sentence for a refusal, chosen by its stable `code` (never by parsing `message`), with the
 * code's params interpolated by name. Every code of the catalogue has a sentence in every language (the
 * `refusal` section is a `Record<RefusalCode, string>`); a code this build does not know never gets this far —
 * the transport turns it into `unknown_refusal`, which names it.
 */
export function refusalText(t: TFunction, refusal: Pick<Refusal, 'code' | 'params'>): string {
  return t(`refusal.${refusal.code}`, { ...refusal.params });
}
