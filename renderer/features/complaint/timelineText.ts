import type { TFunction } from 'i18next';
import type { DomainEvent } from '../../../shared/domain/events';

/** One line of detail under an event of the timeline, in the UI language; empty when the type says it all. */
export function eventDetail(event: DomainEvent, t: TFunction, userName: (id: string) => string): string {
  switch (event.type) {
    case 'Registered':
      return `${t(`channel.${event.payload.channel}`)} · ${t('grade.label', { grade: event.payload.grade })}`;
    case 'Assessed':
      return `${t(`validity.${event.payload.validity}`)} · ${t('grade.label', { grade: event.payload.grade })}${event.payload.overrideReason ? ` · ${event.payload.overrideReason}` : ''}`;
    case 'Assigned':
      return `${userName(event.payload.from)} → ${userName(event.payload.to)} · ${event.payload.reason}`;
    case 'Escalated':
      // An automatic escalation's reason is the rule's English sentence: show its trigger in the UI language.
      return `${t(`tier.${event.payload.fromTier}`)} → ${t(`tier.${event.payload.toTier}`)} · ${event.payload.automatic ? t(`trigger.${event.payload.trigger}`) : event.payload.reason}`;
    case 'NoteAdded':
      return event.payload.text;
    case 'ResolutionProposed':
    case 'InvestigationRecorded':
      return 'text' in event.payload ? event.payload.text : event.payload.findings;
    case 'Resolved':
      return event.payload.summary;
    case 'Paused':
    case 'Voided':
    case 'Reopened':
      return event.payload.reason;
    case 'Rejected':
      return event.payload.text;
    default:
      return '';
  }
}
