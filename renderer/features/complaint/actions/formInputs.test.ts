import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../../shared/calendar/defaults';
import { computeClocks } from '../../../../shared/deadlines/clocks';
import { createDesk, minimalInput, OTHER_STAFF, SUPERVISOR, type Desk } from '../../../../shared/domain/testing';
import {
  answerInput,
  assessInput,
  assignInput,
  escalateInput,
  extendedDeadline,
  extendInput,
  followUpInput,
  investigationInput,
  noInput,
  noteInput,
  proposalInput,
  resolveInput,
  splitList,
} from './formInputs';
import { COMMAND_INPUTS } from '../../../../shared/domain/commands';
import type { ToolbarAction } from './toolbarModel';

const ZONE = 'Asia/Shanghai';

/** Runs a step with what the form produced, first through the form's own validation (the command's schema). */
function submit(desk: Desk, action: ToolbarAction, input: unknown) {
  expect(COMMAND_INPUTS[action].safeParse(input).success).toBe(true);
  const result = desk.run(action, input, SUPERVISOR);
  if (!result.ok) throw new Error(`${action} refused: ${result.error.code}`);
}

describe('action forms produce what the commands accept', () => {
  it('walks a liable grade-2 complaint from assessment to a dissatisfied follow-up', () => {
    const desk = createDesk();
    desk.run('register', minimalInput('register', undefined, desk.now), SUPERVISOR);
    submit(desk, 'assess', assessInput({ validity: 'liable', severity: 'medium', urgency: 'high', spread: 'individual', flags: [], grade: '', overrideReason: '' }));
    expect(desk.state?.grade).toBe(2);
    submit(desk, 'acknowledge', noInput());
    submit(desk, 'assign', assignInput({ to: OTHER_STAFF.id, department: '  ', reason: '售后部门处理' }));
    submit(desk, 'escalate', escalateInput({ toTier: '', route: '', reason: '客户要求主管处理' }));
    expect(desk.state?.tier).toBe('T2');
    submit(desk, 'addNote', noteInput({ text: '已致电客户', contactedCustomer: true }));
    submit(desk, 'recordInvestigation', investigationInput({ findings: '冷链超温', rootCause: '', responsibleDepartment: '生鲜部', responsiblePerson: '', interviewed: '张三、李四', cannotResolveAlone: false }));
    expect(desk.state?.investigation?.interviewed).toEqual(['张三', '李四']);
    submit(desk, 'proposeResolution', proposalInput({ offers: ['refund'], amount: '59.90', text: '全额退款' }));
    submit(desk, 'recordCustomerResponse', answerInput({ accepted: 'yes', comment: '' }));
    // The wall time typed in the branch's zone is the instant recorded.
    submit(desk, 'resolve', resolveInput({ communicatedBy: 'phone', communicatedAt: '2026-11-23T09:00', summary: '已退款' }, ZONE));
    const resolved = desk.events.find((event) => event.type === 'Resolved');
    expect(resolved?.type === 'Resolved' && resolved.payload.communicatedAt).toBe('2026-11-23T01:00:00.000Z');
    submit(desk, 'followUp', followUpInput({ method: 'phone', reached: true, satisfaction: '2', comments: '' }));
    expect(desk.state?.status).toBe('reopened');
  });

  it('leaves out what the person left blank, and refuses what is required but empty', () => {
    expect(assessInput({ validity: '', severity: 'low', urgency: 'low', spread: 'individual', flags: [], grade: '', overrideReason: ' ' })).toMatchObject({
      validity: undefined,
      grade: undefined,
      overrideReason: undefined,
    });
    expect(COMMAND_INPUTS.resolve.safeParse(resolveInput({ communicatedBy: '', communicatedAt: '2026-02-30T10:00', summary: '' }, ZONE)).success).toBe(false);
    expect(COMMAND_INPUTS.recordCustomerResponse.safeParse(answerInput({ accepted: '', comment: '' })).success).toBe(false);
    expect(COMMAND_INPUTS.proposeResolution.safeParse(proposalInput({ offers: ['refund'], amount: 'abc', text: '退款' })).success).toBe(false);
    // Money is kept to the cent: a third decimal is refused, not rounded away silently.
    expect(COMMAND_INPUTS.proposeResolution.safeParse(proposalInput({ offers: ['refund'], amount: '59.999', text: '退款' })).success).toBe(false);
    expect(proposalInput({ offers: ['refund'], amount: '59.9', text: '退款' }).amount).toBe(59.9);
  });

  it('does not record a satisfaction for a customer who was not reached', () => {
    expect(followUpInput({ method: 'phone', reached: false, satisfaction: '4', comments: '' }).satisfaction).toBeUndefined();
  });

  it('splits the people interviewed on commas, 、 and new lines', () => {
    expect(splitList('张三, 李四、王五\n赵六，')).toEqual(['张三', '李四', '王五', '赵六']);
  });
});

describe('extension', () => {
  it('moves the resolution deadline by working days on the calendar, skipping the weekend', () => {
    // Friday 2026-11-27 17:00 in Shanghai + 1 working day → Monday 2026-11-30 17:00.
    expect(extendedDeadline(CN_2026_CALENDAR, '2026-11-27T09:00:00.000Z', '1')).toBe('2026-11-30T09:00:00.000Z');
    expect(extendedDeadline(CN_2026_CALENDAR, '2026-11-27T09:00:00.000Z', '1.5')).toBeUndefined();
    expect(extendedDeadline(CN_2026_CALENDAR, '2026-11-27T09:00:00.000Z', '')).toBeUndefined();
  });

  it('is accepted by the command within the policy maximum and refused beyond it, changing nothing', () => {
    const desk = createDesk();
    desk.run('register', minimalInput('register', undefined, desk.now), SUPERVISOR);
    desk.run('acknowledge', {}, SUPERVISOR);
    const current = computeClocks(desk.state!, desk.policy, CN_2026_CALENDAR, desk.now).resolution.deadline;
    const tooLong = desk.run('extend', extendInput({ workingDays: String(desk.policy.extension.maxWorkingDays + 1), reason: '检测', customerInformedBy: 'phone' }), SUPERVISOR);
    expect(tooLong.ok ? undefined : tooLong.error.code).toBe('extension_too_long');
    expect(desk.state?.extensionCount).toBe(0);
    submit(desk, 'extend', extendInput({ workingDays: '5', reason: '需供应商检测', customerInformedBy: 'phone' }));
    expect(desk.state?.extension?.newDeadline).toBe(extendedDeadline(CN_2026_CALENDAR, current, '5'));
  });
});
