import type { TFunction } from 'i18next';
import type { SyncProblem } from '../../../shared/api/sync';
import { isRefusalCode, refusalParamNames } from '../../../shared/refusals';

/**
 * The last sync problem in words: the code's sentence, then what head office named (the record, where it
 * stands, the domain's own refusal translated when this build knows it, the HTTP status).
 */
export function problemText(t: TFunction, problem: Pick<SyncProblem, 'code' | 'params'>): string {
  const { seq, expectedFromSeq, refusal, httpStatus } = problem.params;
  const details = [
    seq !== undefined ? t('sync.problemSeq', { seq }) : '',
    expectedFromSeq !== undefined ? t('sync.problemExpected', { seq: expectedFromSeq - 1 }) : '',
    // A domain refusal whose sentence needs parameters head office did not send stays in the log only.
    refusal !== undefined && isRefusalCode(refusal) && refusalParamNames(refusal).length === 0 ? t(`refusal.${refusal}`) : '',
    httpStatus !== undefined ? t('sync.problemHttp', { status: httpStatus }) : '',
  ].filter(Boolean);
  return [t(`sync.problem.${problem.code}`), ...details].join(' ');
}
