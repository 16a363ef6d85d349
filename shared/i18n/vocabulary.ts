/**
 * The domain's words in zh-CN and English — channels, statuses, tiers, flags, event names… — written once for
 * everything that shows them: the renderer spreads them into its i18next resources (`t('channel.phone')`), and
 * main's documents (record sheet, CSV/XLSX exports) read them through shared/print. Plain strings only, so
 * i18next can hold them. Each table is keyed by the zod enum it translates, so a new value fails the type check.
 * Words follow the regulations' vocabulary (受理, 回访, 升级, 整改) and SPEC.md's terms (评估分级, 调查核实, 投诉请求).
 *
 * One word per concept: `term` names the record's fields and the handling steps once, and the UI's labels, the
 * record sheet's labels and the export's column headings all read them from here (vocabulary.test.ts in
 * renderer/i18n checks they do, and that the synonyms this file replaced do not come back).
 */
import type { Language } from '../api/schemas';
import type { EventType } from '../domain/events';
import type {
  Channel,
  CommunicationMethod,
  EscalationTrigger,
  Level,
  MajorFlag,
  Nature,
  RejectionReason,
  RequestKind,
  Role,
  Route,
  Spread,
  Status,
  Tier,
  Validity,
} from '../domain/vocabulary';
import type { RecordPrintedPayload } from '../domain/event-payloads';
import type { z } from 'zod';
import { VOCABULARY_ZH_TW } from './words.zh-TW';

type Words<K extends string> = Readonly<Record<K, string>>;
type PrintPurpose = z.infer<typeof RecordPrintedPayload>['purpose'];
type PrintOutput = z.infer<typeof RecordPrintedPayload>['output'];
type ClockKind = 'acknowledgement' | 'firstReply' | 'response' | 'resolution' | 'tier';

/** The concepts shown in more than one of the UI, the record sheet and the exports. */
export type Term =
  | 'complaintNumber' | 'receivedAt' | 'receivedBy' | 'channel' | 'category' | 'nature' | 'grade' | 'majorFlags' | 'status'
  | 'tier' | 'assignee' | 'nextDeadline' | 'deadlineState' | 'closedAt'
  | 'complainant' | 'customerName' | 'headCount' | 'phone' | 'email' | 'address' | 'memberNumber'
  | 'incidentAt' | 'incidentPlace' | 'staffInvolved' | 'product' | 'orderNumber' | 'description' | 'request' | 'evidence' | 'repeatOf'
  | 'assessment' | 'validity' | 'severity' | 'urgency' | 'spread'
  | 'investigation' | 'findings' | 'rootCause' | 'responsibility' | 'interviewed'
  | 'proposal' | 'customerAnswer' | 'communicated' | 'extension'
  | 'followUp' | 'satisfaction' | 'followUpComments' | 'correctiveAction' | 'timeline';

export interface VocabularyWords {
  readonly channel: Words<Channel>;
  readonly nature: Words<Nature>;
  readonly requestKind: Words<RequestKind>;
  readonly level: Words<Level>;
  readonly spread: Words<Spread>;
  readonly flag: Words<MajorFlag>;
  readonly status: Words<Status>;
  readonly tier: Words<Tier>;
  readonly route: Words<Route>;
  readonly validity: Words<Validity>;
  readonly communication: Words<CommunicationMethod>;
  readonly rejectionReason: Words<RejectionReason>;
  readonly trigger: Words<EscalationTrigger>;
  readonly event: Words<EventType>;
  readonly printPurpose: Words<PrintPurpose>;
  readonly printOutput: Words<PrintOutput>;
  readonly role: Words<Role>;
  readonly clockState: Words<'on_time' | 'due_soon' | 'overdue' | 'met' | 'missed' | 'paused'>;
  readonly clockKind: Words<ClockKind>;
  /** One line per clock saying what it measures (SPEC §2, §3, §5), shown with the clock's name wherever that appears. */
  readonly clockMeaning: Words<ClockKind>;
  readonly term: Words<Term>;
  /**
   * Shorter forms of a few terms for the record sheet's narrow label column, made only by dropping or
   * abbreviating words of the term (Member / customer no. → Member no.), never by a synonym; the test checks it.
   */
  readonly termShort: Readonly<Partial<Record<Term, string>>>;
}

