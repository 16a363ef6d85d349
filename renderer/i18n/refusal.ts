import type { TFunction } from 'i18next';
import type { Refusal } from '../../shared/result';
import { zhCN } from './messages.zh-CN';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(zhCN.refusal));

/**
 * The translated sentence for a refusal, chosen by its stable `code` (never by parsing `message`).
 * An unknown code still shows something honest: the generic line with the code for the administrator.
 */
export function refusalText(t: TFunction, refusal: Pick<Refusal, 'code' | 'params'>): string {
  // A sign-in lock-out says how long to wait when main said so.
  if (refusal.code === 'too_many_attempts' && typeof refusal.params?.seconds === 'number') {
    return t('refusal.too_many_attempts_wait', { seconds: Math.max(1, Math.ceil(refusal.params.seconds)) });
  }
  if (KNOWN_CODES.has(refusal.code) && refusal.code !== 'unknown') {
    return t(`refusal.${refusal.code}`, { ...refusal.params });
  }
  return t('refusal.unknown', { code: refusal.code });
}
