import { useTranslation } from 'react-i18next';
import type { DomainEvent } from '../../../shared/domain/events';
import type { ComplaintState } from '../../../shared/domain/state';
import { formatAmount, listText } from '../../../shared/print/text';
import { timelineLine } from '../../../shared/print/timeline';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useUserName } from '../../ui/useUserName';
import { RecordBlock, type Row } from './RecordBlock';

/** A wait on the customer: when it began and ended (open while `to` is missing) and why. */
interface PauseLine {
  readonly from: string;
  readonly to?: string;
  readonly reason: string;
}

function pausesOf(events: readonly DomainEvent[]): PauseLine[] {
  const pauses: PauseLine[] = [];
  for (const event of events) {
    if (event.type === 'Paused') pauses.push({ from: event.at, reason: event.payload.reason });
    const open = pauses.at(-1);
    if (event.type === 'Resumed' && open && open.to === undefined) pauses[pauses.length - 1] = { ...open, to: event.at };
  }
  return pauses;
}

/**
 * The handling as recorded (SPEC §4), under the registration in the record column: investigation, the offer and
 * the customer's answer, how the result was told, the extension, waits on the customer, follow-up visits and
 * corrective actions. Each block appears once there is something in it. The latest event of a kind is what
 * the complaint holds now; follow-ups, pauses and corrective actions are listed each.
 */
export function HandlingRecord({ complaint: c, events }: { complaint: ComplaintState; events: readonly DomainEvent[] }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const when = (iso: string | undefined) => formatDateTime(iso, language, branch.timeZone);
  const list = (items: readonly string[]) => listText(items, language);
  const last = <T extends DomainEvent['type']>(type: T) => events.findLast((event): event is Extract<DomainEvent, { type: T }> => event.type === type);

  const investigation = c.investigation;
  const proposal = c.proposal;
  const answer = last('CustomerResponded');
  const extension = last('Extended');
  const answerText =
    proposal === undefined ? undefined : proposal.accepted === undefined ? t('complaint.awaitingAnswer') : t(proposal.accepted ? 'actions.acceptedYes' : 'actions.acceptedNo');
  const context = { language, timeZone: branch.timeZone, userName, dateTime: when };
  const visits: Row[] = events.flatMap((event) =>
    event.type === 'FollowedUp' ? [[when(event.at), `${timelineLine(event, context).detail} · ${userName(event.actor)}`, event.id] as const] : [],
  );
  const pauses: Row[] = pausesOf(events).map((pause) => [
    when(pause.from),
    pause.to ? t('complaint.pauseUntil', { to: when(pause.to), reason: pause.reason }) : t('complaint.pauseOpen', { reason: pause.reason }),
    pause.from,
  ]);
  const actions: Row[] = c.correctiveActions.map((action) => [
    action.closedAt ? t('complaint.actionDone', { at: when(action.closedAt) }) : t('complaint.actionOpen'),
    [action.description, t('complaint.actionOwner', { owner: action.owner, due: action.dueDate }), action.outcome].filter(Boolean).join('\n'),
    action.id,
  ]);

  return (
    <>
      <RecordBlock
        hideEmpty
        title={t('complaint.investigationSection')}
        rows={[
          [t('actions.field.findings'), investigation?.findings],
          [t('actions.field.rootCause'), investigation?.rootCause],
          [t('complaint.responsibility'), [investigation?.responsibleDepartment, investigation?.responsiblePerson].filter(Boolean).join(' / ')],
          [t('actions.field.interviewed'), list(investigation?.interviewed ?? [])],
          [t('actions.field.cannotResolveAlone'), investigation?.cannotResolveAlone && t('complaint.yes')],
        ]}
      />
      <RecordBlock
        hideEmpty
        title={t('complaint.resolutionSection')}
        rows={[
          [t('actions.field.offer'), proposal && list(proposal.offers.map((offer) => t(`requestKind.${offer}`)))],
          [t('actions.field.amount'), formatAmount(proposal?.amount, language)],
          [t('actions.field.proposal'), proposal?.text],
          [t('term.customerAnswer'), answerText],
          [t('actions.field.comment'), proposal?.accepted === undefined ? undefined : answer?.payload.comment],
          [t('complaint.communicated'), c.resolution && `${t(`communication.${c.resolution.communicatedBy}`)} · ${when(c.resolution.communicatedAt)}`],
          [t('actions.field.summary'), c.resolution?.summary],
        ]}
      />
      <RecordBlock
        hideEmpty
        title={t('complaint.extensionSection')}
        rows={[
          [t('complaint.extendedTo'), extension && t('complaint.extendedToValue', { deadline: when(extension.payload.newDeadline), count: extension.payload.workingDays })],
          [t('actions.field.reason'), extension?.payload.reason],
          [t('complaint.approvedBy'), extension && userName(extension.payload.approvedBy)],
          [t('actions.field.customerInformedBy'), extension && t(`communication.${extension.payload.customerInformedBy}`)],
        ]}
      />
      <RecordBlock hideEmpty title={t('complaint.pausesSection')} rows={pauses} />
      <RecordBlock hideEmpty title={t('complaint.followUpsSection')} rows={visits} />
      <RecordBlock hideEmpty title={t('complaint.correctiveActionsSection')} rows={actions} />
    </>
  );
}
