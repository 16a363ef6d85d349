import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK } from '../../calendar';
import { addWorkingDays } from '../../calendar/arithmetic';
import { CN_2026_CALENDAR } from '../../calendar/defaults';
import { computeClocks } from '../../deadlines/clocks';
import { dueEscalations } from '../../escalation/rules';
import { addHours, deskAfter, minimalInput, OTHER_STAFF, refusalOf, STAFF, SUPERVISOR, typesOf, type Step } from '../testing';

const acknowledged: Step[] = [['register'], ['acknowledge']];
const proposed: Step[] = [...acknowledged, ['proposeResolution']];
const resolution = (at: string) => ({ communicatedBy: 'phone', communicatedAt: at, summary: '已退款' });

describe('working a complaint', () => {
  it('starts only after acknowledgement', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'recordInvestigation', { findings: '查明原因' })).toMatchObject({ code: 'not_acknowledged', unchanged: true });
    expect(refusalOf(desk, 'resolve', resolution(desk.now))).toMatchObject({ code: 'not_acknowledged', unchanged: true });
  });

  it('is for the person who holds it (staff) or a supervisor', () => {
    const desk = deskAfter(acknowledged);
    expect(refusalOf(desk, 'resolve', resolution(desk.now), OTHER_STAFF)).toMatchObject({ code: 'not_assignee', message: expect.stringContaining(STAFF.id), unchanged: true });
    expect(typesOf(desk.run('resolve', resolution(desk.now), SUPERVISOR))).toEqual(['Resolved']);
  });

  it('records investigation findings and moves to investigating', () => {
    const desk = deskAfter(acknowledged);
    desk.run('recordInvestigation', { findings: '临期商品未下架', responsiblePerson: '小陈' });
    expect(desk.state).toMatchObject({ status: 'investigating', investigation: { findings: '临期商品未下架', responsiblePerson: '小陈', interviewed: [] } });
  });

  it('sends a grade 1–2 complaint the department cannot resolve alone one tier up at once, once', () => {
    const urgent: Step[] = [...acknowledged, ['assess', { validity: 'liable', severity: 'medium', urgency: 'high', spread: 'individual' }, SUPERVISOR]];
    const desk = deskAfter(urgent);
    expect(desk.state?.grade).toBe(2);
    const finding = { findings: '需厂家检测，门店无法单独处理', cannotResolveAlone: true };
    expect(typesOf(desk.run('recordInvestigation', finding))).toEqual(['InvestigationRecorded', 'Escalated']);
    expect(desk.events.at(-1)).toMatchObject({ payload: { automatic: true, trigger: 'department_cannot_resolve', fromTier: 'T1', toTier: 'T2' } });
    expect(desk.state).toMatchObject({ tier: 'T2', tierSince: desk.now, investigation: { cannotResolveAlone: true, atTier: 'T1' } });
    // The escalation timer finds nothing more to do about it.
    expect(dueEscalations(desk.state!, desk.policy, AROUND_THE_CLOCK, desk.now)).toEqual([]);
    // Found again at T2: the complaint team cannot resolve it alone either.
    expect(typesOf(desk.run('recordInvestigation', finding))).toEqual(['InvestigationRecorded', 'Escalated']);
    expect(desk.state?.tier).toBe('T3');
  });

  it('keeps a grade 3–4 complaint, or one the department can resolve, at its tier', () => {
    const desk = deskAfter(acknowledged);
    expect(desk.state?.grade).toBe(4);
    expect(typesOf(desk.run('recordInvestigation', { findings: '需厂家检测', cannotResolveAlone: true }))).toEqual(['InvestigationRecorded']);
    const urgent = deskAfter([...acknowledged, ['assess', { validity: 'liable', severity: 'high', urgency: 'high', spread: 'several' }, SUPERVISOR]]);
    expect(typesOf(urgent.run('recordInvestigation', { findings: '门店可自行处理' }))).toEqual(['InvestigationRecorded']);
    expect(urgent.state).toMatchObject({ grade: 1, tier: 'T1', investigation: { cannotResolveAlone: false } });
    expect(refusalOf(urgent, 'recordInvestigation', { findings: '查明', cannotResolveAlone: 'yes' })).toMatchObject({ code: 'invalid_input', path: 'cannotResolveAlone', unchanged: true });
  });

  it('counts a note to the customer as the first reply, an internal note not', () => {
    const desk = deskAfter(acknowledged);
    desk.run('addNote', { text: '内部备注' });
    expect(desk.state?.firstRepliedAt).toBeUndefined();
    desk.run('addNote', { text: '已回电顾客', contactedCustomer: true });
    expect(desk.state?.firstRepliedAt).toBe(desk.now);
  });
});

