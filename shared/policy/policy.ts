/**
 * The complaint-handling policy (SPEC §2–5, §7): every deadline, limit and weight the app uses is a field of
 * this one JSON document, edited by a supervisor and versioned. `version` is the policy's revision (a record
 * keeps the revision it was graded under); `formatVersion` is the shape of the document, migrated on load.
 */
import { z } from 'zod';
import { ok, parseWith, refuse, type Result } from '../result';
import { isValidTimeZone } from '../calendar/zone';
import { RoleSchema, type Role } from '../domain/vocabulary';
import type { Language } from '../api/schemas';
import defaultPolicyJson from '../../resources/policy.default.json';
import { CURRENT_POLICY_FORMAT, migratePolicy } from './migrate';

/** Whether a clock counts every minute, or only minutes inside the branch's working calendar. */
export const ClockModeSchema = z.enum(['around_the_clock', 'working_time']);
export type ClockMode = z.infer<typeof ClockModeSchema>;

// Up to a year; fractions allowed (0.5 h = 30 min), the clocks round to whole minutes.
const hours = z.number().positive().max(24 * 366);

const ClockRuleSchema = z.strictObject({ hours, clock: ClockModeSchema });

const GradeRuleSchema = z
  .strictObject({ respondHours: hours, resolveHours: hours, clock: ClockModeSchema })
  .refine((rule) => rule.respondHours <= rule.resolveHours, {
    message: 'respondHours must not exceed resolveHours',
    path: ['respondHours'],
  });
export type GradeRule = z.infer<typeof GradeRuleSchema>;

/** A tier with `hours: null` has no deadline (T4, final review). */
const TierRuleSchema = z.strictObject({ hours: hours.nullable(), clock: ClockModeSchema });
export type TierRule = z.infer<typeof TierRuleSchema>;

const categoryCode = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/, 'category code: lower-case letters, digits, _ (sub-category: parent.child)');
const categoryName = z.string().trim().min(1).max(40);
/**
 * A category's names: Simplified (`zh`), English, and optionally Traditional (`zhTW`). A policy written before
 * zh-TW existed, or an admin who types no Traditional name, still works: the zh-TW screen then shows `zh`, which
 * a Traditional reader can read, rather than a machine conversion of a name someone chose with care.
 */
const categoryNames = { zh: categoryName, zhTW: categoryName.optional(), en: categoryName };
const SubCategorySchema = z.strictObject({ code: categoryCode, ...categoryNames });
const CategorySchema = z.strictObject({
  code: categoryCode,
  ...categoryNames,
  children: z.array(SubCategorySchema).optional(),
});
export type Category = z.infer<typeof CategorySchema>;
export type SubCategory = z.infer<typeof SubCategorySchema>;

const count = z.int().min(0).max(1000);
const closingRoles = z
  .array(RoleSchema)
  .min(1, 'at least one role must be able to close')
  .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice');
const weight = z.number().min(0).max(1);

/**
 * How each personal field of a complainant leaves the branch for head office (SPEC §8), applied by
 * shared/sync/personalData.ts to every batch. `full`: as typed. `none`: not sent. `masked`: for the name and the
 * address, the masked text staff see in exports (`张*`, `******`); for the identifiers (phone, email, customer
 * number), a keyed hash only — a partly shown number or address would still identify someone, while the keyed
 * hash is all head office needs to link two complaints of one customer.
 */
const PersonalDataModeSchema = z.enum(['full', 'masked', 'none']);
export type PersonalDataMode = z.infer<typeof PersonalDataModeSchema>;
export const PersonalDataToHeadOfficeSchema = z.strictObject({
  name: PersonalDataModeSchema,
  phone: PersonalDataModeSchema,
  email: PersonalDataModeSchema,
  address: PersonalDataModeSchema,
  customerNumber: PersonalDataModeSchema,
});
export type PersonalDataToHeadOffice = z.infer<typeof PersonalDataToHeadOfficeSchema>;

