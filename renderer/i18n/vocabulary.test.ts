/**
 * One word per concept (issue 9 item 10): the screen, the record sheet (客户投诉记录表) and the exports name a
 * field or a handling step with the same term, read from shared/i18n/vocabulary.ts; and the synonyms that used
 * to stand beside it (评估定级 beside 评估分级, 分派 beside 指派, 记录调查结果 beside 调查核实…) do not come back.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/api/schemas';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { VOCABULARY, type Term } from '../../shared/i18n/vocabulary';
import { registerRows, REGISTER_COLUMNS } from '../../shared/export/register';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { sheetLabels } from '../../shared/print/sheetLabels';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { zhTW } from './messages.zh-TW';
import type { Messages } from './messages.en';

const MESSAGES: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;

const exportHeader = (language: Language) =>
  registerRows([], { language, maskPersonalData: true, users: new Map(), policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, now: '2026-11-23T01:00:00.000Z' }).header;

interface Places {
  readonly screen: readonly string[];
  readonly sheet: readonly string[];
}

/** Where each concept is named on screen and on the sheet; every one of these must read the term (the sheet: its short form). */
function placesOf(language: Language): Partial<Record<Term, Places>> {
  const m = MESSAGES[language];
  const sheet = sheetLabels(language);
  const f = sheet.field;
  return {
    complaintNumber: { screen: [m.registerList.number, m.register.receiptNumber], sheet: [f.number] },
    receivedAt: { screen: [m.registerList.receivedAt, m.register.receivedAt, m.register.receiptReceivedAt], sheet: [f.receivedAt] },
    receivedBy: { screen: [m.complaint.receivedBy], sheet: [f.receivedBy, sheet.signers.receiver] },
    channel: { screen: [m.registerList.channel, m.register.channel], sheet: [f.channel] },
    category: { screen: [m.registerList.category, m.register.category, m.board.filters.category], sheet: [f.category] },
    nature: { screen: [m.register.nature], sheet: [f.nature] },
    grade: { screen: [m.registerList.grade, m.register.grade, m.actions.field.grade, m.board.filters.grade], sheet: [f.grade] },
    majorFlags: { screen: [m.register.flags, m.actions.field.flags, m.complaint.flags], sheet: [f.flags] },
    status: { screen: [m.registerList.status], sheet: [f.status] },
    tier: { screen: [m.registerList.tier, m.complaint.tier], sheet: [f.tier] },
    assignee: { screen: [m.registerList.assignee, m.complaint.assignee, m.actions.field.assignee, m.board.filters.assignee], sheet: [f.assignee] },
    nextDeadline: { screen: [m.registerList.nextDeadline], sheet: [] },
    complainant: { screen: [m.register.who, m.complaint.complainant], sheet: [sheet.signers.complainant] },
    customerName: { screen: [m.register.customerName], sheet: [f.name] },
    headCount: { screen: [m.register.peopleCount], sheet: [] },
    phone: { screen: [m.register.phone], sheet: [f.phone] },
    email: { screen: [m.register.email], sheet: [f.email] },
    address: { screen: [m.register.address], sheet: [f.address] },
    memberNumber: { screen: [m.register.memberNo], sheet: [f.customerNumber] },
    incidentAt: { screen: [m.register.incidentAt], sheet: [f.incidentAt] },
    incidentPlace: { screen: [m.register.incidentPlace], sheet: [f.incidentPlace] },
    staffInvolved: { screen: [m.register.staffInvolved], sheet: [f.people] },
    product: { screen: [m.register.product], sheet: [f.product] },
    orderNumber: { screen: [m.register.orderNo], sheet: [f.orderNumber] },
    description: { screen: [m.register.description], sheet: [f.description] },
    request: { screen: [m.register.want, m.complaint.request], sheet: [f.request] },
    evidence: { screen: [m.register.evidence, m.complaint.evidence, m.evidence.title], sheet: [f.evidence] },
    repeatOf: { screen: [m.register.repeatOf], sheet: [f.repeatOf] },
    assessment: { screen: [m.register.assessment, m.complaint.assessmentSection], sheet: [] },
    validity: { screen: [m.register.validity, m.actions.field.validity], sheet: [f.validity] },
    severity: { screen: [m.register.severity, m.actions.field.severity], sheet: [] },
    urgency: { screen: [m.register.urgency, m.actions.field.urgency], sheet: [] },
    spread: { screen: [m.register.spread, m.actions.field.spread], sheet: [] },
    investigation: { screen: [m.complaint.investigationSection], sheet: [] },
    findings: { screen: [m.actions.field.findings], sheet: [f.findings] },
    rootCause: { screen: [m.actions.field.rootCause], sheet: [f.rootCause] },
    responsibility: { screen: [m.complaint.responsibility], sheet: [f.responsibility] },
    interviewed: { screen: [m.actions.field.interviewed], sheet: [f.interviewed] },
    customerAnswer: { screen: [], sheet: [f.customerAnswer] },
    communicated: { screen: [m.complaint.communicated], sheet: [f.communicated] },
    extension: { screen: [m.complaint.extensionSection], sheet: [f.extension] },
    satisfaction: { screen: [m.actions.field.satisfaction], sheet: [sheet.followUpColumns.satisfaction] },
    followUpComments: { screen: [m.actions.field.comments], sheet: [sheet.followUpColumns.comments] },
    correctiveAction: { screen: [m.actions.field.correctiveAction], sheet: [sheet.actionColumns.description] },
    timeline: { screen: [m.complaint.timeline], sheet: [] },
  };
}

/** Every string in a message tree (functions, such as the sheet's formatters, are left aside). */
function strings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.values(tree).flatMap(strings);
}

