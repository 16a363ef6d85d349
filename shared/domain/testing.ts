/**
 * A small in-memory desk for tests and the seed: runs commands against one complaint the way the store does
 * (stamp, fold, append) and knows a minimal valid input for every action, so tests can walk the workflow.
 */
import { BranchCodeSchema, UserIdSchema, type BranchCode } from '../brand';
import type { WorkingCalendar } from '../calendar/calendar';
import { CN_2026_CALENDAR } from '../calendar/defaults';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import type { Result } from '../result';
import { allowedActions, COMMANDS, type ActionName, type Actor, type CommandContext } from './commands';
import { extendedDeadline } from './commands/handling';
import { stampEvents, type DomainEvent } from './events';
import { formatComplaintNumber, localDateKey } from './numbering';
import { applyEvent } from './reducer';
import type { ComplaintState } from './state';
import { RouteSchema } from './vocabulary';

export const TEST_BRANCH: BranchCode = BranchCodeSchema.parse('SH01');
export const STAFF: Actor = { id: UserIdSchema.parse('u-li'), role: 'staff' };
export const OTHER_STAFF: Actor = { id: UserIdSchema.parse('u-zhang'), role: 'staff' };
export const SUPERVISOR: Actor = { id: UserIdSchema.parse('u-wang'), role: 'supervisor' };
export const ADMIN: Actor = { id: UserIdSchema.parse('u-admin'), role: 'admin' };
/** Monday 2026-11-23 09:00 in Shanghai. */
export const MONDAY_9AM = '2026-11-23T01:00:00.000Z';

export const addHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

export interface Desk {
  readonly state: ComplaintState | undefined;
  readonly events: readonly DomainEvent[];
  now: string;
  readonly policy: Policy;
  readonly calendar: WorkingCalendar;
  context(actor: Actor): CommandContext;
  /** Run a command; on success its events are stamped, folded and appended. */
  run(action: ActionName, input: unknown, actor?: Actor): Result<DomainEvent[]>;
}

export function createDesk(options: { policy?: Policy; calendar?: WorkingCalendar; now?: string; firstSeq?: number } = {}): Desk {
  const policy = options.policy ?? DEFAULT_POLICY;
  const calendar = options.calendar ?? CN_2026_CALENDAR;
  let state: ComplaintState | undefined;
  const events: DomainEvent[] = [];
  let nextSeq = options.firstSeq ?? 1;
  let ids = 0;
  const desk: Desk = {
    get state() {
      return state;
    },
    events,
    now: options.now ?? MONDAY_9AM,
    policy,
    calendar,
    context: (actor) => ({ now: desk.now, actor, policy, calendar, newId: () => `id-${++ids}` }),
    run(action, input, actor = STAFF) {
      const result = COMMANDS[action](state, input, desk.context(actor));
      if (!result.ok) return result;
      const stamped = stampEvents(result.value, { branch: TEST_BRANCH, firstSeq: nextSeq });
      nextSeq += stamped.length;
      for (const event of stamped) state = applyEvent(state, event);
      events.push(...stamped);
      return { ok: true, value: stamped };
    },
  };
  return desk;
}

