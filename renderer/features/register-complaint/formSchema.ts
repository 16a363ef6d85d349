/**
 * The registration form. Inputs hold strings (what a person types); `registrationFormSchema` turns them into
 * the domain's own inputs — the register command's `RegisterInput` (less the number the store allocates) and,
 * when the grade or flags were set by hand, the `assess` command's `AssessInput` — and validates them with
 * those shared schemas. The form's field paths are the commands' paths, so a shared schema's complaint lands
 * on the right field. Form rules (the shared Chinese phone rule, "name or anonymous") add message keys.
 */
import { z } from 'zod';
import { liesInFuture } from '../../../shared/domain/commands/context';
import { RegisterInput } from '../../../shared/domain/commands/registration';
import { AssessInput } from '../../../shared/domain/commands/triage';
import { EvidenceRefSchema } from '../../../shared/domain/event-payloads';
import { majorFlagsFor, suggestGrade } from '../../../shared/domain/grading';
import { parseComplaintNumber } from '../../../shared/domain/numbering';
import { isChinesePhoneNumber } from '../../../shared/domain/phone';
import { GradeSchema, LevelSchema, MajorFlagSchema, SpreadSchema, type Grade, type MajorFlag } from '../../../shared/domain/vocabulary';
import type { Policy } from '../../../shared/policy/policy';
import { issueMessage, messageWithParams } from '../../ui/fieldError';
import { parseDateTimeText } from './dateTimeText';

const text = z.string().max(5000).catch('');
const strings = z.array(z.string().max(64)).max(20).catch([]);

/** What the inputs hold. Every field has a fallback, so a damaged draft restores as far as it can. */
export const RegistrationFormValuesSchema = z.object({
  complainant: z
    .object({ name: text, phone: text, email: text, address: text, customerNumber: text })
    .catch({ name: '', phone: '', email: '', address: '', customerNumber: '' }),
  anonymous: z.boolean().catch(false),
  collective: z.object({ enabled: z.boolean().catch(false), count: text }).catch({ enabled: false, count: '' }),
  channel: text,
  receivedAt: text,
  incident: z
    .object({ at: text, place: text, staffMember: text, department: text, product: text, orderNumber: text })
    .catch({ at: '', place: '', staffMember: '', department: '', product: '', orderNumber: '' }),
  category: text,
  subCategory: text,
  nature: text,
  description: text,
  /** 原投诉编号: the number of an earlier complaint on the same matter (a repeat complaint). */
  repeatOf: text,
  requests: strings,
  requestedAmount: text,
  requestText: text,
  /** Files already stored in main (by hash) as they were picked, so a draft may keep the references. */
  evidence: z.array(EvidenceRefSchema).max(100).catch([]),
  impression: z
    .object({ severity: LevelSchema.catch('low'), urgency: LevelSchema.catch('low'), spread: SpreadSchema.catch('individual') })
    .catch({ severity: 'low', urgency: 'low', spread: 'individual' }),
  assessment: z
    .object({ validity: text, grade: text, flags: strings, overrideReason: text })
    .catch({ validity: '', grade: '', flags: [], overrideReason: '' }),
});
export type RegistrationFormValues = z.infer<typeof RegistrationFormValuesSchema>;

/** A blank form (fresh objects: the schema's fallbacks are shared and must never be mutated). */
export function emptyRegistrationForm(receivedAt: string): RegistrationFormValues {
  return { ...structuredClone(RegistrationFormValuesSchema.parse({})), receivedAt, nature: 'other' };
}

/** The commands' inputs the form stands for. */
export const RegistrationSubmissionSchema = RegisterInput.omit({ number: true }).extend({ assessment: AssessInput.optional() });
export type RegistrationSubmission = z.output<typeof RegistrationSubmissionSchema>;

export interface FormContext {
  timeZone: string;
  policy: Policy;
  /** Supervisors and admins assess; staff register with the provisional grade only. */
  canAssess: boolean;
  now: () => number;
}

const trimmed = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * Whole minutes of a typed date-time (`2026-11-23 14:05`, or a `datetime-local` value) in the branch's zone, as
 * an ISO instant; undefined when it is not a date-time. See dateTimeText.ts for what is accepted.
 */
export function localInputToIso(value: string, timeZone: string, nowMs?: number): string | undefined {
  return parseDateTimeText(value, timeZone, nowMs);
}

