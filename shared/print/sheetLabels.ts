/**
 * Labels of the complaint record sheet (客户投诉记录表) in zh-CN and English. The Chinese wording follows the
 * regulations' record forms (投诉登记表: 日期、投诉来源、投诉对象、投诉内容、处理部门、处理人员、处理结果、
 * 反馈时间; 原因分析, 整改措施, 回访, 签字确认). A field the UI and the export also show takes the vocabulary's term
 * (shared/i18n/vocabulary.ts), so the sheet, the screen and the spreadsheet name it alike.
 */
import type { Language } from '../api/schemas';
import { VOCABULARY } from '../i18n/vocabulary';
import { SHEET_LABELS_ZH_TW } from '../i18n/words.zh-TW';

/** The terms as the sheet's narrow label column shows them: the short form where the vocabulary has one. */
const shortTerms = (language: Language) => ({ ...VOCABULARY[language].term, ...VOCABULARY[language].termShort });
const ZH = shortTerms('zh-CN');
const EN = shortTerms('en');
/** A four-character group title written down the edge in two columns of two (评估 / 分级). */
const stacked = (title: string) => `${title.slice(0, 2)}\n${title.slice(2)}`;

/** The groups of rows titled down the left edge of the sheet. */
export type Group = 'registration' | 'complainant' | 'matter' | 'assessment' | 'investigation' | 'resolution' | 'followUps' | 'correctiveActions';

export interface SheetLabels {
  /** Always 客户投诉记录表, the form's name in the regulations; `subtitle` is its translation (none in Chinese). */
  readonly title: string;
  readonly subtitle?: string;
  /** Punctuation of the language: `：` or `: `, `；` or `; `, `（…）` or ` (…)`. */
  readonly colon: string;
  readonly semicolon: string;
  readonly parenthesized: (text: string) => string;
  /** Titles of the field groups, written vertically down the left edge (a line break starts a new column); Chinese in every language. */
  readonly sections: {
    readonly registration: string;
    readonly complainant: string;
    readonly matter: string;
    readonly assessment: string;
    readonly investigation: string;
    readonly resolution: string;
    readonly followUps: string;
    readonly correctiveActions: string;
    readonly timeline: string;
    readonly signatures: string;
  };
  /** The group titles in English, in small type beside the Chinese ones on the English sheet. */
  readonly glosses?: { readonly [G in Group]: string };
  readonly field: {
    readonly number: string;
    readonly receivedAt: string;
    readonly channel: string;
    readonly receivedBy: string;
    readonly assignee: string;
    readonly department: string;
    readonly status: string;
    readonly closedAt: string;
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly address: string;
    readonly customerNumber: string;
    readonly collective: string;
    readonly incidentAt: string;
    readonly incidentPlace: string;
    readonly people: string;
    readonly product: string;
    readonly orderNumber: string;
    readonly category: string;
    readonly nature: string;
    readonly description: string;
    readonly request: string;
    readonly requestedAmount: string;
    readonly evidence: string;
    readonly repeatOf: string;
    readonly validity: string;
    readonly gradingFacts: string;
    readonly grade: string;
    readonly flags: string;
    readonly tier: string;
    readonly findings: string;
    readonly rootCause: string;
    readonly responsibility: string;
    readonly interviewed: string;
    readonly proposal: string;
    readonly customerAnswer: string;
    readonly outcome: string;
    readonly communicated: string;
    readonly extension: string;
    readonly endReason: string;
  };
  readonly followUpColumns: {
    readonly at: string;
    readonly by: string;
    readonly method: string;
    readonly reached: string;
    readonly satisfaction: string;
    readonly comments: string;
  };
  readonly actionColumns: { readonly description: string; readonly owner: string; readonly due: string; readonly done: string };
  readonly timelineColumns: { readonly at: string; readonly who: string; readonly what: string };
  readonly signers: { readonly complainant: string; readonly receiver: string; readonly departmentHead: string; readonly supervisor: string };
  readonly signature: string;
  readonly date: string;
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly anonymous: string;
  readonly system: string;
  readonly accepted: string;
  readonly declined: string;
  readonly awaitingAnswer: string;
  readonly open: string;
  readonly collectiveOf: (count: number) => string;
  readonly satisfactionOf: (score: number) => string;
  readonly severity: string;
  readonly urgency: string;
  readonly extensionOf: (deadline: string, reason: string) => string;
  readonly printedAt: (at: string, by: string) => string;
  /** Footer text around CSS page counters: before the page number, between it and the total, after the total. */
  readonly pageOf: readonly [string, string, string];
}

