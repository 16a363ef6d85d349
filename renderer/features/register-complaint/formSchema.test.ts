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

describe('registration form: nothing the clerk entered is dropped', () => {
  it('keeps the severity, urgency and spread answered at the counter, with no validity and no assessment', () => {
    const result = check(filled((v) => (v.impression = { severity: 'high', urgency: 'medium', spread: 'several' })), { ...context, canAssess: false });
    expect(result.ok && result.value.impression).toEqual({ severity: 'high', urgency: 'medium', spread: 'several' });
    expect(result.ok && result.value.assessment).toBeUndefined();
  });

  it('keeps the number of an earlier complaint, written as stored, and makes the complaint major (grade 1)', () => {
    const values = filled((v) => (v.repeatOf = ' sh01-20261101-0007 '));
    const result = check(values);
    expect(result.ok && result.value.repeatOf).toBe('SH01-20261101-0007');
    expect(suggestedGradeOf(values, DEFAULT_POLICY)).toBe(1);
  });

  it('refuses an earlier complaint number that is not one, saying the format', () => {
    for (const typed of ['SH01-2026-1', 'SH01-20261301-0001', '12345']) {
      const result = check(filled((v) => (v.repeatOf = typed)));
      expect(result.ok ? {} : result.issues).toEqual({ repeatOf: 'validation.complaintNumber' });
    }
  });

  it('drops the collective flag with the head count: below the threshold the grade is suggested again', () => {
    // Ticking "collective" sets the spread to several on screen (WhoSection).
    const collective = (count: string) => (v: RegistrationFormValues) => {
      v.collective = { enabled: true, count };
      v.impression.spread = 'several';
    };
    const five = filled(collective('5'));
    expect(suggestedGradeOf(five, DEFAULT_POLICY)).toBe(1);
    const three = filled(collective('3'));
    expect(suggestedGradeOf(three, DEFAULT_POLICY)).toBe(3);
    const result = check(three);
    expect(result.ok && result.value.collective).toEqual({ count: 3 });
  });

  it('keeps a major flag a supervisor ticked by hand, and then requires grade 1 (and a validity)', () => {
    const values = filled((v) => {
      v.assessment.flags = ['collective'];
      v.assessment.validity = 'liable';
    });
    expect(suggestedGradeOf(values, DEFAULT_POLICY)).toBe(1);
    const result = check(values);
    expect(result.ok && result.value.assessment).toMatchObject({ flags: ['collective'], grade: 1 });
  });
});

describe('registration form: time and money', () => {
  it('reads the received time typed as text, and a time alone as today', () => {
    const result = check(filled((v) => (v.receivedAt = '2026-11-23 13:30')));
    expect(result.ok && result.value.receivedAt).toBe('2026-11-23T05:30:00.000Z');
    const today = check(filled((v) => (v.incident.at = '9:15')));
    expect(today.ok && today.value.incident.at).toBe('2026-11-23T01:15:00.000Z');
  });

  it('says what format a date-time takes when it cannot be read', () => {
    const result = check(filled((v) => (v.receivedAt = '23/11/2026')));
    expect(result.ok ? {} : result.issues).toEqual({ receivedAt: 'validation.dateTime' });
  });

  it('keeps money to the cent and refuses more decimals or a non-number, saying the rule', () => {
    expect(check(filled((v) => (v.requestedAmount = '128.5'))).ok && check(filled((v) => (v.requestedAmount = '128.5'))).ok).toBe(true);
    const ok = check(filled((v) => (v.requestedAmount = '１２８.５０')));
    expect(ok.ok && ok.value.requestedAmount).toBe(128.5);
    for (const typed of ['12.345', 'abc', '-5', '1e3']) {
      const result = check(filled((v) => (v.requestedAmount = typed)));
      expect(result.ok ? {} : result.issues).toEqual({ requestedAmount: 'validation.money' });
    }
    const huge = check(filled((v) => (v.requestedAmount = '2000000000')));
    expect(huge.ok ? {} : huge.issues).toEqual({ requestedAmount: 'validation.numberMax|{"max":1000000000}' });
  });

  it('calls a spaces-only description missing, and names the limit of a too-long field', () => {
    const blank = check(filled((v) => (v.description = '   ')));
    expect(blank.ok ? {} : blank.issues).toEqual({ description: 'validation.required' });
    const long = check(filled((v) => (v.incident.place = '店'.repeat(201))));
    expect(long.ok ? {} : long.issues).toEqual({ 'incident.place': 'validation.tooLong|{"max":200}' });
  });

  it('states the head-count range of a collective complaint', () => {
    const result = check(filled((v) => (v.collective = { enabled: true, count: '1' })));
    expect(result.ok ? {} : result.issues).toEqual({ 'collective.count': 'validation.collectiveCount|{"min":2,"max":1000000}' });
  });
});