describe('proposal and the customer’s answer', () => {
  it('waits for the customer’s answer before resolving', () => {
    const desk = deskAfter(proposed);
    expect(refusalOf(desk, 'resolve', resolution(desk.now))).toMatchObject({ code: 'customer_response_pending', unchanged: true });
    desk.run('recordCustomerResponse', { accepted: true });
    expect(typesOf(desk.run('resolve', resolution(desk.now)))).toEqual(['Resolved']);
    expect(desk.state).toMatchObject({ status: 'resolved', resolvedAt: desk.now, resolution: { communicatedBy: 'phone' } });
  });

  it('escalates one tier at once when the customer rejects the proposal', () => {
    const desk = deskAfter(proposed);
    expect(typesOf(desk.run('recordCustomerResponse', { accepted: false, comment: '赔偿太少' }))).toEqual(['CustomerResponded', 'Escalated']);
    expect(desk.state).toMatchObject({ status: 'investigating', tier: 'T2', customerRejectedAt: desk.now, proposal: { accepted: false } });
    expect(desk.events.at(-1)).toMatchObject({ payload: { automatic: true, trigger: 'customer_rejected', fromTier: 'T1', toTier: 'T2' } });
    expect(refusalOf(desk, 'recordCustomerResponse', { accepted: true })).toMatchObject({ code: 'no_pending_proposal', unchanged: true });
  });

  it('has nowhere to escalate a rejection at final review', () => {
    const desk = deskAfter([...acknowledged, ['escalate', { toTier: 'T4', reason: '终审' }], ['proposeResolution']]);
    expect(typesOf(desk.run('recordCustomerResponse', { accepted: false }))).toEqual(['CustomerResponded']);
  });

  it('refuses a result communicated in the future or before the complaint was received', () => {
    const desk = deskAfter(acknowledged);
    expect(refusalOf(desk, 'resolve', resolution(addHours(desk.now, 1)))).toMatchObject({ code: 'communicated_in_future', path: 'communicatedAt', unchanged: true });
    expect(refusalOf(desk, 'resolve', resolution(addHours(desk.now, -1)))).toMatchObject({ code: 'communicated_before_received', unchanged: true });
    expect(refusalOf(desk, 'resolve', { ...resolution(desk.now), communicatedBy: 'fax' })).toMatchObject({ code: 'invalid_input', path: 'communicatedBy', unchanged: true });
  });
});

describe('waiting on the customer', () => {
  it('pauses the clock until the customer answers', () => {
    const desk = deskAfter(acknowledged);
    desk.run('pause', { reason: '等待小票' });
    expect(refusalOf(desk, 'resolve', resolution(desk.now))).toMatchObject({ code: 'awaiting_customer', unchanged: true });
    expect(refusalOf(desk, 'pause', { reason: '再等' })).toMatchObject({ code: 'awaiting_customer', unchanged: true });
    const pausedAt = desk.now;
    desk.now = addHours(desk.now, 5);
    desk.run('resume', {});
    expect(desk.state).toMatchObject({ status: 'acknowledged', pauses: [{ from: pausedAt, to: desk.now }] });
    expect(refusalOf(desk, 'resume', {})).toMatchObject({ code: 'not_paused', unchanged: true });
  });
});