const zhCN: SheetLabels = {
  title: '客户投诉记录表',
  colon: '：',
  semicolon: '；',
  parenthesized: (text) => `（${text}）`,
  sections: {
    registration: '受理\n登记',
    complainant: '投诉人',
    matter: '投诉\n事项',
    assessment: stacked(ZH.assessment),
    investigation: stacked(ZH.investigation),
    resolution: '处理\n结果',
    followUps: '回访\n记录',
    correctiveActions: stacked(ZH.correctiveAction),
    timeline: ZH.timeline,
    signatures: '签字确认',
  },
  field: {
    number: ZH.complaintNumber,
    receivedAt: ZH.receivedAt,
    channel: ZH.channel,
    receivedBy: ZH.receivedBy,
    assignee: ZH.assignee,
    department: '处理部门',
    status: ZH.status,
    closedAt: ZH.closedAt,
    name: ZH.customerName,
    phone: ZH.phone,
    email: ZH.email,
    address: ZH.address,
    customerNumber: ZH.memberNumber,
    collective: '集体投诉',
    incidentAt: ZH.incidentAt,
    incidentPlace: ZH.incidentPlace,
    people: ZH.staffInvolved,
    product: ZH.product,
    orderNumber: ZH.orderNumber,
    category: ZH.category,
    nature: ZH.nature,
    description: ZH.description,
    request: ZH.request,
    requestedAmount: '要求金额',
    evidence: ZH.evidence,
    repeatOf: ZH.repeatOf,
    validity: ZH.validity,
    gradingFacts: '评估依据',
    grade: ZH.grade,
    flags: ZH.majorFlags,
    tier: ZH.tier,
    findings: ZH.findings,
    rootCause: ZH.rootCause,
    responsibility: ZH.responsibility,
    interviewed: ZH.interviewed,
    proposal: ZH.proposal,
    customerAnswer: ZH.customerAnswer,
    outcome: '处理结果',
    communicated: ZH.communicated,
    extension: ZH.extension,
    endReason: '终止原因',
  },
  followUpColumns: { at: '回访时间', by: '回访人', method: '方式', reached: '联系上', satisfaction: ZH.satisfaction, comments: ZH.followUpComments },
  actionColumns: { description: ZH.correctiveAction, owner: '责任人', due: '完成期限', done: '完成情况' },
  timelineColumns: { at: '时间', who: '经办人', what: '处理内容' },
  signers: { complainant: ZH.complainant, receiver: ZH.receivedBy, departmentHead: '部门负责人', supervisor: '主管' },
  signature: '（签字）',
  date: '日期：　　年　　月　　日',
  yes: '是',
  no: '否',
  none: '—',
  anonymous: '匿名投诉',
  system: '系统',
  accepted: '接受',
  declined: '不接受',
  awaitingAnswer: '待客户答复',
  open: '进行中',
  collectiveOf: (count) => `是，共 ${count} 人`,
  satisfactionOf: (score) => `${score} / 5`,
  severity: '影响程度',
  urgency: '紧急程度',
  extensionOf: (deadline, reason) => `延至 ${deadline}（${reason}）`,
  printedAt: (at, by) => `打印时间：${at}\u3000打印人：${by}`,
  pageOf: ['第 ', ' 页 / 共 ', ' 页'],
};