const zhCN: VocabularyWords = {
  channel: {
    phone: '电话/热线', walk_in: '现场', email: '电子邮件', online: '网站/App', letter: '信函',
    social_media: '社交媒体', comment_book: '意见簿', transferred: '转办', other: '其他',
  },
  nature: { quality: '质量异常', people: '人为因素', other: '其他' },
  requestKind: {
    apology: '道歉', refund: '退款', replacement: '换货', repair: '维修', compensation: '赔偿',
    explanation: '解释说明', service_improvement: '改进服务', other: '其他',
  },
  level: { low: '低', medium: '中', high: '高' },
  spread: { individual: '个别客户', several: '多名客户', many: '大量客户' },
  flag: {
    media: '媒体曝光', regulator: '监管/政府介入', legal: '法律纠纷', injury_or_major_loss: '人身伤害或重大损失',
    collective: '集体投诉', repeat: '重复投诉', unresolved_month: '超一个月未解决',
  },
  status: {
    registered: '已登记', acknowledged: '已受理', investigating: '处理中', resolution_proposed: '已提方案',
    resolved: '已解决', followed_up: '已回访', closed: '已结案', rejected: '不予受理', voided: '已作废',
    awaiting_customer: '等待客户', reopened: '重新处理', appealed: '客户申诉',
  },
  tier: { T1: '一线', T2: '投诉组', T3: '客服主管', T4: '高层终审' },
  route: { legal: '法务', pr: '公关' },
  validity: { liable: '责任投诉', not_liable: '无责任投诉', assist: '协助处理' },
  communication: { phone: '电话', written: '书面', in_person: '当面', sms: '短信', email: '电子邮件' },
  rejectionReason: {
    anonymous_not_allowed: '匿名投诉（政策不受理）', false_material: '材料不实', in_arbitration_or_court: '已进入仲裁或诉讼程序',
    not_liable: '无责任投诉（不属我方责任）', other: '其他',
  },
  trigger: { tier_deadline: '本级时限已到', customer_rejected: '客户不接受方案', major_flag: '重大投诉', dissatisfied: '回访不满意', department_cannot_resolve: '部门无法独立解决', manual: '人工升级' },
  event: {
    Registered: '登记投诉', Assessed: '评估分级', Acknowledged: '受理', Assigned: '指派', Escalated: '升级',
    NoteAdded: '添加备注', EvidenceAttached: '添加证据', ResolutionProposed: '提出处理方案',
    CustomerResponded: '客户答复', Resolved: '解决', FollowedUp: '回访', Paused: '暂停计时', Resumed: '恢复计时',
    Extended: '延期', Reopened: '重新处理', Rejected: '不予受理', Voided: '作废',
    CorrectiveActionOpened: '启动整改', CorrectiveActionClosed: '整改完成', InvestigationRecorded: '调查核实',
    Closed: '结案', RecordPrinted: '打印记录表', Anonymised: '个人信息已删除',
  },
  printPurpose: { signature: '签字', filing: '存档', customer_copy: '客户留存' },
  printOutput: { printer: '打印', pdf: 'PDF' },
  role: { staff: '受理员', supervisor: '主管', admin: '管理员' },
  clockState: { on_time: '未到期', due_soon: '即将到期', overdue: '已超时', met: '按时完成', missed: '逾期完成', paused: '已暂停' },
  clockKind: { acknowledgement: '受理', firstReply: '首次答复', response: '响应', resolution: '解决', tier: '本级时限' },
  clockMeaning: {
    acknowledgement: '收到投诉后，须在此前受理，确认由专人负责',
    firstReply: '须在此前第一次答复客户（联系客户、提出方案或请客户补充信息）',
    response: '须在本等级的响应时限内受理并开始处理，等级越高时限越短',
    resolution: '须在本等级的解决时限内解决并告知客户；等待客户期间暂停计时',
    tier: '当前处理层级须在此前解决，否则自动升级',
  },
  term: {
    complaintNumber: '投诉编号', receivedAt: '受理时间', receivedBy: '受理人', channel: '投诉渠道', category: '投诉类别', nature: '投诉性质',
    grade: '等级', majorFlags: '重大投诉标记', status: '状态', tier: '处理层级', assignee: '处理人', nextDeadline: '下一时限',
    deadlineState: '时限状态', closedAt: '结案时间',
    complainant: '投诉人', customerName: '客户姓名', headCount: '涉及人数', phone: '联系电话', email: '电子邮箱', address: '地址', memberNumber: '会员/客户编号',
    incidentAt: '事发时间', incidentPlace: '事发地点', staffInvolved: '涉及人员', product: '涉及产品/服务', orderNumber: '订单/小票号',
    description: '投诉内容', request: '投诉请求', evidence: '证据', repeatOf: '原投诉编号',
    assessment: '评估分级', validity: '责任判定', severity: '影响程度', urgency: '紧急程度', spread: '普遍性',
    investigation: '调查核实', findings: '调查结果', rootCause: '原因分析', responsibility: '责任归属', interviewed: '询问对象',
    proposal: '处理方案', customerAnswer: '客户答复', communicated: '结果告知', extension: '延期',
    followUp: '回访', satisfaction: '满意度', followUpComments: '回访意见', correctiveAction: '整改措施', timeline: '处理记录',
  },
  termShort: { memberNumber: '会员编号', product: '涉及产品', orderNumber: '订单号', majorFlags: '重大投诉' },
};

