/**
 * A realistic handled complaint for the print and export tests and the look-at-it script: a supermarket
 * customer with expired milk, walked through investigation, a declined offer, escalation, resolution, two
 * follow-up visits, corrective action and closing — a timeline of over twenty lines.
 */
import { addHours, createDesk, OTHER_STAFF, STAFF, SUPERVISOR, type Desk } from '../domain/testing';
import type { Actor } from '../domain/commands';
import type { DomainEvent } from '../domain/events';
import type { ComplaintState } from '../domain/state';
import { DEFAULT_POLICY } from '../policy/policy';
import { renderRecordSheet, type RecordSheetInput } from './recordSheet';

export const SAMPLE_USERS: ReadonlyMap<string, string> = new Map([
  [STAFF.id, '李娜'],
  [OTHER_STAFF.id, '张伟'],
  [SUPERVISOR.id, '王建国'],
]);

export const SAMPLE_BRANCH = { code: 'SH01', name: '上海徐汇店', timeZone: 'Asia/Shanghai' } as const;

export interface SampleComplaint {
  readonly state: ComplaintState;
  readonly events: readonly DomainEvent[];
  readonly desk: Desk;
}

type Step = (action: Parameters<Desk['run']>[0], input: unknown, actor?: Actor, hours?: number) => void;

/** A desk with the sample customer's complaint registered, and `step` to run the next command `hours` later. */
function registeredSample(description: string | undefined): { desk: Desk; step: Step } {
  const desk = createDesk();
  const step: Step = (action, input, actor = STAFF, hours = 1) => {
    desk.now = addHours(desk.now, hours);
    const result = desk.run(action, input, actor);
    if (!result.ok) throw new Error(`${action} refused: ${result.error.code} ${result.error.message}`);
  };
  step(
    'register',
    {
      number: 'SH01-20261123-0007',
      receivedAt: desk.now,
      channel: 'walk_in',
      complainant: { name: '陈晓明', phone: '13812345678', email: 'chen.xm@example.com', address: '上海市徐汇区漕溪北路 88 号 3 单元 502 室', customerNumber: 'VIP-0099821' },
      incident: { at: addHours(desk.now, -20), place: '徐汇店一楼生鲜区冷柜', staffMember: '店员小陈', department: '生鲜部', product: '光明鲜牛奶 950ml', orderNumber: 'POS-20261122-1187' },
      category: 'product_quality',
      subCategory: 'product_quality.expired',
      nature: 'quality',
      description:
        description ??
        '顾客于 11 月 22 日晚在本店购买鲜牛奶两盒，回家后发现其中一盒已超过保质期两天，孩子饮用后出现腹泻症状，已到社区医院就诊。顾客情绪激动，要求退款、赔偿医药费，并要求门店书面道歉，说明临期商品为何未及时下架。',
      requests: ['refund', 'compensation', 'apology'],
      requestedAmount: 500,
      requestText: '退还货款并赔偿医药费 500 元，书面道歉',
    },
    STAFF,
    0,
  );
  return { desk, step };
}

function finished(desk: Desk): SampleComplaint {
  if (!desk.state) throw new Error('no complaint');
  return { state: desk.state, events: desk.events, desk };
}

/**
 * The same complaint handled the ordinary way, in eleven steps: acknowledged, assessed, investigated, one
 * accepted offer, resolved, one follow-up visit, closed and printed — what the record sheet must fit on one page.
 */
export function typicalComplaint(): SampleComplaint {
  const { desk, step } = registeredSample(undefined);
  step('acknowledge', {}, STAFF, 0.5);
  step('assess', { validity: 'liable', severity: 'medium', urgency: 'high', spread: 'individual' }, SUPERVISOR);
  step('addNote', { text: '已电话告知顾客正在核实，24 小时内答复', contactedCustomer: true });
  step('recordInvestigation', { findings: '该批次牛奶 11 月 20 日到期，21 日晚班未按规定巡检下架。', rootCause: '晚班临期商品巡检缺失', responsibleDepartment: '生鲜部', interviewed: ['店员小陈'] }, STAFF, 3);
  step('proposeResolution', { offers: ['refund', 'compensation', 'apology'], amount: 500, text: '退还货款，赔偿医药费共 500 元，当面致歉' });
  step('recordCustomerResponse', { accepted: true, comment: '顾客接受' });
  step('resolve', { communicatedBy: 'in_person', communicatedAt: desk.now, summary: '店长当面致歉并退款、赔偿 500 元。' });
  step('followUp', { method: 'phone', reached: true, satisfaction: 5, comments: '满意' }, STAFF, 24);
  step('close', {}, SUPERVISOR);
  step('printRecord', { purpose: 'signature', output: 'pdf' }, SUPERVISOR);
  return finished(desk);
}

