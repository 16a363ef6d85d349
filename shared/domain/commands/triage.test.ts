import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK } from '../../calendar';
import { dueEscalations, runDueEscalations } from '../../escalation/rules';
import { stampEvents } from '../events';
import { applyEvent } from '../reducer';
import { addHours, deskAfter, minimalInput, MONDAY_9AM, OTHER_STAFF, refusalOf, STAFF, SUPERVISOR, TEST_BRANCH, typesOf } from '../testing';
import { COMMANDS } from '.';

const assessment = { validity: 'liable', severity: 'low', urgency: 'low', spread: 'individual' };

describe('acknowledge', () => {
  it('is done once, by the owner', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'acknowledge', {}, OTHER_STAFF)).toMatchObject({ code: 'not_assignee', unchanged: true });
    expect(typesOf(desk.run('acknowledge', {}))).toEqual(['Acknowledged']);
    expect(desk.state).toMatchObject({ status: 'acknowledged', acknowledgedAt: desk.now });
    expect(refusalOf(desk, 'acknowledge', {})).toMatchObject({ code: 'already_acknowledged', unchanged: true });
  });
});

describe('assess', () => {
  it('is a supervisor’s job', () => {
    expect(refusalOf(deskAfter([['register']]), 'assess', assessment, STAFF)).toMatchObject({ code: 'supervisor_required', unchanged: true });
  });

  it('grades by the matrix and records the policy version', () => {
    const desk = deskAfter([['register']]);
    desk.run('assess', { ...assessment, urgency: 'high', severity: 'high' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ grade: 1, validity: 'liable', severity: 'high', urgency: 'high', policyVersion: desk.policy.version });
  });

  it('sends media exposure to T4 and PR, a legal dispute also to legal, each on its own line', () => {
    const desk = deskAfter([['register']]);
    expect(typesOf(desk.run('assess', { ...assessment, flags: ['media', 'legal'] }, SUPERVISOR))).toEqual(['Assessed', 'Escalated', 'Escalated']);
    expect(desk.state).toMatchObject({ grade: 1, tier: 'T4', routes: ['pr', 'legal'], flags: ['media', 'legal'] });
    // Assessing again with the same flags does not escalate again.
    expect(typesOf(desk.run('assess', { ...assessment, flags: ['media', 'legal'] }, SUPERVISOR))).toEqual(['Assessed']);
  });

  it('lets a supervisor choose another grade only with a reason', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'assess', { ...assessment, grade: 2 }, SUPERVISOR)).toMatchObject({
      code: 'override_reason_required',
      path: 'overrideReason',
      message: expect.stringContaining('suggested grade is 4'),
      unchanged: true,
    });
    desk.run('assess', { ...assessment, grade: 2, overrideReason: '老年顾客，需尽快处理' }, SUPERVISOR);
    expect(desk.state?.grade).toBe(2);
    expect(desk.events.at(-1)).toMatchObject({ payload: { grade: 2, suggestedGrade: 4 } });
  });

  it('never grades a major complaint below 1, and keeps flags the registration implies', () => {
    const desk = deskAfter([['register'], ['acknowledge']]);
    expect(refusalOf(desk, 'assess', { ...assessment, flags: ['injury_or_major_loss'], grade: 2, overrideReason: 'x' }, SUPERVISOR)).toMatchObject({
      code: 'major_requires_grade_1',
      unchanged: true,
    });
    const collective = deskAfter([['register', minimalInput('register', undefined, MONDAY_9AM, 1)]]);
    collective.run('assess', assessment, SUPERVISOR);
    expect(collective.state).toMatchObject({ flags: ['collective'], grade: 1 });
  });

  it('keeps the unresolved-for-a-month flag the escalation timer raised through a re-assessment', () => {
    const desk = deskAfter([['register'], ['acknowledge'], ['assess', assessment, SUPERVISOR]]);
    desk.now = addHours(desk.now, 24 * 31);
    const raised = stampEvents(runDueEscalations(desk.state!, AROUND_THE_CLOCK, desk.context(SUPERVISOR)), { branch: TEST_BRANCH, firstSeq: 99 });
    const flagged = raised.reduce(applyEvent, desk.state!);
    expect(flagged).toMatchObject({ flags: ['unresolved_month'], grade: 1, tier: 'T4' });

    const reassessed = COMMANDS.assess(flagged, { ...assessment, flags: ['media'] }, desk.context(SUPERVISOR));
    if (!reassessed.ok) throw new Error(reassessed.error.message);
    const after = stampEvents(reassessed.value, { branch: TEST_BRANCH, firstSeq: 200 }).reduce(applyEvent, flagged);
    expect(after).toMatchObject({ flags: ['media', 'unresolved_month'], grade: 1 });
    expect(reassessed.value[0]).toMatchObject({ type: 'Assessed', payload: { flags: ['media', 'unresolved_month'] } });
    // Nothing for the timer to raise again (the media flag took the PR route with the assessment); grade 1 stays.
    expect(dueEscalations(after, desk.policy, AROUND_THE_CLOCK, desk.now)).toEqual([]);
    expect(COMMANDS.assess(flagged, { ...assessment, grade: 4, overrideReason: '已处理' }, desk.context(SUPERVISOR))).toMatchObject({
      ok: false,
      error: { code: 'major_requires_grade_1' },
    });
  });
});