/** The smallest input each action accepts on `state` (a variant picks among realistic alternatives). */
export function minimalInput(action: ActionName, state: ComplaintState | undefined, now: string, variant = 0): unknown {
  const other = state?.assignee === OTHER_STAFF.id ? STAFF.id : OTHER_STAFF.id;
  switch (action) {
    case 'register':
      return {
        number: formatComplaintNumber(TEST_BRANCH, localDateKey(now, 'Asia/Shanghai'), 1),
        receivedAt: now,
        channel: 'walk_in',
        complainant: { name: '王芳', phone: '13812345678' },
        category: 'product_quality',
        nature: 'quality',
        description: '购买的牛奶已过期',
        requests: ['refund'],
        ...(variant % 3 === 1 ? { collective: { count: 6 } } : {}),
      };
    case 'assess':
      return { validity: variant % 3 === 2 ? 'not_liable' : 'liable', severity: 'low', urgency: 'low', spread: 'individual', flags: variant % 5 === 4 ? ['media'] : [] };
    case 'acknowledge':
    case 'close':
      return {};
    case 'assign':
    case 'handOver':
      return { to: other, reason: '转交售后部门' };
    case 'escalate': {
      const route = RouteSchema.options.find((r) => !state?.routes.includes(r));
      return state?.tier === 'T4' ? { reason: '需要法务介入', route } : { reason: '部门无法单独解决' };
    }
    case 'addNote':
      return { text: '已致电顾客说明进展', contactedCustomer: variant % 2 === 0 };
    case 'recordInvestigation':
      return { findings: '货架未按时检查保质期' };
    case 'proposeResolution':
      return { offers: ['refund', 'apology'], amount: 12.5, text: '全额退款并致歉' };
    case 'recordCustomerResponse':
      return { accepted: variant % 3 !== 1 };
    case 'resolve':
      return { communicatedBy: 'phone', communicatedAt: now, summary: '已退款，顾客接受' };
    case 'pause':
      return { reason: '等待顾客提供小票' };
    case 'resume':
      return {};
    case 'extend':
      return { reason: '需供应商检测', workingDays: workingDaysToReachFuture(state, now), customerInformedBy: 'phone' };
    case 'attachEvidence':
      // A hash not yet on the record, so the file counts as new.
      return { evidence: [{ hash: ((state?.evidence.length ?? 0) + 1).toString(16).padStart(64, '0'), name: '小票.jpg', mime: 'image/jpeg', size: 1024 }] };
    case 'followUp':
      return variant % 4 === 1 ? { method: 'phone', reached: false } : { method: 'phone', reached: true, satisfaction: variant % 4 === 2 ? 1 : 5 };
    case 'reopen':
      return { appeal: true, reason: '顾客对处理结果不满' };
    case 'openCorrectiveAction':
      return { owner: '生鲜部', dueDate: '2099-12-31', description: '每日检查保质期' };
    case 'closeCorrectiveAction':
      return { actionId: state?.correctiveActions.find((a) => a.closedAt === undefined)?.id ?? 'none', outcome: '已执行' };
    case 'reject':
      return { reason: 'false_material', text: '材料不实' };
    case 'void':
      return { reason: '重复录入' };
    case 'printRecord':
      return { purpose: 'filing', output: 'pdf' };
    case 'anonymise':
      return { endedBefore: now };
  }
}

/**
 * Drive one complaint through every step of the workflow, so that every event type except Rejected and Voided
 * (which end a record) appears in `desk.events`. Throws if any step is refused: the walk itself is a test.
 */
export function handleEverything(desk: Desk): void {
  const step = (action: ActionName, input: unknown, actor: Actor = STAFF, hours = 1) => {
    desk.now = addHours(desk.now, hours);
    const result = desk.run(action, input, actor);
    if (!result.ok) throw new Error(`${action} refused: ${result.error.code} ${result.error.message}`);
  };
  step('register', minimalInput('register', undefined, desk.now), STAFF, 0);
  step('acknowledge', {});
  step('assess', { validity: 'liable', severity: 'medium', urgency: 'high', spread: 'individual' }, SUPERVISOR);
  step('handOver', { to: OTHER_STAFF.id, reason: '交生鲜组处理' });
  step('assign', { to: STAFF.id, department: '客服部', reason: '回到首问责任人' }, SUPERVISOR);
  step('addNote', { text: '已电话告知顾客正在核实', contactedCustomer: true });
  step('attachEvidence', minimalInput('attachEvidence', desk.state, desk.now));
  step('recordInvestigation', { findings: '临期商品未下架', rootCause: '巡检缺失', responsibleDepartment: '生鲜部', interviewed: ['店员小陈'] });
  step('pause', { reason: '等待顾客提供小票' });
  step('resume', { note: '顾客已发来小票照片' }, STAFF, 20);
  step('extend', minimalInput('extend', desk.state, desk.now), SUPERVISOR);
  step('proposeResolution', { offers: ['refund'], amount: 12.5, text: '退款' });
  step('recordCustomerResponse', { accepted: false, comment: '还需要赔偿' });
  step('escalate', { reason: '需要主管决定赔偿' });
  step('proposeResolution', { offers: ['refund', 'compensation', 'apology'], amount: 62.5, text: '退款并赔偿50元' });
  step('recordCustomerResponse', { accepted: true });
  step('resolve', { communicatedBy: 'in_person', communicatedAt: desk.now, summary: '现场退款赔偿' });
  step('followUp', { method: 'phone', reached: true, satisfaction: 2, comments: '等太久' }, STAFF, 24);
  step('resolve', { communicatedBy: 'phone', communicatedAt: desk.now, summary: '再次致歉' }, SUPERVISOR);
  step('followUp', { method: 'phone', reached: true, satisfaction: 5 }, SUPERVISOR, 24);
  step('openCorrectiveAction', { owner: '生鲜部', dueDate: '2099-12-31', description: '每日检查保质期' }, SUPERVISOR);
  step('close', {}, SUPERVISOR);
  step('closeCorrectiveAction', minimalInput('closeCorrectiveAction', desk.state, desk.now), SUPERVISOR, 72);
  step('printRecord', { purpose: 'filing', output: 'printer', copies: 2 }, SUPERVISOR);
  step('reopen', { appeal: true, reason: '顾客申诉' }, SUPERVISOR);
}

