/**
 * Each action dialog's form values (what the inputs hold: strings, booleans, string lists) and the one pure
 * step that turns them into the command's input. The form validates the *result* with the command's own
 * input schema (COMMAND_INPUTS in shared/domain/commands), so the dialog can never accept what the domain would refuse as input.
 * Field names equal the input's keys, so a schema issue or a refusal `path` lands on its field.
 */
import { addWorkingDays } from '../../../../shared/calendar/arithmetic';
import type { WorkingCalendar } from '../../../../shared/calendar/calendar';
import { amountOf, localInputToIso } from '../../register-complaint/formSchema';

/** Empty or blank text means "not given". */
export const blank = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** A number typed into a text field; empty is "not given", anything unreadable stays NaN so the schema refuses it. */
export const numberOrUndefined = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim()));

/** A yes/no select: '' is "not chosen" (the schema then says it is required). */
export const yesNo = (value: string): boolean | undefined => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** People interviewed, typed one per line or separated by commas (、，,). */
export const splitList = (value: string): string[] =>
  value
    .split(/[\n,，、;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Steps that take no input (acknowledge, close): the form only confirms. */
export const noInput = (): Record<string, never> => ({});

export interface AssessValues {
  validity: string;
  severity: string;
  urgency: string;
  spread: string;
  flags: string[];
  /** '' takes the suggested grade. */
  grade: string;
  overrideReason: string;
}

export function assessInput(v: AssessValues) {
  return {
    validity: v.validity || undefined,
    severity: v.severity || undefined,
    urgency: v.urgency || undefined,
    spread: v.spread || undefined,
    flags: v.flags,
    grade: numberOrUndefined(v.grade),
    overrideReason: blank(v.overrideReason),
  };
}

export interface AssignValues {
  to: string;
  department: string;
  reason: string;
}

export const assignInput = (v: AssignValues) => ({ to: v.to || undefined, department: blank(v.department), reason: v.reason });

export interface EscalateValues {
  toTier: string;
  route: string;
  reason: string;
}

export const escalateInput = (v: EscalateValues) => ({ toTier: v.toTier || undefined, route: v.route || undefined, reason: v.reason });

export interface NoteValues {
  text: string;
  contactedCustomer: boolean;
}

export const noteInput = (v: NoteValues) => ({ text: v.text, ...(v.contactedCustomer ? { contactedCustomer: true } : {}) });

export interface InvestigationValues {
  findings: string;
  rootCause: string;
  responsibleDepartment: string;
  responsiblePerson: string;
  interviewed: string;
  cannotResolveAlone: boolean;
}

export const investigationInput = (v: InvestigationValues) => ({
  findings: v.findings,
  rootCause: blank(v.rootCause),
  responsibleDepartment: blank(v.responsibleDepartment),
  responsiblePerson: blank(v.responsiblePerson),
  interviewed: splitList(v.interviewed),
  cannotResolveAlone: v.cannotResolveAlone,
});

export interface ProposalValues {
  offers: string[];
  amount: string;
  text: string;
}

// Money to the cent: more decimals, or not a number, is NaN and refused with the money rule (validation.money).
export const proposalInput = (v: ProposalValues) => ({ offers: v.offers, amount: amountOf(v.amount), text: v.text });

export interface AnswerValues {
  accepted: string;
  comment: string;
}

export const answerInput = (v: AnswerValues) => ({ accepted: yesNo(v.accepted), comment: blank(v.comment) });

export interface ResolveValues {
  communicatedBy: string;
  /** `datetime-local` in the branch's zone. */
  communicatedAt: string;
  summary: string;
}

export const resolveInput = (v: ResolveValues, timeZone: string) => ({
  communicatedBy: v.communicatedBy || undefined,
  communicatedAt: localInputToIso(v.communicatedAt, timeZone),
  summary: v.summary,
});

export interface ReasonValues {
  reason: string;
}

export const reasonInput = (v: ReasonValues) => ({ reason: v.reason });

export interface ResumeValues {
  note: string;
}

export const resumeInput = (v: ResumeValues) => ({ note: blank(v.note) });

export interface ExtendValues {
  workingDays: string;
  reason: string;
  customerInformedBy: string;
}

/** Whole working days typed into the form, when they are a count the calendar can add. */
export function workingDaysOf(value: string): number | undefined {
  const days = numberOrUndefined(value);
  return days !== undefined && Number.isInteger(days) && days >= 1 && days <= 365 ? days : undefined;
}

/**
 * The extended resolution deadline the form previews: `workingDays` working days after the current one (SPEC §3),
 * on the branch's working calendar — what the extend command computes. Undefined while the days are not a usable count.
 */
export function extendedDeadline(calendar: WorkingCalendar, currentDeadline: string, workingDays: string): string | undefined {
  const days = workingDaysOf(workingDays);
  return days === undefined ? undefined : addWorkingDays(calendar, currentDeadline, days);
}

/** The extend command's input: only the working days — the domain computes the new deadline on the branch calendar. */
export const extendInput = (v: ExtendValues) => ({
  workingDays: numberOrUndefined(v.workingDays),
  reason: v.reason,
  customerInformedBy: v.customerInformedBy || undefined,
});

export interface FollowUpValues {
  method: string;
  reached: boolean;
  satisfaction: string;
  comments: string;
}

export const followUpInput = (v: FollowUpValues) => ({
  method: v.method || undefined,
  reached: v.reached,
  // Not reached: whatever the (disabled) select still holds is not a satisfaction.
  satisfaction: v.reached ? numberOrUndefined(v.satisfaction) : undefined,
  comments: blank(v.comments),
});

export interface ReopenValues {
  appeal: boolean;
  reason: string;
}

export const reopenInput = (v: ReopenValues) => ({ appeal: v.appeal, reason: v.reason });

export interface RejectValues {
  reason: string;
  text: string;
}

export const rejectInput = (v: RejectValues) => ({ reason: v.reason || undefined, text: v.text });

export interface OpenCorrectiveValues {
  owner: string;
  dueDate: string;
  description: string;
}

export const openCorrectiveInput = (v: OpenCorrectiveValues) => ({ owner: v.owner, dueDate: v.dueDate || undefined, description: v.description });

export interface CloseCorrectiveValues {
  actionId: string;
  outcome: string;
}

export const closeCorrectiveInput = (v: CloseCorrectiveValues) => ({ actionId: v.actionId || undefined, outcome: v.outcome });
