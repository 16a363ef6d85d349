import { describe, expect, it } from 'vitest';
import { addHours, deskAfter, minimalInput, OTHER_STAFF, refusalOf, STAFF, SUPERVISOR, typesOf, type Step } from '../testing';

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
  it('closes a followed-up complaint', () => {
    const desk = deskAfter([...resolved, ['followUp', visit(5)]]);
    desk.run('close', {});
    expect(desk.state).toMatchObject({ status: 'closed', terminal: true, closedAt: desk.now });
    expect(desk.events.at(-1)).toMatchObject({ payload: { closedBy: STAFF.id } });
    expect(refusalOf(desk, 'addNote', { text: '补充' }, SUPERVISOR)).toMatchObject({ code: 'complaint_closed', params: { status: 'closed' }, unchanged: true });
  });

  it('needs a supervisor for a grade-1 complaint', () => {
    const desk = deskAfter([['register'], ['acknowledge'], ['assess', { validity: 'liable', severity: 'high', urgency: 'high', spread: 'many' }, SUPERVISOR], ['resolve'], ['followUp', visit(5)]]);
    expect(refusalOf(desk, 'close', {})).toMatchObject({ code: 'supervisor_required', unchanged: true });
    expect(typesOf(desk.run('close', {}, SUPERVISOR))).toEqual(['Closed']);
  });

  it('needs a follow-up visit, or attempts to reach the customer on two different days', () => {
    const desk = deskAfter(resolved);
    expect(refusalOf(desk, 'close', {})).toMatchObject({ code: 'follow_up_required', params: { days: 2 }, unchanged: true });
    desk.run('followUp', visit());
    desk.now = addHours(desk.now, 3); // same day in Shanghai
    desk.run('followUp', visit());
    expect(refusalOf(desk, 'close', {})).toMatchObject({ code: 'follow_up_required', unchanged: true });
    desk.now = addHours(desk.now, 24);
    desk.run('followUp', visit());
    desk.run('close', {});
    expect(desk.events.at(-1)).toMatchObject({ type: 'Closed', payload: { unreachable: true } });
  });

  it('closes a not-liable complaint once the explanation was given', () => {
    const desk = deskAfter([['register'], ['acknowledge'], ['assess', { validity: 'not_liable', severity: 'low', urgency: 'low', spread: 'individual' }, SUPERVISOR], ['resolve']]);
    desk.run('close', {});
    expect(desk.events.at(-1)).toMatchObject({ type: 'Closed', payload: { closedBy: STAFF.id } });
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
    const desk = deskAfter([...resolved, ['followUp', visit(5)], ['close']]);
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
    const desk = deskAfter([...resolved, ['followUp', visit(5)], ['openCorrectiveAction', action], ['close']]);
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
