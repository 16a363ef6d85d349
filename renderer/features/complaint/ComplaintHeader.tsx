import { useTranslation } from 'react-i18next';
import { clockList, computeClocks } from '../../../shared/deadlines/clocks';
import type { ComplaintState } from '../../../shared/domain/state';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { ClockBadge } from '../../ui/ClockBadge';
import { ClockLegend } from '../../ui/ClockLegend';
import { endedClockBadgeProps } from '../../ui/clockBadgeProps';
import { GradeChip } from '../../ui/GradeChip';
import { useCalendar, usePolicyFor } from '../../ui/policy';
import { useNow } from '../../store';

/** Number, grade, status, tier, flags and every clock: what a supervisor needs at a glance. */
export function ComplaintHeader({ complaint }: { complaint: ComplaintState }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const policy = usePolicyFor(complaint);
  const calendar = useCalendar();
  const now = useNow();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const clocks = clockList(computeClocks(complaint, policy, calendar, now));
  return (
    <header className="complaint-header">
      <h1 id="page-title">{complaint.number}</h1>
      <GradeChip grade={complaint.grade} />
      <span className="tag">{t(`status.${complaint.status}`)}</span>
      <span className="tag" title={t('complaint.tier')}>
        {complaint.tier} · {t(`tier.${complaint.tier}`)}
      </span>
      <span className="tag" title={t('policy.versionTagHint')}>
        {t('policy.versionTag', { version: complaint.policyVersion })}
      </span>
      {complaint.flags.map((flag) => (
        <span key={flag} className="tag tag-danger">
          {t(`flag.${flag}`)}
        </span>
      ))}
      <span className="row-inline row-tight" role="group" aria-label={t('complaint.clocks')}>
        {clocks.map((clock) => (
          <ClockBadge key={clock.kind} {...endedClockBadgeProps(clock, complaint, formatDateTime(clock.deadline, language, branch.timeZone))} />
        ))}
      </span>
      <details className="clock-help">
        <summary>{t('clock.legend')}</summary>
        <ClockLegend />
      </details>
    </header>
  );
}