describe('extend', () => {
  const extension = (_now: string, workingDays = 5) => ({ reason: '需供应商检测', workingDays, customerInformedBy: 'phone' });

  it('is approved by a supervisor, once, and the customer must be told', () => {
    const desk = deskAfter(acknowledged);
    expect(refusalOf(desk, 'extend', extension(desk.now), STAFF)).toMatchObject({ code: 'supervisor_required', unchanged: true });
    const { customerInformedBy: _, ...untold } = extension(desk.now);
    expect(refusalOf(desk, 'extend', untold, SUPERVISOR)).toMatchObject({ code: 'invalid_input', path: 'customerInformedBy', unchanged: true });
    desk.run('extend', extension(desk.now), SUPERVISOR);
    expect(desk.state).toMatchObject({ extensionCount: 1, extension: { approvedBy: SUPERVISOR.id, reason: '需供应商检测', at: desk.now } });
    expect(refusalOf(desk, 'extend', extension(desk.now), SUPERVISOR)).toMatchObject({ code: 'extension_limit', params: { max: 1 }, unchanged: true });
  });

  it('adds at most the policy’s working days, to a deadline still ahead', () => {
    const desk = deskAfter(acknowledged);
    expect(refusalOf(desk, 'extend', extension(desk.now, 11), SUPERVISOR)).toMatchObject({ code: 'extension_too_long', path: 'workingDays', params: { max: 10 }, unchanged: true });
    // Overdue by two days: one more working day after the missed deadline still lies in the past.
    desk.now = addHours(desk.now, 24 * 9);
    expect(refusalOf(desk, 'extend', extension(desk.now, 1), SUPERVISOR)).toMatchObject({ code: 'deadline_in_past', path: 'workingDays', unchanged: true });
    // Long overdue: even the ten working days the policy allows end in the past, so extending is not offered at all.
    desk.now = addHours(desk.now, 24 * 31);
    expect(refusalOf(desk, 'extend', extension(desk.now, 10), SUPERVISOR)).toMatchObject({ code: 'extension_too_late', params: { max: 10 }, unchanged: true });
  });

  it('computes the new deadline from the working days on the branch calendar; a deadline from the caller is refused', () => {
    const desk = deskAfter(acknowledged); // grade 4, received Monday 2026-11-23 09:00: resolve within 7 days → Monday 11-30 09:00
    // Caller-supplied deadlines used to be trusted: 5 working days "ending" in June 2027 was accepted.
    expect(refusalOf(desk, 'extend', { ...extension(desk.now, 5), newDeadline: '2027-06-30T10:00:00.000Z' }, SUPERVISOR)).toMatchObject({
      code: 'invalid_input',
      unchanged: true,
    });
    desk.run('extend', extension(desk.now, 5), SUPERVISOR);
    // Five working days after Monday 09:00 on cn-2026: Friday 12-04 18:00 Shanghai.
    expect(desk.state?.extension?.newDeadline).toBe('2026-12-04T10:00:00.000Z');
    expect(desk.events.at(-1)).toMatchObject({ type: 'Extended', payload: { workingDays: 5, newDeadline: '2026-12-04T10:00:00.000Z' } });
  });

  it('counts the working days over public holidays and 调休 days', () => {
    // Received Friday 2026-09-25 09:00 (中秋), grade 4: deadline Friday 10-02 09:00, inside National Day.
    const desk = deskAfter(acknowledged, { now: '2026-09-25T01:00:00.000Z' });
    desk.run('extend', extension(desk.now, 2), SUPERVISOR);
    // From a holiday, counting starts at the next opening: 10-08 (Thu) and 10-09 (Fri) → 10-09 18:00.
    expect(desk.state?.extension?.newDeadline).toBe('2026-10-09T10:00:00.000Z');
  });

  it('property: whatever is typed, an accepted extension ends exactly `workingDays` (≤ limit) working days after the deadline in force', () => {
    const hostile = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double(),
      fc.string(),
      fc.constantFrom(null, undefined, Number.NaN, Infinity, 1e308, '5', [5], { valueOf: () => 5 }),
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 24 * 20 }), (workingDays, hoursLater) => {
        const desk = deskAfter(acknowledged);
        desk.now = addHours(desk.now, hoursLater);
        const before = computeClocks(desk.state!, desk.policy, CN_2026_CALENDAR, desk.now).resolution.deadline;
        const result = desk.run('extend', { reason: '检测', workingDays, customerInformedBy: 'phone' }, SUPERVISOR);
        if (!result.ok) return desk.state?.extension === undefined;
        const days = desk.state?.extension ? (result.value[0]?.payload as { workingDays: number }).workingDays : -1;
        return (
          Number.isInteger(workingDays) &&
          days === workingDays &&
          days >= 1 &&
          days <= desk.policy.extension.maxWorkingDays &&
          desk.state?.extension?.newDeadline === addWorkingDays(CN_2026_CALENDAR, before, days) &&
          Date.parse(desk.state.extension.newDeadline) > Date.parse(desk.now)
        );
      }),
      { numRuns: 200 },
    );
  });

  it('follows the policy’s limits', () => {
    const policy = { ...deskAfter([]).policy, extension: { maxCount: 2, maxWorkingDays: 3 } };
    const desk = deskAfter(acknowledged, { policy });
    expect(refusalOf(desk, 'extend', extension(desk.now, 4), SUPERVISOR)).toMatchObject({ code: 'extension_too_long', params: { max: 3 } });
    desk.run('extend', extension(desk.now, 3), SUPERVISOR);
    expect(typesOf(desk.run('extend', extension(desk.now, 3), SUPERVISOR))).toEqual(['Extended']);
  });

  it('is pointless once resolved', () => {
    const desk = deskAfter([...acknowledged, ['resolve']]);
    expect(refusalOf(desk, 'extend', minimalInput('extend', desk.state, desk.now), SUPERVISOR)).toMatchObject({ code: 'already_resolved', unchanged: true });
  });
});