/** `extraNotes` adds that many follow-up notes, to push the timeline onto further pages. */
export function sampleComplaint(options: { description?: string; extraNotes?: number } = {}): SampleComplaint {
  const { desk, step } = registeredSample(options.description);
  step('acknowledge', {}, STAFF, 0.5);
  step('assess', { validity: 'liable', severity: 'medium', urgency: 'high', spread: 'individual' }, SUPERVISOR);
  step('addNote', { text: '已电话告知顾客正在核实，24 小时内答复', contactedCustomer: true });
  step('handOver', { to: OTHER_STAFF.id, department: '生鲜部', reason: '交生鲜组核查批次与巡检记录' });
  step('recordInvestigation', {
    findings: '调取监控和巡检记录：该批次牛奶 11 月 20 日到期，21 日晚班未按规定巡检下架。',
    rootCause: '晚班临期商品巡检缺失，交接表未签字',
    responsibleDepartment: '生鲜部',
    responsiblePerson: '晚班组长 刘强',
    interviewed: ['店员小陈', '晚班组长 刘强'],
  }, OTHER_STAFF, 3);
  step('pause', { reason: '等待顾客提供就诊发票' }, OTHER_STAFF);
  step('resume', { note: '顾客已发来发票照片，医药费 186 元' }, OTHER_STAFF, 20);
  step('proposeResolution', { offers: ['refund', 'apology'], amount: 25.8, text: '全额退还两盒牛奶货款并当面致歉' }, OTHER_STAFF);
  step('recordCustomerResponse', { accepted: false, comment: '顾客要求赔偿医药费' }, OTHER_STAFF);
  step('escalate', { reason: '赔偿金额超出一线权限，请主管决定' }, OTHER_STAFF);
  step('extend', { reason: '需供应商出具检测报告', workingDays: 3, customerInformedBy: 'phone' }, SUPERVISOR);
  step('proposeResolution', { offers: ['refund', 'compensation', 'apology'], amount: 500, text: '退还货款，赔偿医药费及误工费共 500 元，门店出具书面致歉信' }, SUPERVISOR, 4);
  step('recordCustomerResponse', { accepted: true, comment: '顾客接受' }, SUPERVISOR);
  step('resolve', { communicatedBy: 'in_person', communicatedAt: desk.now, summary: '店长当面致歉并现场退款、赔偿 500 元，顾客签字确认。' }, SUPERVISOR);
  for (let index = 0; index < (options.extraNotes ?? 0); index += 1) {
    step('addNote', { text: `第 ${index + 1} 次跟进：已与供应商沟通同批次商品召回情况，门店已完成全部冷柜复查。` }, SUPERVISOR, 2);
  }
  step('followUp', { method: 'phone', reached: false }, OTHER_STAFF, 24);
  step('followUp', { method: 'phone', reached: true, satisfaction: 4, comments: '对处理结果基本满意，希望加强管理' }, OTHER_STAFF, 24);
  step('openCorrectiveAction', { owner: '生鲜部 刘强', dueDate: '2026-12-15', description: '每日开店前与闭店后两次巡检临期商品，交接表双人签字' }, SUPERVISOR);
  step('close', {}, SUPERVISOR);
  step('closeCorrectiveAction', { actionId: desk.state?.correctiveActions[0]?.id ?? 'none', outcome: '已执行两周，抽查无临期商品' }, SUPERVISOR, 72);
  step('printRecord', { purpose: 'filing', output: 'pdf' }, SUPERVISOR);
  return finished(desk);
}


/** The sample's record sheet as printed by 王建国 on 2026-11-30, with any input overridden. */
export function sampleSheet(sample: { description?: string; extraNotes?: number } = {}, overrides: Partial<RecordSheetInput> = {}): string {
  return sheetOf(sampleComplaint(sample), overrides);
}

/** A complaint's record sheet as printed by 王建国 on 2026-11-30, with any input overridden. */
export function sheetOf({ state, events }: SampleComplaint, overrides: Partial<RecordSheetInput> = {}): string {
  return renderRecordSheet({
    state,
    events,
    branch: SAMPLE_BRANCH,
    users: SAMPLE_USERS,
    printedAt: '2026-11-30T06:30:00.000Z',
    printedBy: '王建国',
    language: 'zh-CN',
    policy: DEFAULT_POLICY,
    ...overrides,
  });
}
