import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../calendar/arithmetic';
import { CN_2026_CALENDAR } from '../../calendar/defaults';
import { UserIdSchema } from '../../brand';
import { DEFAULT_POLICY, type Policy } from '../../policy/policy';
import type { Role } from '../vocabulary';
import { addHours, deskAfter, minimalInput, OTHER_STAFF, refusalOf, STAFF, SUPERVISOR, typesOf, type Step } from '../testing';
import { allowedActions, whyNot } from './index';
import { unreachableClosableAt } from './aftercare';

const resolved: Step[] = [['register'], ['acknowledge'], ['assess', undefined, SUPERVISOR], ['resolve']];
const visit = (satisfaction?: number) => (satisfaction === undefined ? { method: 'phone', reached: false } : { method: 'phone', reached: true, satisfaction });

describe('followUp', () => {
  it('comes after the resolution', () => {
    const desk = deskAfter([['register'], ['acknowledge']]);
    expect(refusalOf(desk, 'followUp', visit(5))).toMatchObject({ code: 'not_resolved_yet', unchanged: true });
  });

  it('records satisfaction when the customer was reached, and only then', () => {
    const desk = deskAfter(resolved);
    expect(refusalOf(desk, 'followUp', { method: 'phone', reached: true })).toMatchObject({ code: 'satisfaction_required', path: 'satisfaction', unchanged: true });
    expect(refusalOf(desk, 'followUp', { method: 'phone', reached: false, satisfaction: 4 })).toMatchObject({ code: 'satisfaction_without_contact', unchanged: true });
    expect(refusalOf(desk, 'followUp', visit(6))).toMatchObject({ code: 'invalid_input', path: 'satisfaction', unchanged: true });
    desk.run('followUp', visit(4));
    expect(desk.state).toMatchObject({ status: 'followed_up', followUps: [{ reached: true, satisfaction: 4 }] });
  });

  it('reopens and escalates when the customer is dissatisfied, until they are satisfied', () => {
    const desk = deskAfter(resolved);
    expect(typesOf(desk.run('followUp', visit(2)))).toEqual(['FollowedUp', 'Reopened', 'Escalated']);
    expect(desk.state).toMatchObject({ status: 'reopened', tier: 'T2', resolvedAt: undefined, resolutionStartedAt: desk.now, reopenCount: 1 });
    expect(desk.events.at(-1)).toMatchObject({ payload: { automatic: true, trigger: 'dissatisfied' } });
  });
});

