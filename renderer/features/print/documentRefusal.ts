import type { TFunction } from 'i18next';
import type { Refusal, RefusalCode } from '../../../shared/result';
import { refusalText } from '../../i18n/refusal';

/** Refusals only documents produce (no PDF engine, no print dialog, a save that failed). */
const DOCUMENT_CODES: ReadonlySet<RefusalCode> = new Set<RefusalCode>(['pdf_unavailable', 'pdf_failed', 'print_unavailable', 'save_failed']);

/** A refusal in the UI language: the document codes from `print.refusal`, the rest as everywhere else. */
export function documentRefusalText(t: TFunction, refusal: Pick<Refusal, 'code' | 'params'>): string {
  return DOCUMENT_CODES.has(refusal.code) ? t(`print.refusal.${refusal.code}`) : refusalText(t, refusal);
}
