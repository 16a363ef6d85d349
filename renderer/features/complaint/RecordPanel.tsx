import { useTranslation } from 'react-i18next';
import type { DomainEvent } from '../../../shared/domain/events';
import type { ComplaintState } from '../../../shared/domain/state';
import { listText } from '../../../shared/print/text';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useCategoryName } from '../../ui/categories';
import { useUserName } from '../../ui/useUserName';
import { HandlingRecord } from './HandlingRecord';
import { RecordBlock as Block } from './RecordBlock';

/** The record as registered and assessed, then as handled (left column of the complaint page). */
export function RecordPanel({ complaint: c, events }: { complaint: ComplaintState; events: readonly DomainEvent[] }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const categoryName = useCategoryName();
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const when = (iso: string | undefined) => formatDateTime(iso, language, branch.timeZone);
  const who = c.anonymous ? t('complaint.anonymous') : c.complainant.name;
  return (
    <div className="record stack">
      <Block
        title={t('complaint.complainant')}
        rows={[
          [t('complaint.personalData'), c.anonymised ? t('complaint.personalDataRemoved', { at: when(c.anonymised.at), by: userName(c.anonymised.by) }) : undefined],
          [t('register.customerName'), who],
          [t('register.phone'), c.complainant.phone],
          [t('register.email'), c.complainant.email],
          [t('register.address'), c.complainant.address],
          [t('register.memberNo'), c.complainant.customerNumber],
          [t('register.collective'), c.collectiveCount === undefined ? undefined : t('complaint.collectiveOf', { count: c.collectiveCount })],
        ]}
      />
      <Block
        title={t('complaint.incident')}
        rows={[
          [t('register.channel'), t(`channel.${c.channel}`)],
          [t('register.receivedAt'), when(c.receivedAt)],
          [t('complaint.receivedBy'), userName(c.receivedBy)],
          [t('complaint.assignee'), userName(c.assignee)],
          [t('register.incidentAt'), when(c.incident.at)],
          [t('register.incidentPlace'), c.incident.place],
          [t('register.category'), categoryName(c.category)],
          [t('register.subCategory'), c.subCategory ? categoryName(c.subCategory) : undefined],
          [t('register.nature'), t(`nature.${c.nature}`)],
          [t('register.description'), c.description],
          [t('register.staffInvolved'), c.incident.staffMember],
          [t('register.department'), c.incident.department],
          [t('register.product'), c.incident.product],
          [t('register.orderNo'), c.incident.orderNumber],
        ]}
      />
      <Block
        title={t('complaint.request')}
        rows={[
          [t('register.requestKinds'), listText(c.requests.map((kind) => t(`requestKind.${kind}`)), language)],
          [t('register.amount'), c.requestedAmount === undefined ? undefined : c.requestedAmount.toFixed(2)],
          [t('register.customerRequest'), c.requestText],
        ]}
      />
      <Block
        title={t('complaint.assessmentSection')}
        rows={[
          [t('register.grade'), t('grade.label', { grade: c.grade })],
          [t('register.validity'), c.validity ? t(`validity.${c.validity}`) : undefined],
          [t('register.severity'), c.severity ? t(`level.${c.severity}`) : undefined],
          [t('register.urgency'), c.urgency ? t(`level.${c.urgency}`) : undefined],
          [t('register.spread'), c.spread ? t(`spread.${c.spread}`) : undefined],
          [t('complaint.flags'), listText(c.flags.map((flag) => t(`flag.${flag}`)), language)],
        ]}
      />
      <HandlingRecord complaint={c} events={events} />
    </div>
  );
}
