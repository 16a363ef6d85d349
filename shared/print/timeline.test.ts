import { describe, expect, it } from 'vitest';
import { SYSTEM_USER_ID } from '../brand';
import { EVENT_TYPES, parseEvent, type DomainEvent, type EventBody } from '../domain/events';
import { composedReason } from '../domain/reasons';
import { SUPERVISOR } from '../domain/testing';
import { SAMPLE_USERS, sampleComplaint } from './testing';
import { timelineLine, timelineText } from './timeline';

const { events: handled } = sampleComplaint();
const first = handled[0];
if (!first) throw new Error('no events');

/** An event of the sample complaint with another body, parsed as a journal line would be. */
function event(body: EventBody, actor: string = SUPERVISOR.id): DomainEvent {
  const parsed = parseEvent({ ...first, id: `extra-${body.type}-${JSON.stringify(body.payload).length}`, actor, v: body.type === 'InvestigationRecorded' ? 2 : 1, ...body });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const automatic = (reason: string, trigger: 'tier_deadline' | 'major_flag' | 'dissatisfied' | 'customer_rejected' | 'department_cannot_resolve') =>
  event({ type: 'Escalated', payload: { fromTier: 'T1', toTier: 'T2', reason, automatic: true, trigger } }, SYSTEM_USER_ID);

/** The handled sample (most event types) and the rest: ends, appeals, evidence, every reason the app composes, old English reasons. */
const EVENTS: readonly DomainEvent[] = [
  ...handled,
  event({ type: 'Reopened', payload: { appeal: false, reason: composedReason({ reason: 'dissatisfied', satisfaction: 2 }) } }),
  event({ type: 'Reopened', payload: { appeal: true, reason: '客户认为赔偿不足，提出申诉' } }),
  event({ type: 'Reopened', payload: { appeal: false, reason: 'The customer is dissatisfied at follow-up (1/5)' } }),
  automatic(composedReason({ reason: 'dissatisfied', satisfaction: 2 }), 'dissatisfied'),
  automatic(composedReason({ reason: 'customer_rejected' }), 'customer_rejected'),
  automatic(composedReason({ reason: 'department_cannot_resolve' }), 'department_cannot_resolve'),
  automatic(composedReason({ reason: 'tier_deadline', tier: 'T1', hours: 24 }), 'tier_deadline'),
  automatic(composedReason({ reason: 'major_flags', flags: ['media', 'legal'] }), 'major_flag'),
  automatic('Not resolved within the 24 h limit of T1', 'tier_deadline'),
  automatic('Escalated by an older rule', 'tier_deadline'),
  event({ type: 'FollowedUp', payload: { method: 'sms', reached: false } }),
  event({ type: 'Closed', payload: { closedBy: SUPERVISOR.id, unreachable: true } }),
  event({ type: 'Rejected', payload: { reason: 'false_material', text: '提供的购物小票与门店记录不符' } }),
  event({ type: 'Voided', payload: { reason: '重复登记' } }),
  event({ type: 'Anonymised', payload: { endedBefore: '2026-11-24T02:00:00.000Z', removed: ['name', 'phone', 'customerNumber'], evidenceFiles: 2 } }),
  event({ type: 'EvidenceAttached', payload: { evidence: [{ hash: 'a'.repeat(64), name: '发票.jpg', mime: 'image/jpeg', size: 1000 }] } }),
];

const context = (language: 'zh-CN' | 'en') => ({ language, timeZone: 'Asia/Shanghai', userName: (id: string) => SAMPLE_USERS.get(id) ?? id });
const lines = (language: 'zh-CN' | 'en') => EVENTS.map((e) => timelineText(e, context(language)));
/** What the person typed or the system names that may be in Latin letters in a Chinese line. */
const PROPER_DATA = ['发票.jpg', 'PDF', '950ml', 'POS-20261122-1187'];

describe('timeline lines', () => {
  it('cover every event type', () => {
    expect(new Set(EVENTS.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it.each(['zh-CN', 'en'] as const)('in %s: no placeholder, no message key, nothing undefined', (language) => {
    for (const line of lines(language)) {
      expect(line).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\[object/);
      expect(line).not.toMatch(/\b[a-z]+\.[a-z_]+[A-Za-z_]*\b/); // e.g. trigger.dissatisfied
      expect(line).not.toMatch(/"reason"/); // a composed reason's code never shows
    }
  });

  it('in zh-CN: no English words but the data itself', () => {
    for (const line of lines('zh-CN')) {
      const words = PROPER_DATA.reduce((text, data) => text.replaceAll(data, ''), line);
      expect(words, line).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('read the handling: the follow-up, the answer, the extension, the investigation, corrective actions', () => {
    const zh = lines('zh-CN');
    const en = lines('en');
    expect(zh).toContain('回访：电话，已联系上，满意度 4/5，对处理结果基本满意，希望加强管理');
    expect(en).toContain('Followed up: Phone, reached, satisfaction 4/5, 对处理结果基本满意，希望加强管理');
    expect(zh).toContain('客户答复：客户不接受方案，顾客要求赔偿医药费');
    expect(zh).toContain('延期：延至 2026-11-30 18:00（3 个工作日），需供应商出具检测报告，批准人：王建国，已电话告知客户');
    expect(en).toContain('Deadline extended: to 2026-11-30 18:00 (3 working days), 需供应商出具检测报告, approved by 王建国, customer told (Phone)');
    expect(zh.find((line) => line.startsWith('调查核实'))).toContain('原因：晚班临期商品巡检缺失，交接表未签字，责任：生鲜部 / 晚班组长 刘强，询问：店员小陈、晚班组长 刘强');
    expect(zh).toContain('启动整改：每日开店前与闭店后两次巡检临期商品，交接表双人签字，责任人：生鲜部 刘强，完成期限：2026-12-15');
  });

  it('render the reasons the app composes in each language, old English sentences included, and a typed reason as typed', () => {
    const zh = lines('zh-CN');
    expect(zh).toContain('重新处理：客户回访不满意（满意度 2/5）');
    expect(zh).toContain('重新处理：客户回访不满意（满意度 1/5）'); // stored in English before reasons were codes
    expect(zh).toContain('重新处理：客户申诉，客户认为赔偿不足，提出申诉');
    expect(zh).toContain('升级：一线 → 投诉组，一线未在 24 小时时限内解决');
    expect(zh).toContain('升级：一线 → 投诉组，重大投诉：媒体曝光、法律纠纷');
    expect(zh).toContain('升级：一线 → 投诉组，本级时限已到'); // an old sentence nobody can read: its trigger
    expect(lines('en')).toContain('Escalated: Front line → Complaint team, not resolved within the 24 h limit of Front line');
  });

  it('give the event name and its detail apart for the screen', () => {
    const visit = handled.find((e) => e.type === 'FollowedUp' && e.payload.reached);
    if (!visit) throw new Error('no visit');
    expect(timelineLine(visit, context('zh-CN'))).toEqual({ title: '回访', detail: '电话，已联系上，满意度 4/5，对处理结果基本满意，希望加强管理' });
  });
});