describe('close', () => {
  const ADMIN = { id: UserIdSchema.parse('u-admin'), role: 'admin' as Role };
  const FACTS_OF_GRADE = {
    1: { validity: 'liable', severity: 'high', urgency: 'high', spread: 'many' },
    2: { validity: 'liable', severity: 'low', urgency: 'high', spread: 'individual' },
    3: { validity: 'liable', severity: 'medium', urgency: 'medium', spread: 'individual' },
    4: { validity: 'liable', severity: 'low', urgency: 'low', spread: 'individual' },
  } as const;
  const followedUp = (grade: 1 | 2 | 3 | 4, policy: Policy = DEFAULT_POLICY) =>
    deskAfter([['register'], ['acknowledge'], ['assess', FACTS_OF_GRADE[grade], SUPERVISOR], ['resolve'], ['followUp', visit(5)]], { policy });

  it('closes a followed-up complaint', () => {
    const desk = deskAfter([...resolved, ['followUp', visit(5)]]);
    desk.run('close', {}, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'closed', terminal: true, closedAt: desk.now });
    expect(desk.events.at(-1)).toMatchObject({ payload: { closedBy: SUPERVISOR.id } });
    expect(refusalOf(desk, 'addNote', { text: '补充' }, SUPERVISOR)).toMatchObject({ code: 'complaint_closed', unchanged: true });
  });

  // SPEC §8: closure is a supervisor's step. The default policy says so for every grade; staff used to close 2–4.
  it.each([
    [1, 'staff', 'supervisor_required'],
    [2, 'staff', 'supervisor_required'],
    [3, 'staff', 'supervisor_required'],
    [4, 'staff', 'supervisor_required'],
    [1, 'supervisor', undefined],
    [3, 'supervisor', undefined],
    [2, 'admin', undefined],
    [4, 'admin', undefined],
  ] as const)('grade %i, %s: %s under the default policy', (grade, role, code) => {
    const desk = followedUp(grade);
    expect(desk.state?.grade).toBe(grade);
    const actor = role === 'staff' ? STAFF : role === 'supervisor' ? SUPERVISOR : ADMIN;
    expect(allowedActions(desk.state, actor, desk.policy).includes('close')).toBe(code === undefined);
    expect(whyNot('close', desk.state, actor, desk.policy)?.code).toBe(code);
    if (code === undefined) expect(typesOf(desk.run('close', {}, actor))).toEqual(['Closed']);
    else expect(refusalOf(desk, 'close', {}, actor)).toMatchObject({ code, unchanged: true });
  });

  it('lets the policy decide who closes which grade', () => {
    const roles = { '1': ['admin'], '2': ['supervisor', 'admin'], '3': ['supervisor', 'admin'], '4': ['staff', 'supervisor', 'admin'] } as const;
    const policy: Policy = { ...DEFAULT_POLICY, closing: { roles: { '1': [...roles['1']], '2': [...roles['2']], '3': [...roles['3']], '4': [...roles['4']] } } };
    const minor = followedUp(4, policy);
    expect(allowedActions(minor.state, STAFF, policy)).toContain('close');
    expect(allowedActions(minor.state, OTHER_STAFF, policy)).not.toContain('close'); // still only the holder among staff
    expect(typesOf(minor.run('close', {}, STAFF))).toEqual(['Closed']);
    const urgent = followedUp(1, policy);
    expect(whyNot('close', urgent.state, SUPERVISOR, policy)).toEqual(expect.objectContaining({ code: 'close_role_not_allowed', params: { grade: 1 } }));
    expect(refusalOf(urgent, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'close_role_not_allowed', unchanged: true });
    expect(typesOf(urgent.run('close', {}, ADMIN))).toEqual(['Closed']);
  });

  it('needs a follow-up visit, or a failed attempt the policy’s working days ago', () => {
    const desk = deskAfter(resolved);
    expect(refusalOf(desk, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'follow_up_required', params: { days: 2 }, unchanged: true });
    desk.run('followUp', visit());
    expect(refusalOf(desk, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'unreachable_too_soon', params: { days: 2 }, unchanged: true });
    desk.now = addWorkingDays(CN_2026_CALENDAR, desk.events.at(-1)!.at, 2);
    desk.run('close', {}, SUPERVISOR);
    expect(desk.events.at(-1)).toMatchObject({ type: 'Closed', payload: { unreachable: true } });
  });

  it('counts from the FIRST failed attempt: calls at 23:59 and 00:01 do not make two days', () => {
    const desk = deskAfter(resolved); // resolved Monday 2026-11-23 09:00 Shanghai
    desk.now = '2026-11-23T15:59:00.000Z'; // Monday 23:59
    desk.run('followUp', visit());
    desk.now = '2026-11-23T16:01:00.000Z'; // Tuesday 00:01
    desk.run('followUp', visit());
    desk.now = '2026-11-23T16:02:00.000Z';
    // Two working days from Monday night: Tuesday and Wednesday, so from Wednesday 18:00.
    expect(refusalOf(desk, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'unreachable_too_soon', message: expect.stringContaining('(from 2026-11-25T10:00:00.000Z)'), unchanged: true });
    const moment = (now: string) => ({ now, calendar: CN_2026_CALENDAR });
    expect(allowedActions(desk.state, SUPERVISOR, desk.policy, moment(desk.now))).not.toContain('close');
    desk.now = '2026-11-25T09:59:59.999Z';
    expect(refusalOf(desk, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'unreachable_too_soon', unchanged: true });
    desk.now = '2026-11-25T10:00:00.000Z';
    expect(allowedActions(desk.state, SUPERVISOR, desk.policy, moment(desk.now))).toContain('close');
    expect(typesOf(desk.run('close', {}, SUPERVISOR))).toEqual(['Closed']);
  });

  it.each([
    ['a Monday morning call', '2026-11-23T02:00:00.000Z', '2026-11-25T02:00:00.000Z'],
    ['a Friday afternoon call (the weekend does not count)', '2026-11-27T08:00:00.000Z', '2026-12-01T08:00:00.000Z'],
    ['a call on the eve of National Day (holidays skipped, the 调休 Saturday counts)', '2026-09-30T02:00:00.000Z', '2026-10-09T02:00:00.000Z'],
    ['a call on a Sunday', '2026-11-29T03:00:00.000Z', '2026-12-01T10:00:00.000Z'],
  ])('%s: closable from the working days after it', (_label, call, closableAt) => {
    const desk = deskAfter(resolved, { now: addHours(call, -1) });
    desk.now = call;
    desk.run('followUp', visit());
    expect(unreachableClosableAt(desk.state!, desk.policy, CN_2026_CALENDAR)).toBe(closableAt);
  });

  it('ignores failed attempts before a reopening', () => {
    const desk = deskAfter(resolved);
    desk.run('followUp', visit());
    desk.now = addHours(desk.now, 1);
    desk.run('reopen', { appeal: false, reason: '再查' }, SUPERVISOR);
    desk.run('resolve', minimalInput('resolve', desk.state, desk.now));
    desk.now = addHours(desk.now, 24 * 10);
    expect(refusalOf(desk, 'close', {}, SUPERVISOR)).toMatchObject({ code: 'follow_up_required', unchanged: true });
  });

  it('property: closable exactly from the working days after the earliest failed attempt, whatever the order and timing of calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 24 * 60 * 12 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 24 * 60 * 12 }),
        fc.integer({ min: 1, max: 5 }),
        (callMinutes, askMinutes, days) => {
          const policy: Policy = { ...DEFAULT_POLICY, followUp: { unreachableWorkingDays: days } };
          const desk = deskAfter(resolved, { policy });
          const start = Date.parse(desk.now);
          const atMinute = (m: number) => new Date(start + m * 60_000).toISOString();
          // Calls are recorded in time order (the store appends at its clock).
          for (const m of [...callMinutes].sort((a, b) => a - b)) {
            desk.now = atMinute(m);
            desk.run('followUp', visit());
          }
          const first = atMinute(Math.min(...callMinutes));
          const closableAt = Date.parse(addWorkingDays(CN_2026_CALENDAR, first, days));
          desk.now = atMinute(Math.max(askMinutes, ...callMinutes));
          const offered = allowedActions(desk.state, SUPERVISOR, policy, { now: desk.now, calendar: CN_2026_CALENDAR }).includes('close');
          const result = refusalOf(desk, 'close', {}, SUPERVISOR);
          const expected = Date.parse(desk.now) >= closableAt;
          return offered === expected && ('accepted' in result) === expected;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('closes a not-liable complaint once the explanation was given', () => {
    const desk = deskAfter([['register'], ['acknowledge'], ['assess', { validity: 'not_liable', severity: 'low', urgency: 'low', spread: 'individual' }, SUPERVISOR], ['resolve']]);
    desk.run('close', {}, SUPERVISOR);
    expect(desk.events.at(-1)).toMatchObject({ type: 'Closed', payload: { closedBy: SUPERVISOR.id } });
    expect(desk.events.at(-1)?.payload).not.toHaveProperty('unreachable');
  });
});

describe('reopen', () => {
  it('reopens a resolved complaint on appeal with a fresh resolution clock', () => {
    const desk = deskAfter(resolved);
    desk.now = addHours(desk.now, 48);
    desk.run('reopen', { appeal: true, reason: '顾客申诉' });
    expect(desk.state).toMatchObject({ status: 'appealed', resolutionStartedAt: desk.now, resolvedAt: undefined, resolution: undefined });
  });

  it('reopens a closed complaint only with a supervisor, and never a voided one', () => {
    const desk = deskAfter([...resolved, ['followUp', visit(5)], ['close', {}, SUPERVISOR]]);
    expect(refusalOf(desk, 'reopen', { appeal: true, reason: '申诉' })).toMatchObject({ code: 'supervisor_required', unchanged: true });
    desk.run('reopen', { appeal: true, reason: '申诉' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'appealed', terminal: false, closedAt: undefined });
    const voided = deskAfter([['register'], ['void', undefined, SUPERVISOR]]);
    expect(refusalOf(voided, 'reopen', { appeal: true, reason: '申诉' }, SUPERVISOR)).toMatchObject({ code: 'complaint_closed', unchanged: true });
  });

  it('is not possible before the complaint was resolved', () => {
    expect(refusalOf(deskAfter([['register']]), 'reopen', { appeal: false, reason: '再查' })).toMatchObject({ code: 'not_resolved_yet', unchanged: true });
  });
});

describe('corrective actions', () => {
  const action = { owner: '生鲜部', dueDate: '2099-12-31', description: '每日检查保质期' };

  it('follow from a liable complaint only', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'openCorrectiveAction', action)).toMatchObject({ code: 'corrective_action_needs_liable', unchanged: true });
  });

  it('are tracked to done, even after the complaint is closed', () => {
    const desk = deskAfter([...resolved, ['followUp', visit(5)], ['openCorrectiveAction', action], ['close', {}, SUPERVISOR]]);
    const id = desk.state!.correctiveActions[0]!.id;
    expect(refusalOf(desk, 'closeCorrectiveAction', { actionId: 'nope', outcome: '完成' })).toMatchObject({ code: 'unknown_corrective_action', path: 'actionId', unchanged: true });
    desk.run('closeCorrectiveAction', { actionId: id, outcome: '已建立巡检表' });
    expect(desk.state?.correctiveActions).toMatchObject([{ id, closedAt: desk.now, outcome: '已建立巡检表' }]);
    expect(refusalOf(desk, 'closeCorrectiveAction', { actionId: id, outcome: '再次' })).toMatchObject({ code: 'no_open_corrective_action', unchanged: true });
  });

  it('refuse closing one twice while another is open', () => {
    const desk = deskAfter([...resolved, ['openCorrectiveAction', action], ['openCorrectiveAction', action]]);
    const [first] = desk.state!.correctiveActions;
    desk.run('closeCorrectiveAction', { actionId: first!.id, outcome: '完成' });
    expect(refusalOf(desk, 'closeCorrectiveAction', { actionId: first!.id, outcome: '完成' })).toMatchObject({ code: 'corrective_action_closed', unchanged: true });
  });

  it('cannot be due in the past', () => {
    const desk = deskAfter(resolved);
    expect(refusalOf(desk, 'openCorrectiveAction', { ...action, dueDate: '2026-11-22' })).toMatchObject({ code: 'due_date_in_past', path: 'dueDate', unchanged: true });
    expect(typesOf(desk.run('openCorrectiveAction', { ...action, dueDate: '2026-11-23' }))).toEqual(['CorrectiveActionOpened']);
  });

  it('are for the complaint’s holder or a supervisor', () => {
    const desk = deskAfter(resolved);
    expect(refusalOf(desk, 'openCorrectiveAction', minimalInput('openCorrectiveAction', desk.state, desk.now), OTHER_STAFF)).toMatchObject({ code: 'not_assignee' });
  });
});
