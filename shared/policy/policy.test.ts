import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultPolicyJson from '../../resources/policy.default.json';
import { DEFAULT_POLICY, findCategory, gradeRule, mayClose, parsePolicy } from './policy';

const REMOVE = Symbol('remove');

/**
 * The shipped default with fields changed, as a supervisor's edit would be: `{ 'grades.2.resolveHours': -1 }`
 * sets a field, REMOVE deletes it.
 */
function edited(changes: Record<string, unknown>): unknown {
  const doc: unknown = structuredClone(defaultPolicyJson);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc) as Record<string, unknown>;
    if (value === REMOVE) delete parent[last];
    else parent[last] = value;
  }
  return doc;
}

function refusalOf(json: unknown) {
  const parsed = parsePolicy(json);
  if (parsed.ok) throw new Error('expected the policy to be refused');
  return parsed.error;
}

describe('default policy', () => {
  it('carries the numbers of the SPEC', () => {
    expect(DEFAULT_POLICY.timeZone).toBe('Asia/Shanghai');
    expect([1, 2, 3, 4].map((g) => gradeRule(DEFAULT_POLICY, g as 1 | 2 | 3 | 4).respondHours)).toEqual([2, 4, 8, 24]);
    expect([1, 2, 3, 4].map((g) => gradeRule(DEFAULT_POLICY, g as 1 | 2 | 3 | 4).resolveHours)).toEqual([24, 48, 72, 168]);
    expect(DEFAULT_POLICY.acknowledge.hours).toBe(24);
    expect(DEFAULT_POLICY.firstReply.hours).toBe(48);
    expect(DEFAULT_POLICY.dueSoonShare).toBe(0.25);
    expect(DEFAULT_POLICY.extension).toEqual({ maxCount: 1, maxWorkingDays: 10 });
    expect(DEFAULT_POLICY.followUp.unreachableWorkingDays).toBe(2);
    expect(DEFAULT_POLICY.kpiWeights).toEqual({ timeliness: 0.3, satisfaction: 0.4, resolutionRate: 0.3 });
    expect(DEFAULT_POLICY.tiers.T4.hours).toBeNull();
    expect(DEFAULT_POLICY.registration.collectiveMajorThreshold).toBe(5);
    // SPEC §8: closure is a supervisor's step, whatever the grade.
    expect([1, 2, 3, 4].map((g) => mayClose(DEFAULT_POLICY, g as 1 | 2 | 3 | 4, 'staff'))).toEqual([false, false, false, false]);
  });

  it('names the ten SPEC categories in Chinese and English, with sub-categories', () => {
    expect(DEFAULT_POLICY.categories.map((c) => c.zh)).toEqual([
      '产品质量', '服务态度', '服务效率', '专业素质', '售后服务', '延误交付', '信息沟通', '价格/计费', '环境设施', '其他',
    ]);
    const found = findCategory(DEFAULT_POLICY, 'after_sales.repair');
    expect(found.ok && found.value.zh).toBe('维修');
    expect(findCategory(DEFAULT_POLICY, 'no_such').ok).toBe(false);
  });
});