/** The earlier complaint's number as it is stored (`sh01-20261101-7` typed loosely is not guessed at: only case and spaces). */
export function repeatOfNumber(value: string): string | undefined {
  const typed = value.normalize('NFKC').trim().toUpperCase();
  if (typed === '') return undefined;
  return parseComplaintNumber(typed).ok ? typed : undefined;
}

/** Money as typed: yuan with at most two decimals (full-width digits from an IME are fine). */
const MONEY = /^\d+(\.\d{1,2})?$/;
export const AMOUNT_MAX = 1_000_000_000;

/** The amount in yuan, kept to the cent; undefined when blank, NaN when not money. */
export function amountOf(value: string): number | undefined {
  const typed = value.normalize('NFKC').trim().replace(/,/g, '');
  if (typed === '') return undefined;
  if (!MONEY.test(typed)) return Number.NaN;
  return Math.round(Number(typed) * 100) / 100;
}

/** Flags that follow from the registration itself: a collective complaint of policy-many people, a repeat. */
export function impliedFlags(values: RegistrationFormValues, policy: Policy): MajorFlag[] {
  const count = Number(values.collective.count);
  return majorFlagsFor(
    { collective: values.collective.enabled && Number.isInteger(count) ? { count } : undefined, repeatOf: repeatOfNumber(values.repeatOf) },
    policy,
  );
}

