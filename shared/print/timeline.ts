/**
 * One line per event — the complaint page's timeline and the record sheet's 处理记录 both read it: what
 * happened, with the detail a supervisor needs (who it went to, why, what was offered, how satisfied), in the
 * language asked for. Reasons the app composed itself (shared/domain/reasons) are rendered here from their
 * code; what a person typed is shown as it is. Plain text; the caller escapes it.
 */
import type { Language } from '../api/schemas';
import type { PersonalField } from '../domain/event-payloads';
import type { DomainEvent } from '../domain/events';
import { readReason, type ComposedReason } from '../domain/reasons';
import type { MajorFlag, Tier } from '../domain/vocabulary';
import { formatAmount, formatDateTime, listText } from './text';
import { vocabularyText, type VocabularyText } from './vocabularyText';
import { TIMELINE_WORDS_ZH_TW } from '../i18n/words.zh-TW';

export interface TimelineContext {
  readonly language: Language;
  readonly timeZone: string;
  readonly userName: (id: string) => string;
  /** How a time inside a line reads; the sheet's `2026-11-23 14:05` unless the screen passes its own. */
  readonly dateTime?: (iso: string) => string;
}

/** The sentences of a timeline line that are not single words of the vocabulary. */
interface TimelineWords {
  readonly reached: string;
  readonly notReached: string;
  readonly satisfaction: (score: number) => string;
  readonly accepted: string;
  readonly declined: string;
  readonly contactedCustomer: string;
  readonly rootCause: (text: string) => string;
  readonly responsibility: (who: string) => string;
  readonly interviewed: (people: string) => string;
  readonly cannotResolveAlone: string;
  readonly communicated: (method: string, at: string) => string;
  readonly extendedTo: (deadline: string, workingDays: number) => string;
  readonly approvedBy: (name: string) => string;
  readonly customerInformed: (method: string) => string;
  readonly owner: (name: string) => string;
  readonly due: (date: string) => string;
  readonly unreachable: string;
  readonly copies: (count: number) => string;
  readonly personalField: Readonly<Record<PersonalField, string>>;
  readonly removed: (fields: string) => string;
  readonly filesDeleted: (count: number) => string;
  readonly reason: { readonly [R in ComposedReason['reason']]: (reason: Extract<ComposedReason, { reason: R }>, v: VocabularyText) => string };
  /** Between the parts of the detail; after a part that ends a sentence; between the event's name and its detail. */
  readonly separator: string;
  readonly afterSentence: string;
  readonly colon: string;
}

const flagList = (flags: readonly MajorFlag[], v: VocabularyText, separator: string) => flags.map((flag) => v.flag[flag]).join(separator);
const tierName = (tier: Tier, v: VocabularyText) => v.tier[tier];