export const PolicySchema = z
  .strictObject({
    formatVersion: z.literal(CURRENT_POLICY_FORMAT),
    version: z.int().min(1),
    timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
    /** Id of the working calendar (resources/calendars/<id>.json) used by working-time clocks. */
    calendarId: z.string().min(1).max(64),
    dueSoonShare: z.number().min(0).max(1),
    acknowledge: ClockRuleSchema,
    firstReply: ClockRuleSchema,
    grades: z.strictObject({ '1': GradeRuleSchema, '2': GradeRuleSchema, '3': GradeRuleSchema, '4': GradeRuleSchema }),
    tiers: z.strictObject({ T1: TierRuleSchema, T2: TierRuleSchema, T3: TierRuleSchema, T4: TierRuleSchema }),
    extension: z.strictObject({ maxCount: count, maxWorkingDays: z.int().min(1).max(365) }),
    followUp: z.strictObject({ unreachableWorkingDays: z.int().min(1).max(365) }),
    /** Who may close a complaint, per grade (SPEC §8: closure is approved by a supervisor). */
    closing: z.strictObject({ roles: z.strictObject({ '1': closingRoles, '2': closingRoles, '3': closingRoles, '4': closingRoles }) }),
    registration: z.strictObject({ anonymousAllowed: z.boolean(), collectiveMajorThreshold: z.int().min(2).max(10_000) }),
    majorUnresolvedDays: z.int().min(1).max(3650),
    kpiWeights: z.strictObject({ timeliness: weight, satisfaction: weight, resolutionRate: weight }),
    retentionDays: z.int().min(365, 'records are kept at least one year').max(36_500),
    /** A window left this long without its person's action signs out (the counter PC is shared). */
    session: z.strictObject({ idleMinutes: z.int().min(1).max(24 * 60) }).default({ idleMinutes: 30 }),
    /** Automatic backups (shared/backup/rotation.ts): one at least every `intervalHours`; which are kept. */
    backup: z
      .strictObject({
        intervalHours: z.int().min(1).max(24 * 31),
        keep: z.strictObject({ daily: z.int().min(1).max(366), weekly: z.int().min(0).max(520), monthly: z.int().min(0).max(1200) }),
      })
      .default({ intervalHours: 24, keep: { daily: 7, weekly: 4, monthly: 12 } }),
    /** Personal data sent to head office, per field (see PersonalDataToHeadOfficeSchema). */
    personalData: z
      .strictObject({ toHeadOffice: PersonalDataToHeadOfficeSchema })
      .default({ toHeadOffice: { name: 'masked', phone: 'masked', email: 'none', address: 'none', customerNumber: 'masked' } }),
    categories: z.array(CategorySchema).min(1),
  })
  .superRefine((policy, ctx) => {
    const { timeliness, satisfaction, resolutionRate } = policy.kpiWeights;
    if (Math.abs(timeliness + satisfaction + resolutionRate - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: 'KPI weights must sum to 1', path: ['kpiWeights'] });
    }
    const seen = new Set<string>();
    const claim = (code: string, path: (string | number)[]): void => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', message: `category code "${code}" is used twice`, path });
      seen.add(code);
    };
    policy.categories.forEach((category, i) => {
      claim(category.code, ['categories', i, 'code']);
      category.children?.forEach((child, j) => {
        const path = ['categories', i, 'children', j, 'code'];
        if (!child.code.startsWith(`${category.code}.`)) {
          ctx.addIssue({ code: 'custom', message: `sub-category code must start with "${category.code}."`, path });
        }
        claim(child.code, path);
      });
    });
  });
export type Policy = z.infer<typeof PolicySchema>;
export type Grade = 1 | 2 | 3 | 4;
export type Tier = keyof Policy['tiers'];

/**
 * Parse an untrusted policy document (file, form, head-office push). Older formats are migrated first;
 * anything malformed is refused with code 'invalid_policy' and `path` naming the bad field.
 */
export function parsePolicy(json: unknown): Result<Policy> {
  const migrated = migratePolicy(json);
  if (!migrated.ok) return migrated;
  return parseWith(PolicySchema, migrated.value, 'invalid_policy');
}

/** The grade's rule; `grade` comes from a parsed complaint, so it is always 1–4. */
export function gradeRule(policy: Policy, grade: Grade): GradeRule {
  return policy.grades[String(grade) as '1' | '2' | '3' | '4'];
}

/** Whether `role` may close a complaint of `grade` under this policy. */
export function mayClose(policy: Policy, grade: Grade, role: Role): boolean {
  return policy.closing.roles[String(grade) as '1' | '2' | '3' | '4'].includes(role);
}

/** A category or sub-category by code, or a refusal naming the unknown code. */
/** The name of a category in `language` (zh-TW falls back to the Simplified name, see `categoryNames`). */
export function categoryLabel(category: Category | SubCategory, language: Language): string {
  if (language === 'en') return category.en;
  return language === 'zh-TW' ? (category.zhTW ?? category.zh) : category.zh;
}

export function findCategory(policy: Policy, code: string): Result<Category | SubCategory> {
  for (const category of policy.categories) {
    if (category.code === code) return ok(category);
    const child = category.children?.find((c) => c.code === code);
    if (child) return ok(child);
  }
  return refuse('unknown_category', `No category "${code}" in policy version ${policy.version}`, { params: { code } });
}

function loadDefaultPolicy(): Policy {
  const parsed = parsePolicy(defaultPolicyJson);
  // A broken shipped default is a build bug, not something a user can cause.
  if (!parsed.ok) throw new Error(`resources/policy.default.json is invalid: ${parsed.error.message}`);
  return parsed.value;
}

/** The shipped default policy (resources/policy.default.json), with the SPEC's numbers. */
export const DEFAULT_POLICY: Policy = loadDefaultPolicy();
