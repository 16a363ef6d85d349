/**
 * One line of text per event for the printed timeline: what happened, with the detail a supervisor signing
 * the sheet needs (who it went to, why, what was offered, how satisfied). Plain text; the caller escapes it.
 */
import type { Language } from '../api/schemas';
import type { DomainEvent } from '../domain/events';
import { formatAmount, formatDateTime, listText } from './text';
import { vocabularyText } from './vocabularyText';

export interface TimelineContext {
  readonly language: Language;
  readonly timeZone: string;
  readonly userName: (id: string) => string;
}

/** `Escalated: 一线 → 投诉组 · 需要主管决定赔偿` style; the type name alone when there is nothing to add. */
export function timelineText(event: DomainEvent, context: TimelineContext): string {
  const detail = eventDetail(event, context).filter((part) => part !== '');
  const name = vocabularyText(context.language).event[event.type];
  if (detail.length === 0) return name;
  return `${name}${context.language === 'zh-CN' ? '：' : ': '}${detail.join(' · ')}`;
}

function eventDetail(event: DomainEvent, { language, timeZone, userName }: TimelineContext): string[] {
  const v = vocabularyText(language);
  const list = (items: readonly string[]) => listText(items, language);
  switch (event.type) {
    case 'Registered':
      return [v.channel[event.payload.channel], v.grade(event.payload.grade)];
    case 'Assessed': {
      const p = event.payload;
      return [v.validity[p.validity], v.grade(p.grade), list(p.flags.map((flag) => v.flag[flag])), p.overrideReason ?? ''];
    }
    case 'Acknowledged':
      return [];
    case 'Assigned':
      return [`${userName(event.payload.from)} → ${userName(event.payload.to)}`, event.payload.department ?? '', event.payload.reason];
    case 'Escalated': {
      const p = event.payload;
      const move = p.fromTier === p.toTier ? '' : `${v.tier[p.fromTier]} → ${v.tier[p.toTier]}`;
      // An automatic escalation's reason is the app's own English sentence; the trigger already says it.
      return [move, p.route ? v.route[p.route] : '', v.trigger[p.trigger], p.automatic ? '' : p.reason];
    }
    case 'NoteAdded':
      return [event.payload.text];
    case 'InvestigationRecorded':
      return [event.payload.findings, event.payload.rootCause ?? ''];
    case 'ResolutionProposed':
      return [list(event.payload.offers.map((offer) => v.requestKind[offer])), formatAmount(event.payload.amount, language), event.payload.text];
    case 'CustomerResponded':
      return [event.payload.accepted ? (language === 'zh-CN' ? '接受方案' : 'accepted') : language === 'zh-CN' ? '不接受方案' : 'declined', event.payload.comment ?? ''];
    case 'Resolved':
      return [v.communication[event.payload.communicatedBy], formatDateTime(event.payload.communicatedAt, timeZone), event.payload.summary];
    case 'Paused':
      return [event.payload.reason];
    case 'Resumed':
      return [event.payload.note ?? ''];
    case 'Extended':
      return [formatDateTime(event.payload.newDeadline, timeZone), event.payload.reason];
    case 'FollowedUp': {
      const p = event.payload;
      const reached = language === 'zh-CN' ? (p.reached ? '已联系上' : '未联系上') : p.reached ? 'reached' : 'not reached';
      const score = p.satisfaction === undefined ? '' : language === 'zh-CN' ? `满意度 ${p.satisfaction}/5` : `satisfaction ${p.satisfaction}/5`;
      return [v.communication[p.method], reached, score, p.comments ?? ''];
    }
    case 'Reopened':
      return [event.payload.appeal ? v.status.appealed : '', event.payload.reason];
    case 'Rejected':
      return [v.rejectionReason[event.payload.reason], event.payload.text];
    case 'Voided':
      return [event.payload.reason];
    case 'Closed':
      return [event.payload.unreachable ? (language === 'zh-CN' ? '客户无法联系' : 'customer unreachable') : ''];
    case 'CorrectiveActionOpened':
      return [event.payload.description, event.payload.owner, event.payload.dueDate];
    case 'CorrectiveActionClosed':
      return [event.payload.outcome];
    case 'EvidenceAttached':
      return [list(event.payload.evidence.map((file) => file.name))];
    case 'RecordPrinted': {
      const p = event.payload;
      return [`${v.printOutput[p.output]} ${v.printPurpose[p.purpose]}`, p.copies > 1 ? `×${p.copies}` : ''];
    }
  }
}