export const TIMELINE_WORDS: Readonly<Record<Language, TimelineWords>> = {
  'zh-CN': {
    reached: '已联系上',
    notReached: '未联系上',
    satisfaction: (score) => `满意度 ${score}/5`,
    accepted: '客户接受方案',
    declined: '客户不接受方案',
    contactedCustomer: '已答复客户',
    rootCause: (text) => `原因：${text}`,
    responsibility: (who) => `责任：${who}`,
    interviewed: (people) => `询问：${people}`,
    cannotResolveAlone: '本部门无法单独解决',
    communicated: (method, at) => `${at} ${method}告知客户`,
    extendedTo: (deadline, workingDays) => `延至 ${deadline}（${workingDays} 个工作日）`,
    approvedBy: (name) => `批准人：${name}`,
    customerInformed: (method) => `已${method}告知客户`,
    owner: (name) => `责任人：${name}`,
    due: (date) => `完成期限：${date}`,
    unreachable: '回访无法联系客户',
    copies: (count) => `共 ${count} 份`,
    personalField: { name: '姓名', phone: '电话', email: '电子邮箱', address: '地址', customerNumber: '客户编号' },
    removed: (fields) => `已删除：${fields}`,
    filesDeleted: (count) => `证据文件 ${count} 个已删除`,
    reason: {
      dissatisfied: ({ satisfaction }) => `客户回访不满意（满意度 ${satisfaction}/5）`,
      customer_rejected: () => '客户不接受处理方案',
      department_cannot_resolve: () => '1–2 级投诉，处理部门无法单独解决',
      tier_deadline: ({ tier, hours }, v) => `${tierName(tier, v)}未在 ${hours} 小时时限内解决`,
      major_flags: ({ flags }, v) => `重大投诉：${flagList(flags, v, '、')}`,
    },
    separator: '，',
    afterSentence: '',
    colon: '：',
  },
  // The zh-CN words converted (npm run i18n:zh-tw) and, by hand, the same sentences in Traditional characters.
  'zh-TW': {
    ...TIMELINE_WORDS_ZH_TW,
    satisfaction: (score) => `滿意度 ${score}/5`,
    rootCause: (text) => `原因：${text}`,
    responsibility: (who) => `責任：${who}`,
    interviewed: (people) => `詢問：${people}`,
    communicated: (method, at) => `${at} ${method}告知客戶`,
    extendedTo: (deadline, workingDays) => `延至 ${deadline}（${workingDays} 個工作日）`,
    approvedBy: (name) => `批准人：${name}`,
    customerInformed: (method) => `已${method}告知客戶`,
    owner: (name) => `責任人：${name}`,
    due: (date) => `完成期限：${date}`,
    copies: (count) => `共 ${count} 份`,
    removed: (fields) => `已刪除：${fields}`,
    filesDeleted: (count) => `證據檔案 ${count} 個已刪除`,
    reason: {
      dissatisfied: ({ satisfaction }) => `客戶回訪不滿意（滿意度 ${satisfaction}/5）`,
      customer_rejected: () => '客戶不接受處理方案',
      department_cannot_resolve: () => '1–2 級投訴，處理部門無法單獨解決',
      tier_deadline: ({ tier, hours }, v) => `${tierName(tier, v)}未在 ${hours} 小時時限內解決`,
      major_flags: ({ flags }, v) => `重大投訴：${flagList(flags, v, '、')}`,
    },
  },
  en: {
    reached: 'reached',
    notReached: 'not reached',
    satisfaction: (score) => `satisfaction ${score}/5`,
    accepted: 'customer accepted',
    declined: 'customer declined',
    contactedCustomer: 'replied to the customer',
    rootCause: (text) => `cause: ${text}`,
    responsibility: (who) => `responsible: ${who}`,
    interviewed: (people) => `asked: ${people}`,
    cannotResolveAlone: 'the department cannot resolve it alone',
    communicated: (method, at) => `customer told ${at} (${method})`,
    extendedTo: (deadline, workingDays) => `to ${deadline} (${workingDays} working day${workingDays === 1 ? '' : 's'})`,
    approvedBy: (name) => `approved by ${name}`,
    customerInformed: (method) => `customer told (${method})`,
    owner: (name) => `owner ${name}`,
    due: (date) => `due ${date}`,
    unreachable: 'customer unreachable at follow-up',
    copies: (count) => `${count} copies`,
    personalField: { name: 'name', phone: 'phone', email: 'email', address: 'address', customerNumber: 'customer number' },
    removed: (fields) => `removed: ${fields}`,
    filesDeleted: (count) => `${count} evidence file${count === 1 ? '' : 's'} deleted`,
    reason: {
      dissatisfied: ({ satisfaction }) => `the customer is dissatisfied at follow-up (${satisfaction}/5)`,
      customer_rejected: () => 'the customer rejected the proposed resolution',
      department_cannot_resolve: () => 'grade 1–2 complaint the handling department cannot resolve alone',
      tier_deadline: ({ tier, hours }, v) => `not resolved within the ${hours} h limit of ${tierName(tier, v)}`,
      major_flags: ({ flags }, v) => `major complaint: ${flagList(flags, v, ', ')}`,
    },
    separator: ', ',
    afterSentence: ' ',
    colon: ': ',
  },
};

function renderReason(reason: ComposedReason, language: Language): string {
  // TS cannot pair each code with its own renderer through the union; the table's type does.
  const render = TIMELINE_WORDS[language].reason[reason.reason] as (reason: ComposedReason, v: VocabularyText) => string;
  return render(reason, vocabularyText(language));
}

/** A stored reason in `language`: the sentence for a composed one, the text as a person wrote it otherwise. */
function reasonText(text: string, language: Language): string {
  const reason = readReason(text);
  return reason ? renderReason(reason, language) : text;
}

/** The event's name and its detail (empty when the name says it all). */
export interface TimelineLine {
  readonly title: string;
  readonly detail: string;
}