const en: VocabularyWords = {
  channel: {
    phone: 'Phone / hotline', walk_in: 'Walk-in', email: 'Email', online: 'Online / app', letter: 'Letter',
    social_media: 'Social media', comment_book: 'Comment book', transferred: 'Transferred', other: 'Other',
  },
  nature: { quality: 'Quality-related', people: 'People-related', other: 'Other' },
  requestKind: {
    apology: 'Apology', refund: 'Refund', replacement: 'Replacement', repair: 'Repair', compensation: 'Compensation',
    explanation: 'Explanation', service_improvement: 'Better service', other: 'Other',
  },
  level: { low: 'Low', medium: 'Medium', high: 'High' },
  spread: { individual: 'One customer', several: 'Several customers', many: 'Many customers' },
  flag: {
    media: 'Media exposure', regulator: 'Regulator / government', legal: 'Legal dispute', injury_or_major_loss: 'Injury or major loss',
    collective: 'Collective', repeat: 'Repeat complaint', unresolved_month: 'Unresolved after a month',
  },
  status: {
    registered: 'Registered', acknowledged: 'Acknowledged', investigating: 'Investigating', resolution_proposed: 'Resolution proposed',
    resolved: 'Resolved', followed_up: 'Followed up', closed: 'Closed', rejected: 'Rejected', voided: 'Voided',
    awaiting_customer: 'Awaiting customer', reopened: 'Reopened', appealed: 'Appealed',
  },
  tier: { T1: 'Front line', T2: 'Complaint team', T3: 'CS supervisor', T4: 'Senior management' },
  route: { legal: 'Legal', pr: 'Public relations' },
  validity: { liable: 'Liable', not_liable: 'Not liable', assist: 'Assist' },
  communication: { phone: 'Phone', written: 'In writing', in_person: 'In person', sms: 'SMS', email: 'Email' },
  rejectionReason: {
    anonymous_not_allowed: 'Anonymous, not accepted by policy', false_material: 'False material', in_arbitration_or_court: 'In arbitration or court',
    not_liable: 'Not liable (outside our responsibility)', other: 'Other',
  },
  trigger: { tier_deadline: 'Tier limit passed', customer_rejected: 'Customer rejected the proposal', major_flag: 'Major complaint', dissatisfied: 'Dissatisfied at follow-up', department_cannot_resolve: 'Department cannot resolve alone', manual: 'Manual' },
  event: {
    Registered: 'Registered', Assessed: 'Assessed', Acknowledged: 'Acknowledged', Assigned: 'Assigned', Escalated: 'Escalated',
    NoteAdded: 'Note added', EvidenceAttached: 'Evidence attached', ResolutionProposed: 'Resolution proposed',
    CustomerResponded: 'Customer answered', Resolved: 'Resolved', FollowedUp: 'Followed up', Paused: 'Clock paused', Resumed: 'Clock resumed',
    Extended: 'Deadline extended', Reopened: 'Reopened', Rejected: 'Rejected', Voided: 'Voided',
    CorrectiveActionOpened: 'Corrective action opened', CorrectiveActionClosed: 'Corrective action closed', InvestigationRecorded: 'Investigation recorded',
    Closed: 'Closed', RecordPrinted: 'Record sheet printed', Anonymised: 'Personal data removed',
  },
  printPurpose: { signature: 'for signature', filing: 'for filing', customer_copy: 'customer copy' },
  printOutput: { printer: 'Printed', pdf: 'PDF' },
  role: { staff: 'Staff', supervisor: 'Supervisor', admin: 'Admin' },
  clockState: { on_time: 'On time', due_soon: 'Due soon', overdue: 'Overdue', met: 'Met', missed: 'Missed', paused: 'Paused' },
  clockKind: { acknowledgement: 'Acknowledge', firstReply: 'First reply', response: 'Respond', resolution: 'Resolve', tier: 'Tier limit' },
  clockMeaning: {
    acknowledgement: 'By then someone must acknowledge the complaint and own it',
    firstReply: 'By then the customer must first hear from us (a call, a proposal, a request for details)',
    response: 'Acknowledge and start handling within the grade’s response time, shorter for higher grades',
    resolution: 'Resolve and tell the customer within the grade’s resolution time; paused while waiting on the customer',
    tier: 'The current tier must resolve it by then, or it escalates to the next tier',
  },
  term: {
    complaintNumber: 'Complaint no.', receivedAt: 'Received at', receivedBy: 'Received by', channel: 'Channel', category: 'Category', nature: 'Nature',
    grade: 'Grade', majorFlags: 'Major-complaint flags', status: 'Status', tier: 'Tier', assignee: 'Assignee', nextDeadline: 'Next deadline',
    deadlineState: 'Deadline state', closedAt: 'Closed at',
    complainant: 'Complainant', customerName: 'Customer name', headCount: 'Number of people', phone: 'Phone', email: 'Email', address: 'Address', memberNumber: 'Member / customer no.',
    incidentAt: 'Incident time', incidentPlace: 'Incident place', staffInvolved: 'Staff involved', product: 'Product / service', orderNumber: 'Order / receipt no.',
    description: 'Description', request: 'Request', evidence: 'Evidence', repeatOf: 'Earlier complaint no.',
    assessment: 'Assessment and grading', validity: 'Validity', severity: 'Severity', urgency: 'Urgency', spread: 'Spread',
    investigation: 'Investigation', findings: 'Findings', rootCause: 'Root cause', responsibility: 'Responsibility', interviewed: 'People interviewed',
    proposal: 'Proposal', customerAnswer: 'Customer’s answer', communicated: 'Customer told', extension: 'Extension',
    followUp: 'Follow-up visit', satisfaction: 'Satisfaction', followUpComments: 'Comments', correctiveAction: 'Corrective action', timeline: 'Timeline',
  },
  termShort: {
    customerName: 'Name', memberNumber: 'Member no.', incidentPlace: 'Place', product: 'Product', orderNumber: 'Order no.', repeatOf: 'Earlier no.',
    majorFlags: 'Major', interviewed: 'Interviewed', customerAnswer: 'Answer', satisfaction: 'Satisf.',
  },
};

/**
 * The vocabulary by language, e.g. `VOCABULARY['zh-CN'].status.closed` → 已结案. zh-TW is generated from zh-CN
 * (npm run i18n:zh-tw), so the Traditional words are the Simplified ones converted, never a second choice of term.
 */
export const VOCABULARY: Readonly<Record<Language, VocabularyWords>> = { 'zh-CN': zhCN, 'zh-TW': VOCABULARY_ZH_TW, en };
