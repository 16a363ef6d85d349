import type { TFunction } from 'i18next';
import type { Refusal } from '../../../shared/result';
import { refusalText } from '../../i18n/refusal';
import { zhCN } from '../../i18n/messages.zh-CN';

const EVIDENCE_CODES: ReadonlySet<string> = new Set(Object.keys(zhCN.evidence.errors));

/** An evidence refusal ("文件过大：最大 20 MB") in the UI language; other codes as every refusal is shown. */
export function evidenceErrorText(t: TFunction, error: Pick<Refusal, 'code' | 'params'>): string {
  return EVIDENCE_CODES.has(error.code) ? t(`evidence.errors.${error.code}`, { ...error.params }) : refusalText(t, error);
}
