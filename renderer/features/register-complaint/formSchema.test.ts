import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { emptyRegistrationForm, localInputToIso, registrationFormSchema, suggestedGradeOf, type FormContext, type RegistrationFormValues } from './formSchema';

const NOW = Date.parse('2026-11-23T06:00:00.000Z'); // 14:00 in Shanghai
const context: FormContext = { timeZone: 'Asia/Shanghai', policy: DEFAULT_POLICY, canAssess: true, now: () => NOW };

function filled(change: (values: RegistrationFormValues) => void = () => {}): RegistrationFormValues {
  const values = emptyRegistrationForm('2026-11-23T13:30');
  values.complainant.name = '张三';
  values.complainant.phone = '13812345678';
  values.channel = 'walk_in';
  values.category = 'product_quality';
  values.description = '买到的牛奶已过期';
  values.requests = ['refund'];
  change(values);
  return values;
}

function check(values: RegistrationFormValues, ctx: FormContext = context) {
  const parsed = registrationFormSchema(ctx).safeParse(values);
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, issues: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])) };
}

describe('registration form', () => {
  it('turns a filled form into the register command input, instants in UTC', () => {
    const result = check(filled());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      channel: 'walk_in',
      receivedAt: '2026-11-23T05:30:00.000Z',
      complainant: { name: '张三', phone: '13812345678' },
      category: 'product_quality',
      requests: ['refund'],
      impression: { severity: 'low', urgency: 'low', spread: 'individual' },
    });
    expect(result.value.assessment).toBeUndefined();
    expect(result.value.complainant.email).toBeUndefined();
  });

  it('reports every missing required field at once, each on its own field', () => {
    const result = check(emptyRegistrationForm('2026-11-23T13:30'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.issues)).toEqual(expect.arrayContaining(['complainant.name', 'channel', 'category', 'description', 'requests']));
    expect(result.issues['complainant.name']).toBe('validation.nameOrAnonymous');
  });

  it('refuses a phone number that is not a Chinese mobile or landline', () => {
    const result = check(filled((v) => (v.complainant.phone = '12345')));
    expect(result.ok ? {} : result.issues).toEqual({ 'complainant.phone': 'validation.phone' });
    expect(check(filled((v) => (v.complainant.phone = '021-12345678'))).ok).toBe(true);
  });

  it('accepts an anonymous complaint and drops the name it must not keep', () => {
    const result = check(filled((v) => { v.anonymous = true; v.complainant.phone = ''; }));
    expect(result.ok && result.value.complainant).toEqual({});
  });

  it('needs the number of people for a collective complaint, and flags 5 or more as major (grade 1)', () => {
    expect(check(filled((v) => (v.collective.enabled = true))).ok).toBe(false);
    const five = filled((v) => { v.collective = { enabled: true, count: '5' }; });
    expect(suggestedGradeOf(five, DEFAULT_POLICY)).toBe(1);
    const result = check(five);
    expect(result.ok && result.value.collective).toEqual({ count: 5 });
  });

  it('suggests the grade from severity, urgency and spread', () => {
    expect(suggestedGradeOf(filled(), DEFAULT_POLICY)).toBe(4);
    expect(suggestedGradeOf(filled((v) => (v.impression = { severity: 'high', urgency: 'high', spread: 'individual' })), DEFAULT_POLICY)).toBe(1);
  });

  it('asks for a reason and the validity when a supervisor changes the grade, then assesses', () => {
    const changed = filled((v) => (v.assessment.grade = '2'));
    const refused = check(changed);
    expect(refused.ok ? {} : refused.issues).toEqual({ 'assessment.overrideReason': 'refusal.override_reason_required', 'assessment.validity': 'validation.validityRequired' });
    const result = check(filled((v) => (v.assessment = { grade: '2', validity: 'liable', flags: [], overrideReason: '顾客情绪激动' })));
    expect(result.ok && result.value.assessment).toMatchObject({ grade: 2, validity: 'liable', overrideReason: '顾客情绪激动' });
  });

  it('refuses a major flag on a grade other than 1', () => {
    const result = check(filled((v) => (v.assessment = { grade: '3', validity: 'liable', flags: ['media'], overrideReason: 'x' })));
    expect(result.ok ? {} : result.issues).toMatchObject({ 'assessment.grade': 'refusal.major_requires_grade_1' });
  });

  it('sends the attached files with the registration, and none when nothing is attached', () => {
    const photo = { hash: 'c'.repeat(64), name: '过期牛奶.jpg', mime: 'image/jpeg', size: 204_800 };
    const result = check(filled((v) => (v.evidence = [photo])));
    expect(result.ok && result.value.evidence).toEqual([photo]);
    const without = check(filled());
    expect(without.ok && without.value.evidence).toEqual([]);
    expect(emptyRegistrationForm('2026-11-23T13:30').evidence).toEqual([]);
  });

  it('refuses a received time in the future or a date that does not exist', () => {
    expect(check(filled((v) => (v.receivedAt = '2026-11-23T18:00'))).ok).toBe(false);
    expect(localInputToIso('2026-02-30T10:00', 'Asia/Shanghai')).toBeUndefined();
  });
});