export function chosenFlags(values: RegistrationFormValues, policy: Policy): MajorFlag[] {
  const picked = values.assessment.flags.flatMap((flag) => {
    const parsed = MajorFlagSchema.safeParse(flag);
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set([...picked, ...impliedFlags(values, policy)])];
}

/** The grade the policy's matrix suggests for what is on the form right now. */
export function suggestedGradeOf(values: RegistrationFormValues, policy: Policy): Grade {
  return suggestGrade({ ...values.impression, flags: chosenFlags(values, policy) });
}

function grade(value: string): Grade | undefined {
  const parsed = GradeSchema.safeParse(Number(value));
  return value !== '' && parsed.success ? parsed.data : undefined;
}

/** The commands' inputs for the form values (before validation by the shared schemas). */
export function toSubmission(values: RegistrationFormValues, context: FormContext): unknown {
  const { complainant: person, incident, anonymous } = values;
  const amount = amountOf(values.requestedAmount);
  const nowMs = context.now();
  const suggested = suggestedGradeOf(values, context.policy);
  const chosenGrade = grade(values.assessment.grade) ?? suggested;
  const extraFlags = values.assessment.flags.filter((flag) => !impliedFlags(values, context.policy).includes(flag as MajorFlag));
  const assessed = context.canAssess && (values.assessment.validity !== '' || extraFlags.length > 0 || chosenGrade !== suggested);
  return {
    channel: values.channel,
    receivedAt: localInputToIso(values.receivedAt, context.timeZone, nowMs) ?? values.receivedAt,
    // An anonymous complaint keeps no name or customer number; a way to reach the person may stay.
    complainant: {
      name: anonymous ? undefined : trimmed(person.name),
      phone: trimmed(person.phone),
      email: trimmed(person.email),
      address: trimmed(person.address),
      customerNumber: anonymous ? undefined : trimmed(person.customerNumber),
    },
    anonymous,
    collective: values.collective.enabled ? { count: trimmed(values.collective.count) === undefined ? Number.NaN : Number(values.collective.count) } : undefined,
    incident: {
      at: trimmed(incident.at) === undefined ? undefined : (localInputToIso(incident.at, context.timeZone, nowMs) ?? incident.at),
      place: trimmed(incident.place),
      staffMember: trimmed(incident.staffMember),
      department: trimmed(incident.department),
      product: trimmed(incident.product),
      orderNumber: trimmed(incident.orderNumber),
    },
    category: values.category,
    subCategory: trimmed(values.subCategory),
    nature: values.nature,
    description: values.description,
    requests: values.requests,
    requestedAmount: amount,
    repeatOf: trimmed(values.repeatOf) === undefined ? undefined : (repeatOfNumber(values.repeatOf) ?? values.repeatOf),
    requestText: trimmed(values.requestText),
    evidence: values.evidence,
    impression: values.impression,
    assessment: assessed
      ? {
          validity: values.assessment.validity,
          severity: values.impression.severity,
          urgency: values.impression.urgency,
          spread: values.impression.spread,
          flags: chosenFlags(values, context.policy),
          grade: chosenGrade,
          overrideReason: chosenGrade === suggested ? undefined : trimmed(values.assessment.overrideReason),
        }
      : undefined,
  };
}

type Issue = { path: string; message: string };

/** The most people a collective complaint records (the shared schema's limit). */
const COLLECTIVE_MAX = 1_000_000;

/** Rules of the form itself, as message keys; the shared schemas check the rest. */
export function formIssues(values: RegistrationFormValues, context: FormContext): Issue[] {
  const issues: Issue[] = [];
  const { complainant: person } = values;
  const reachable = [person.name, person.phone, person.email, person.address, person.customerNumber].some((v) => v.trim() !== '');
  if (!values.anonymous && !reachable) issues.push({ path: 'complainant.name', message: 'validation.nameOrAnonymous' });
  if (person.phone.trim() !== '' && !isChinesePhoneNumber(person.phone)) issues.push({ path: 'complainant.phone', message: 'validation.phone' });
  const count = Number(values.collective.count.normalize('NFKC').trim());
  if (values.collective.enabled && !(values.collective.count.trim() !== '' && Number.isInteger(count) && count >= 2 && count <= COLLECTIVE_MAX)) {
    issues.push({ path: 'collective.count', message: messageWithParams('validation.collectiveCount', { min: 2, max: COLLECTIVE_MAX }) });
  }
  const nowMs = context.now();
  const received = localInputToIso(values.receivedAt, context.timeZone, nowMs);
  if (!received) issues.push({ path: 'receivedAt', message: values.receivedAt.trim() ? 'validation.dateTime' : 'validation.required' });
  else if (liesInFuture(received, nowMs)) issues.push({ path: 'receivedAt', message: 'validation.future' });
  if (values.incident.at.trim() !== '') {
    const at = localInputToIso(values.incident.at, context.timeZone, nowMs);
    if (!at) issues.push({ path: 'incident.at', message: 'validation.dateTime' });
    else if (liesInFuture(at, nowMs)) issues.push({ path: 'incident.at', message: 'validation.future' });
  }
  const amount = amountOf(values.requestedAmount);
  if (amount !== undefined && Number.isNaN(amount)) issues.push({ path: 'requestedAmount', message: 'validation.money' });
  else if (amount !== undefined && amount > AMOUNT_MAX) issues.push({ path: 'requestedAmount', message: messageWithParams('validation.numberMax', { max: AMOUNT_MAX }) });
  if (values.repeatOf.trim() !== '' && repeatOfNumber(values.repeatOf) === undefined) issues.push({ path: 'repeatOf', message: 'validation.complaintNumber' });
  if (values.requests.length === 0) issues.push({ path: 'requests', message: 'validation.required' });
  const suggested = suggestedGradeOf(values, context.policy);
  const chosenGrade = grade(values.assessment.grade) ?? suggested;
  if (chosenFlags(values, context.policy).length > 0 && chosenGrade !== 1) issues.push({ path: 'assessment.grade', message: 'refusal.major_requires_grade_1' });
  else if (chosenGrade !== suggested && values.assessment.overrideReason.trim() === '') {
    issues.push({ path: 'assessment.overrideReason', message: 'refusal.override_reason_required' });
  }
  const submission = toSubmission(values, context) as { assessment?: unknown };
  if (submission.assessment && values.assessment.validity === '') issues.push({ path: 'assessment.validity', message: 'validation.validityRequired' });
  return issues;
}

/**
 * The schema react-hook-form validates with (through zodResolver): form rules and the shared commands'
 * schemas, all problems at once, each on its field; the output is what the store's commands take.
 */
export function registrationFormSchema(context: FormContext) {
  return RegistrationFormValuesSchema.transform((values, ctx): RegistrationSubmission => {
    const own = formIssues(values, context);
    for (const issue of own) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.') });
    const taken = new Set(own.map((issue) => issue.path));
    const parsed = RegistrationSubmissionSchema.safeParse(toSubmission(values, context));
    if (parsed.success && own.length === 0) return parsed.data;
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const path = issue.path.map(String);
      // `collective.count` etc. are the same on the form; a refused list item belongs to the list's field.
      const field = path.filter((part) => !/^\d+$/.test(part));
      // The rule with its limit ("at most 200 characters") where there is one; else the field's own sentence.
      if (!taken.has(field.join('.'))) ctx.addIssue({ code: 'custom', message: issueMessage(issue) ?? issue.message, path: field });
      taken.add(field.join('.'));
    }
    return z.NEVER;
  });
}