describe('parsePolicy refuses a malformed policy with the path of the bad field', () => {
  it.each([
    ['a negative resolve time', { 'grades.2.resolveHours': -1 }, 'grades.2.resolveHours'],
    ['a missing grade', { 'grades.3': REMOVE }, 'grades.3'],
    ['respond slower than resolve', { 'grades.1.respondHours': 30 }, 'grades.1.respondHours'],
    ['KPI weights not summing to 1', { 'kpiWeights.satisfaction': 0.5 }, 'kpiWeights'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an unknown clock mode', { 'acknowledge.clock': 'sometimes' }, 'acknowledge.clock'],
    ['due-soon share above 1', { dueSoonShare: 1.5 }, 'dueSoonShare'],
    ['a fractional extension count', { 'extension.maxCount': 1.5 }, 'extension.maxCount'],
    ['retention under a year', { retentionDays: 30 }, 'retentionDays'],
    ['a duplicated category code', { 'categories.1.code': 'product_quality' }, 'categories.1.code'],
    ['a sub-category outside its parent', { 'categories.0.children.0.code': 'other.defect' }, 'categories.0.children.0.code'],
    ['an empty category name', { 'categories.2.zh': ' ' }, 'categories.2.zh'],
    ['a misspelt field', { 'grades.4.resolveHour': 1 }, 'grades.4'],
    ['a zero policy version', { version: 0 }, 'version'],
    ['no categories', { categories: [] }, 'categories'],
    ['nobody may close a grade', { 'closing.roles.2': [] }, 'closing.roles.2'],
    ['an unknown closing role', { 'closing.roles.1': ['manager'] }, 'closing.roles.1.0'],
    ['a closing role listed twice', { 'closing.roles.3': ['admin', 'admin'] }, 'closing.roles.3'],
  ])('%s', (_label, change, path) => {
    const error = refusalOf(edited(change));
    expect(error.code).toBe('invalid_policy');
    expect(error.path).toBe(path);
  });

  it('refuses something that is not an object', () => {
    expect(refusalOf('policy').code).toBe('invalid_policy');
    expect(refusalOf(null).code).toBe('invalid_policy');
  });
});

describe('policy format migration', () => {
  it('upgrades a format-0 draft (no formatVersion, calendar or tier clocks)', () => {
    const draft = edited({
      formatVersion: REMOVE,
      calendarId: REMOVE,
      ...Object.fromEntries(['T1', 'T2', 'T3', 'T4'].map((tier) => [`tiers.${tier}.clock`, REMOVE])),
    });
    const parsed = parsePolicy(draft);
    expect(parsed.ok && parsed.value.calendarId).toBe('cn-2026');
    expect(parsed.ok && parsed.value.tiers.T2).toEqual({ hours: 48, clock: 'around_the_clock' });
  });

  it('refuses a document from a newer app clearly', () => {
    const error = refusalOf(edited({ formatVersion: 3 }));
    expect(error).toMatchObject({ code: 'policy_format_too_new', path: 'formatVersion', params: { found: 3, supported: 2 } });
  });

  it('upgrades a format-1 document (no closing rule) to supervisors and admins closing every grade (SPEC §8)', () => {
    const parsed = parsePolicy(edited({ formatVersion: 1, closing: REMOVE }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.formatVersion).toBe(2);
    for (const grade of [1, 2, 3, 4] as const) {
      expect([mayClose(parsed.value, grade, 'staff'), mayClose(parsed.value, grade, 'supervisor'), mayClose(parsed.value, grade, 'admin')]).toEqual([false, true, true]);
    }
  });

  it('keeps the closing rule a format-1 document already carries', () => {
    const parsed = parsePolicy(edited({ formatVersion: 1, 'closing.roles.4': ['staff', 'supervisor', 'admin'] }));
    expect(parsed.ok && mayClose(parsed.value, 4, 'staff')).toBe(true);
  });

  it('upgrades a format-0 draft all the way (calendar, tier clocks and closing)', () => {
    const parsed = parsePolicy(edited({ formatVersion: REMOVE, calendarId: REMOVE, closing: REMOVE }));
    expect(parsed.ok && parsed.value.closing.roles['1']).toEqual(['supervisor', 'admin']);
  });

  it('refuses a formatVersion that is not a whole number', () => {
    expect(refusalOf(edited({ formatVersion: '1' })).path).toBe('formatVersion');
  });
});

describe('closing roles from an untrusted document (property)', () => {
  it('never throws; accepts only non-empty lists of known roles, each once', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3', '4'), fc.oneof(fc.anything(), fc.array(fc.constantFrom('staff', 'supervisor', 'admin', 'Staff', '', 'root'))), (grade, roles) => {
        const parsed = parsePolicy(edited({ [`closing.roles.${grade}`]: roles }));
        const valid =
          Array.isArray(roles) &&
          roles.length > 0 &&
          roles.every((r) => r === 'staff' || r === 'supervisor' || r === 'admin') &&
          new Set(roles).size === roles.length;
        expect(parsed.ok).toBe(valid);
        if (!parsed.ok) expect(parsed.error).toMatchObject({ code: 'invalid_policy', path: expect.stringMatching(new RegExp(`^closing\\.roles\\.${grade}`)) });
      }),
      { numRuns: 300 },
    );
  });
});