describe('assign and hand over', () => {
  it('records who had it, who has it now and why', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'assign', { to: OTHER_STAFF.id, reason: '专人处理' }, STAFF)).toMatchObject({ code: 'supervisor_required' });
    desk.run('assign', { to: OTHER_STAFF.id, department: '售后部', reason: '专人处理' }, SUPERVISOR);
    expect(desk.events.at(-1)).toMatchObject({ payload: { kind: 'assignment', from: STAFF.id, to: OTHER_STAFF.id, reason: '专人处理' } });
    expect(desk.state).toMatchObject({ assignee: OTHER_STAFF.id, department: '售后部' });
  });

  it('lets only the holder hand over, and not to themselves', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'handOver', { to: OTHER_STAFF.id, reason: '交班' }, SUPERVISOR)).toMatchObject({ code: 'not_assignee', unchanged: true });
    expect(refusalOf(desk, 'handOver', { to: STAFF.id, reason: '交班' })).toMatchObject({ code: 'already_assigned', unchanged: true });
    expect(refusalOf(desk, 'handOver', { to: OTHER_STAFF.id })).toMatchObject({ code: 'invalid_input', path: 'reason', unchanged: true });
    desk.run('handOver', { to: OTHER_STAFF.id, reason: '交班' });
    expect(desk.events.at(-1)).toMatchObject({ payload: { kind: 'hand_over', from: STAFF.id, to: OTHER_STAFF.id } });
  });
});

describe('escalate', () => {
  it('goes one tier up by hand, with a reason', () => {
    const desk = deskAfter([['register']]);
    desk.run('escalate', { reason: '部门无法单独解决' });
    expect(desk.state).toMatchObject({ tier: 'T2', tierSince: desk.now });
    expect(desk.events.at(-1)).toMatchObject({ payload: { fromTier: 'T1', toTier: 'T2', automatic: false, trigger: 'manual' } });
  });

  it('can jump tiers or add a route, but never go down', () => {
    const desk = deskAfter([['register'], ['escalate', { toTier: 'T4', reason: '涉及人身伤害' }]]);
    expect(refusalOf(desk, 'escalate', { reason: '再升级' })).toMatchObject({ code: 'not_higher_tier', unchanged: true });
    expect(refusalOf(desk, 'escalate', { toTier: 'T2', route: 'legal', reason: '降级' })).toMatchObject({ code: 'not_higher_tier', unchanged: true });
    desk.run('escalate', { route: 'legal', reason: '顾客委托律师' });
    expect(desk.state).toMatchObject({ tier: 'T4', routes: ['legal'] });
    expect(refusalOf(desk, 'escalate', { route: 'legal', reason: '再次' })).toMatchObject({ code: 'already_routed', unchanged: true });
  });

  it('is not possible on a voided record', () => {
    const desk = deskAfter([['register'], ['void', undefined, SUPERVISOR]]);
    expect(refusalOf(desk, 'escalate', { reason: '升级' }, SUPERVISOR)).toMatchObject({ code: 'complaint_closed', message: expect.stringContaining('voided'), unchanged: true });
  });
});
