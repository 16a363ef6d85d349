import { describe, expect, it } from 'vitest';
import { composedReason, readReason, type ComposedReason } from './reasons';
import { deskAfter, SUPERVISOR, type Step } from './testing';

const resolved: Step[] = [['register'], ['acknowledge'], ['assess', undefined, SUPERVISOR], ['resolve']];

describe('composed reasons', () => {
  it.each<ComposedReason>([
    { reason: 'dissatisfied', satisfaction: 2 },
    { reason: 'customer_rejected' },
    { reason: 'department_cannot_resolve' },
    { reason: 'tier_deadline', tier: 'T2', hours: 48 },
    { reason: 'major_flags', flags: ['media', 'collective'] },
  ])('read back what was written: %o', (reason) => {
    expect(readReason(composedReason(reason))).toEqual(reason);
  });

  it('are what a dissatisfied follow-up writes on the reopening and the escalation, not an English sentence', () => {
    const desk = deskAfter(resolved);
    desk.run('followUp', { method: 'phone', reached: true, satisfaction: 2 });
    const [reopened, escalated] = desk.events.slice(-2);
    for (const event of [reopened, escalated]) {
      expect(event && 'reason' in event.payload && readReason(event.payload.reason)).toEqual({ reason: 'dissatisfied', satisfaction: 2 });
    }
  });

  it('recognise the English sentences stored before reasons were codes', () => {
    expect(readReason('The customer is dissatisfied at follow-up (2/5)')).toEqual({ reason: 'dissatisfied', satisfaction: 2 });
    expect(readReason('The customer rejected the proposed resolution at T2')).toEqual({ reason: 'customer_rejected' });
    expect(readReason('Grade 1–2 complaint the handling department cannot resolve alone')).toEqual({ reason: 'department_cannot_resolve' });
    expect(readReason('Not resolved within the 24 h limit of T1')).toEqual({ reason: 'tier_deadline', hours: 24, tier: 'T1' });
    expect(readReason('Major complaint: media, legal')).toEqual({ reason: 'major_flags', flags: ['media', 'legal'] });
  });

  it('leave what a person typed alone, even when it looks like code', () => {
    for (const typed of ['赔偿金额超出一线权限', '{ 客户要求 }', '{"reason":"dissatisfied","satisfaction":9}', '{"reason":"unknown"}', 'Major complaint: it is serious']) {
      expect(readReason(typed), typed).toBeUndefined();
    }
  });
});