export interface WalkStep {
  /** Index into WALKERS. */
  readonly actor: number;
  /** Which of the offered actions to take (modulo). */
  readonly pick: number;
  /** Input variant for `minimalInput`; variant 0 also lets rare steps (void, reject, side steps) be picked. */
  readonly variant: number;
  readonly hours: number;
}

export const WALKERS: readonly Actor[] = [STAFF, OTHER_STAFF, SUPERVISOR];
const RARE_STEPS = new Set<ActionName>(['void', 'reject', 'printRecord', 'attachEvidence', 'addNote', 'handOver', 'assign', 'escalate']);

/**
 * Walk the workflow: at each step one of the actions `allowedActions` offers the walker is taken with a
 * valid input. `beforeStep` sees the desk before each step (for checks). Throws if an offered action refuses.
 */
export function walk(desk: Desk, steps: readonly WalkStep[], beforeStep: (desk: Desk) => void = () => {}): void {
  if (desk.state === undefined) desk.run('register', minimalInput('register', undefined, desk.now, steps[0]?.variant ?? 0));
  for (const { actor, pick, variant, hours } of steps) {
    beforeStep(desk);
    const who = WALKERS[actor % WALKERS.length] ?? STAFF;
    const choices = allowedActions(desk.state, who, desk.policy, { now: addHours(desk.now, hours), calendar: desk.calendar }).filter((a) => variant === 0 || !RARE_STEPS.has(a));
    const action = choices[pick % choices.length];
    if (action === undefined) continue;
    desk.now = addHours(desk.now, hours);
    const result = desk.run(action, minimalInput(action, desk.state, desk.now, variant), who);
    if (!result.ok) throw new Error(`offered ${action} refused: ${result.error.code} ${result.error.message}`);
  }
  beforeStep(desk);
}

export type Step = readonly [action: ActionName, input?: unknown, actor?: Actor];

/** A desk after these steps (input defaults to `minimalInput`, actor to STAFF); throws if a step is refused. */
export function deskAfter(steps: readonly Step[], options: { policy?: Policy; calendar?: WorkingCalendar; now?: string } = {}): Desk {
  const desk = createDesk(options);
  for (const [action, input, actor] of steps) {
    const result = desk.run(action, input ?? minimalInput(action, desk.state, desk.now), actor ?? STAFF);
    if (!result.ok) throw new Error(`${action} refused: ${result.error.code} ${result.error.message}`);
  }
  return desk;
}

/** Try a step expected to be refused: the refusal, and whether the complaint was left exactly as it was. */
export function refusalOf(desk: Desk, action: ActionName, input: unknown, actor: Actor = STAFF) {
  const [before, count] = [desk.state, desk.events.length];
  const result = desk.run(action, input, actor);
  const unchanged = desk.state === before && desk.events.length === count;
  return result.ok ? { accepted: result.value.map((e) => e.type), unchanged } : { ...result.error, unchanged };
}

/** The types of the events the step appended. */
export function typesOf(result: Result<DomainEvent[]>): string[] {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value.map((e) => e.type);
}

/** Five working days, or more (up to the policy's limit) when the deadline passed so long ago that five end before `now`. */
function workingDaysToReachFuture(state: ComplaintState | undefined, now: string): number {
  const max = DEFAULT_POLICY.extension.maxWorkingDays;
  if (!state) return 5;
  const at = { now, policy: DEFAULT_POLICY, calendar: CN_2026_CALENDAR };
  for (let days = 5; days < max; days++) if (Date.parse(extendedDeadline(state, days, at)) > Date.parse(now)) return days;
  return max;
}
