import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/sync';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useSession } from '../../session/session';
import { problemText } from './problemText';

/** What the panel and the settings section both show: the state in a sentence, then the figures and the last error. */
export function SyncSummary({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language, branch.timeZone) : t('sync.never'));
  const problem = status.lastError;
  return (
    <div className="sync-summary">
      <p className="sync-sentence" data-state={status.state}>
        {t(`sync.state.${status.state}`)}
      </p>
      <dl className="sync-figures">
        {status.enrolment && (
          <>
            <dt>{t('sync.headOffice')}</dt>
            <dd>
              <code>{status.enrolment.url}</code>
            </dd>
          </>
        )}
        <dt>{t('sync.lastSuccess')}</dt>
        <dd className="tabular">{when(status.lastSuccessAt)}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd className="tabular">{t('sync.pendingCount', { count: status.pending })}</dd>
        <dt>{t('sync.acked')}</dt>
        <dd className="tabular">{status.ackedThroughSeq > 0 ? t('sync.ackedSeq', { seq: status.ackedThroughSeq }) : t('common.none')}</dd>
        {status.nextAttemptAt && (
          <>
            <dt>{t('sync.nextAttempt')}</dt>
            <dd className="tabular">{when(status.nextAttemptAt)}</dd>
          </>
        )}
        {problem && (
          <>
            <dt>{t('sync.lastError')}</dt>
            <dd className="sync-problem" data-testid="sync-problem">
              {problemText(t, problem)} <span className="muted">{t('sync.problemAt', { time: when(problem.at) })}</span>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