const en: SheetLabels = {
  title: '客户投诉记录表',
  subtitle: 'Customer Complaint Record Sheet',
  colon: ': ',
  semicolon: '; ',
  parenthesized: (text) => ` (${text})`,
  // The group titles stand upright down the left edge, where an English word on its side would make every row
  // taller: the English sheet keeps the form's Chinese titles, with a small English gloss beside each.
  sections: { ...zhCN.sections, timeline: `${ZH.timeline} ${EN.timeline}`, signatures: 'Signatures' },
  glosses: {
    registration: 'Intake',
    complainant: 'Customer',
    matter: 'Complaint',
    assessment: 'Grading',
    investigation: 'Findings',
    resolution: 'Outcome',
    followUps: 'Visits',
    correctiveActions: 'Actions',
  },
  field: {
    number: EN.complaintNumber,
    receivedAt: EN.receivedAt,
    channel: EN.channel,
    receivedBy: EN.receivedBy,
    assignee: EN.assignee,
    department: 'Dept.',
    status: EN.status,
    closedAt: EN.closedAt,
    name: EN.customerName,
    phone: EN.phone,
    email: EN.email,
    address: EN.address,
    customerNumber: EN.memberNumber,
    collective: 'Collective',
    incidentAt: EN.incidentAt,
    incidentPlace: EN.incidentPlace,
    people: EN.staffInvolved,
    product: EN.product,
    orderNumber: EN.orderNumber,
    category: EN.category,
    nature: EN.nature,
    description: EN.description,
    request: EN.request,
    requestedAmount: 'Amount',
    evidence: EN.evidence,
    repeatOf: EN.repeatOf,
    validity: EN.validity,
    gradingFacts: 'Basis',
    grade: EN.grade,
    flags: EN.majorFlags,
    tier: EN.tier,
    findings: EN.findings,
    rootCause: EN.rootCause,
    responsibility: EN.responsibility,
    interviewed: EN.interviewed,
    proposal: EN.proposal,
    customerAnswer: EN.customerAnswer,
    outcome: 'Outcome',
    communicated: EN.communicated,
    extension: EN.extension,
    endReason: 'Ended because',
  },
  followUpColumns: { at: 'Visit time', by: 'By', method: 'Method', reached: 'Reached', satisfaction: EN.satisfaction, comments: EN.followUpComments },
  actionColumns: { description: EN.correctiveAction, owner: 'Owner', due: 'Due', done: 'Done' },
  timelineColumns: { at: 'Time', who: 'By', what: 'What happened' },
  signers: { complainant: EN.complainant, receiver: EN.receivedBy, departmentHead: 'Dept. head', supervisor: 'Supervisor' },
  signature: ' (sign)',
  date: 'Date: ______________',
  yes: 'Yes',
  no: 'No',
  none: '—',
  anonymous: 'Anonymous',
  system: 'System',
  accepted: 'Accepted',
  declined: 'Declined',
  awaitingAnswer: 'Awaiting answer',
  open: 'Open',
  collectiveOf: (count) => `Yes, ${count} people`,
  satisfactionOf: (score) => `${score} / 5`,
  severity: 'severity ',
  urgency: 'urgency ',
  extensionOf: (deadline, reason) => `to ${deadline} (${reason})`,
  printedAt: (at, by) => `Printed ${at} by ${by}`,
  pageOf: ['Page ', ' of ', ''],
};

/** The zh-CN labels converted (npm run i18n:zh-tw); the functions whose characters are the same in both scripts are shared. */
const zhTW: SheetLabels = {
  ...SHEET_LABELS_ZH_TW,
  parenthesized: zhCN.parenthesized,
  collectiveOf: zhCN.collectiveOf,
  satisfactionOf: zhCN.satisfactionOf,
  extensionOf: zhCN.extensionOf,
  printedAt: (at, by) => `列印時間：${at}\u3000列印人：${by}`,
};

const LABELS: Readonly<Record<Language, SheetLabels>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function sheetLabels(language: Language): SheetLabels {
  return LABELS[language];
}