/** Words that once named a concept beside its term, with the term that replaced them. */
const SYNONYMS: Readonly<Record<Language, readonly (readonly [synonym: string | RegExp, term: string])[]>> = {
  'zh-CN': [
    ['评估定级', '评估分级'],
    ['评估与分级', '评估分级'],
    ['分派', '指派'],
    ['记录调查结果', '调查核实'],
    ['处理完毕', '解决'],
    ['新建整改', '启动整改'],
    ['访谈人员', '询问对象'],
    ['级别', '处理层级'],
    [/(?<!处理)层级/, '处理层级'],
    ['诉求', '投诉请求'],
    ['调整等级原因', '调整等级理由'],
    ['证据附件', '证据'],
  ],
  // The same words in Traditional characters: zh-TW is generated from zh-CN, so a synonym there would come from here.
  'zh-TW': [
    ['評估定級', '評估分級'],
    ['評估與分級', '評估分級'],
    ['分派', '指派'],
    ['記錄調查結果', '調查核實'],
    ['處理完畢', '解決'],
    ['新建整改', '啟動整改'],
    ['訪談人員', '詢問對象'],
    ['級別', '處理層級'],
    [/(?<!處理)層級/, '處理層級'],
    ['訴求', '投訴請求'],
    ['調整等級原因', '調整等級理由'],
    ['證據附件', '證據'],
  ],
  en: [
    [/allocat/i, 'assign'],
    ['Assessment and grade', 'Assessment and grading'],
    ['Taken by', 'Received by'],
    ['Witnesses', 'People interviewed'],
    ['Head count', 'Number of people'],
    ['Major flags', 'Major-complaint flags'],
    ['Customer responded', 'Customer’s answer'],
    ['Override reason', 'Reason for the grade change'],
    ['Told by', 'Customer told'],
    [/tier deadline/i, 'Tier limit'],
  ],
};

describe('one vocabulary for the screen, the record sheet and the exports', () => {
  it.each(LANGUAGES)('names each field with its term everywhere it is shown (%s)', (language) => {
    const { term, termShort } = VOCABULARY[language];
    for (const [concept, places] of Object.entries(placesOf(language)) as [Term, Places][]) {
      for (const place of places.screen) expect(place, concept).toBe(term[concept]);
      for (const place of places.sheet) expect(place, `${concept} on the sheet`).toBe(termShort[concept] ?? term[concept]);
    }
  });

  it.each(LANGUAGES)('shortens a term for the sheet only by leaving out or abbreviating its own words (%s)', (language) => {
    const { term, termShort } = VOCABULARY[language];
    for (const [concept, short] of Object.entries(termShort) as [Term, string][]) {
      const full = term[concept];
      if (language !== 'en') {
        // Chinese: the short form keeps the term's characters in order (会员/客户编号 → 会员编号).
        const rest = [...short].reduce<string | undefined>((left, char) => (left === undefined ? undefined : left.includes(char) ? left.slice(left.indexOf(char) + 1) : undefined), full);
        expect(rest, `${short} ⊂ ${full}`).toBeDefined();
      } else {
        const words = full.toLowerCase().split(/[\s/-]+/).filter(Boolean);
        for (const word of short.toLowerCase().split(/[\s/]+/).filter(Boolean)) {
          const ok = words.includes(word) || (word.endsWith('.') && words.some((whole) => whole.startsWith(word.slice(0, -1))));
          expect(ok, `“${word}” of ${short} is not a word of ${full}`).toBe(true);
        }
      }
    }
  });

  it.each(LANGUAGES)('heads the export columns with the terms the register table shows (%s)', (language) => {
    const m = MESSAGES[language];
    const header = exportHeader(language);
    expect(header).toEqual(REGISTER_COLUMNS.map((concept) => VOCABULARY[language].term[concept]));
    const onScreen = [m.registerList.number, m.registerList.receivedAt, m.registerList.channel, m.registerList.category, m.registerList.grade, m.registerList.status, m.registerList.tier, m.registerList.assignee, m.registerList.nextDeadline];
    for (const heading of onScreen) expect(header, heading).toContain(heading);
  });

  it('calls a handling step by the same word on its button and in the timeline (zh-CN, where verbs do not inflect)', () => {
    const { event, term } = VOCABULARY['zh-CN'];
    const title = zhCN.actions.title;
    expect([title.assess, title.assign, title.recordInvestigation, title.proposeResolution, title.recordCustomerResponse, title.resolve]).toEqual([
      event.Assessed, event.Assigned, event.InvestigationRecorded, event.ResolutionProposed, event.CustomerResponded, event.Resolved,
    ]);
    expect([event.Assessed, event.InvestigationRecorded, event.CustomerResponded]).toEqual([term.assessment, term.investigation, term.customerAnswer]);
    expect(sheetLabels('zh-CN').sections.assessment.replace('\n', '')).toBe(term.assessment);
    expect(sheetLabels('zh-CN').sections.investigation.replace('\n', '')).toBe(term.investigation);
  });

  it.each(LANGUAGES)('does not bring back a synonym of a term anywhere in the UI, the sheet or the vocabulary (%s)', (language) => {
    const texts = [...strings(MESSAGES[language]), ...strings(sheetLabels(language)), ...strings(VOCABULARY[language]), ...exportHeader(language)];
    for (const [synonym, term] of SYNONYMS[language]) {
      const found = texts.filter((text) => (typeof synonym === 'string' ? text.includes(synonym) : synonym.test(text)));
      expect(found, `say “${term}” instead of “${String(synonym)}”`).toEqual([]);
    }
  });
});
