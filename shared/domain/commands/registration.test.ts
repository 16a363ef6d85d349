import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../policy/policy';
import { addHours, createDesk, minimalInput, MONDAY_9AM, refusalOf, STAFF, SUPERVISOR, typesOf } from '../testing';

const counter = (changes: Record<string, unknown> = {}) => ({ ...(minimalInput('register', undefined, MONDAY_9AM) as object), ...changes });

describe('register', () => {
  it('records the complaint with the person at the counter as its first owner, at grade 4 until assessed', () => {
    const desk = createDesk();
    expect(typesOf(desk.run('register', counter()))).toEqual(['Registered']);
    expect(desk.state).toMatchObject({ receivedBy: STAFF.id, assignee: STAFF.id, grade: 4, status: 'registered', policyVersion: DEFAULT_POLICY.version });
  });

  it('takes the counter’s first impression as a provisional grade', () => {
    const desk = createDesk();
    desk.run('register', counter({ impression: { severity: 'medium', urgency: 'high', spread: 'individual' } }));
    expect(desk.state?.grade).toBe(2);
  });

  it('keeps the counter’s severity, urgency and spread on the record, not only the grade they gave', () => {
    const desk = createDesk();
    desk.run('register', counter({ impression: { severity: 'high', urgency: 'medium', spread: 'several' } }));
    expect(desk.events[0]).toMatchObject({ payload: { impression: { severity: 'high', urgency: 'medium', spread: 'several' } } });
    expect(desk.state).toMatchObject({ grade: 3, severity: 'high', urgency: 'medium', spread: 'several', validity: undefined });
  });

  it('makes a collective complaint of five or more people major: grade 1 and straight to senior management', () => {
    const desk = createDesk();
    expect(typesOf(desk.run('register', counter({ collective: { count: 5 } })))).toEqual(['Registered', 'Escalated']);
    expect(desk.state).toMatchObject({ grade: 1, flags: ['collective'], tier: 'T4', collectiveCount: 5 });
    expect(desk.events[1]).toMatchObject({ payload: { automatic: true, trigger: 'major_flag', fromTier: 'T1', toTier: 'T4' } });
  });

  it('treats a smaller collective complaint as important but not major', () => {
    const desk = createDesk();
    desk.run('register', counter({ collective: { count: 3 } }));
    expect(desk.state).toMatchObject({ grade: 3, flags: [], tier: 'T1' });
  });

  it('flags a repeat complaint on the same matter', () => {
    const desk = createDesk();
    desk.run('register', counter({ repeatOf: 'SH01-20261101-0007' }));
    expect(desk.state).toMatchObject({ grade: 1, flags: ['repeat'], repeatOf: 'SH01-20261101-0007' });
  });

  it('accepts an anonymous complaint when the policy allows it', () => {
    const desk = createDesk();
    expect(typesOf(desk.run('register', counter({ anonymous: true, complainant: { phone: '13812345678' } })))).toEqual(['Registered']);
    expect(desk.state?.anonymous).toBe(true);
  });

  it.each([
    ['an anonymous complaint the policy forbids', { anonymous: true, complainant: {} }, 'anonymous_not_allowed'],
    ['an anonymous complaint with a name', { anonymous: true, complainant: { name: '王芳' } }, 'anonymous_with_identity'],
    ['a complaint from nobody', { complainant: {} }, 'complainant_required'],
    ['a category the policy does not have', { category: 'weather' }, 'unknown_category'],
    ['a sub-category of another category', { subCategory: 'service_attitude.rude' }, 'unknown_category'],
    ['a number on a day that does not exist', { number: 'SH01-20261131-0001' }, 'invalid_complaint_number'],
    ['a repeat of itself', { repeatOf: 'SH01-20261123-0001' }, 'repeat_of_itself'],
    ['a time received in the future', { receivedAt: addHours(MONDAY_9AM, 1) }, 'received_in_future'],
    ['an incident in the future', { incident: { at: addHours(MONDAY_9AM, 1) } }, 'incident_in_future'],
  ])('refuses %s', (_label, changes, code) => {
    const policy = { ...DEFAULT_POLICY, registration: { ...DEFAULT_POLICY.registration, anonymousAllowed: code !== 'anonymous_not_allowed' } };
    const desk = createDesk({ policy });
    expect(refusalOf(desk, 'register', counter(changes))).toMatchObject({ code, unchanged: true });
  });

  it.each([
    ['channel', { channel: 'fax' }],
    ['description', { description: '   ' }],
    ['requests', { requests: [] }],
    ['complainant.email', { complainant: { email: 'not-an-email' } }],
    ['complainant.phone', { complainant: { phone: '12812345678' } }],
    ['complainant.phone', { complainant: { phone: '12345678' } }],
    ['evidence.0.hash', { evidence: [{ hash: 'abc', name: 'a.jpg', mime: 'image/jpeg', size: 1 }] }],
    ['number', { number: 'SH01-2026-1' }],
    ['', { surprise: true }],
  ])('refuses bad input, naming the field %j', (path, changes) => {
    expect(refusalOf(createDesk(), 'register', counter(changes))).toMatchObject({ code: 'invalid_input', path, unchanged: true });
  });

  it.each([
    ['right-to-left override', '王\u202e芳', 'U+202E'],
    ['zero-width space', '王\u200b芳', 'U+200B'],
    ['bidi isolate', '王\u2067芳', 'U+2067'],
    ['control character', '王\u0007芳', 'U+0007'],
  ])('refuses a complainant name with a %s, naming the field and character', (_kind, name, char) => {
    expect(refusalOf(createDesk(), 'register', counter({ complainant: { name, phone: '13812345678' } }))).toMatchObject({
      code: 'name_control_char',
      path: 'complainant.name',
      message: expect.stringContaining(char),
      unchanged: true,
    });
  });

  it('takes a complainant name in any script, with spaces and punctuation', () => {
    const desk = createDesk();
    desk.run('register', counter({ complainant: { name: 'José Müller-王 (代理)' } }));
    expect(desk.state?.complainant.name).toBe('José Müller-王 (代理)');
  });

  it('takes a mainland mobile or a landline with area code, as typed', () => {
    const desk = createDesk();
    desk.run('register', counter({ complainant: { phone: ' 021-12345678 ' } }));
    expect(desk.state?.complainant.phone).toBe('021-12345678');
  });

  it('refuses to register the same complaint twice', () => {
    const desk = createDesk();
    desk.run('register', counter());
    expect(refusalOf(desk, 'register', counter(), SUPERVISOR)).toMatchObject({ code: 'already_registered', unchanged: true });
  });
});