/** A part ending like this needs no comma after it. */
const SENTENCE_END = /[。！？；.!?;]$/;

export function timelineLine(event: DomainEvent, context: TimelineContext): TimelineLine {
  const words = TIMELINE_WORDS[context.language];
  const parts = eventDetail(event, context, words).filter((part) => part !== '');
  const detail = parts.reduce((text, part) => (text === '' ? part : `${text}${SENTENCE_END.test(text) ? words.afterSentence : words.separator}${part}`), '');
  return { title: vocabularyText(context.language).event[event.type], detail };
}

/** `升级：一线 → 投诉组，客户不接受处理方案` style: the name, then the detail when there is one. */
export function timelineText(event: DomainEvent, context: TimelineContext): string {
  const { title, detail } = timelineLine(event, context);
  return detail === '' ? title : `${title}${TIMELINE_WORDS[context.language].colon}${detail}`;
}

function eventDetail(event: DomainEvent, { language, timeZone, userName, dateTime }: TimelineContext, words: TimelineWords): string[] {
  const v = vocabularyText(language);
  const list = (items: readonly string[]) => listText(items, language);
  const at = dateTime ?? ((iso: string) => formatDateTime(iso, timeZone));
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
      const composed = readReason(p.reason);
      // An automatic escalation whose English sentence is not recognised says why through its trigger instead.
      const why = composed ? renderReason(composed, language) : p.automatic ? v.trigger[p.trigger] : p.reason;
      return [move, p.route ? v.route[p.route] : '', why];
    }
    case 'NoteAdded':
      return [event.payload.contactedCustomer ? words.contactedCustomer : '', event.payload.text];
    case 'InvestigationRecorded': {
      const p = event.payload;
      const responsible = [p.responsibleDepartment, p.responsiblePerson].filter((part) => part !== undefined).join(' / ');
      return [
        p.findings,
        p.rootCause ? words.rootCause(p.rootCause) : '',
        responsible ? words.responsibility(responsible) : '',
        p.interviewed.length > 0 ? words.interviewed(list(p.interviewed)) : '',
        p.cannotResolveAlone ? words.cannotResolveAlone : '',
      ];
    }
    case 'ResolutionProposed':
      return [list(event.payload.offers.map((offer) => v.requestKind[offer])), formatAmount(event.payload.amount, language), event.payload.text];
    case 'CustomerResponded':
      return [event.payload.accepted ? words.accepted : words.declined, event.payload.comment ?? ''];
    case 'Resolved':
      return [words.communicated(v.communication[event.payload.communicatedBy], at(event.payload.communicatedAt)), event.payload.summary];
    case 'Paused':
      return [event.payload.reason];
    case 'Resumed':
      return [event.payload.note ?? ''];
    case 'Extended': {
      const p = event.payload;
      return [words.extendedTo(at(p.newDeadline), p.workingDays), p.reason, words.approvedBy(userName(p.approvedBy)), words.customerInformed(v.communication[p.customerInformedBy])];
    }
    case 'FollowedUp': {
      const p = event.payload;
      return [v.communication[p.method], p.reached ? words.reached : words.notReached, p.satisfaction === undefined ? '' : words.satisfaction(p.satisfaction), p.comments ?? ''];
    }
    case 'Reopened':
      return [event.payload.appeal ? v.status.appealed : '', reasonText(event.payload.reason, language)];
    case 'Rejected':
      return [v.rejectionReason[event.payload.reason], event.payload.text];
    case 'Voided':
      return [event.payload.reason];
    case 'Closed':
      return [event.payload.unreachable ? words.unreachable : ''];
    case 'CorrectiveActionOpened':
      return [event.payload.description, words.owner(event.payload.owner), words.due(event.payload.dueDate)];
    case 'CorrectiveActionClosed':
      return [event.payload.outcome];
    case 'EvidenceAttached':
      return [list(event.payload.evidence.map((file) => file.name))];
    case 'RecordPrinted': {
      const p = event.payload;
      return [`${v.printOutput[p.output]} ${v.printPurpose[p.purpose]}`, p.copies > 1 ? words.copies(p.copies) : ''];
    }
    case 'Anonymised': {
      const p = event.payload;
      return [p.removed.length > 0 ? words.removed(list(p.removed.map((field) => words.personalField[field]))) : '', p.evidenceFiles > 0 ? words.filesDeleted(p.evidenceFiles) : ''];
    }
  }
}
