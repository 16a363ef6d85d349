/**
 * Building Escalated events, shared by the commands that escalate as a side effect (a major flag, the customer
 * rejecting a proposal, dissatisfaction at follow-up) and by the clock-driven escalation elsewhere
 * (tier deadline passed, unresolved after a month), so every escalation has the same shape.
 */
import type { ComplaintId } from '../../brand';
import type { EventDraft, PayloadOf } from '../events';
import { routesFor } from '../grading';
import { composedReason } from '../reasons';
import { TIERS, type Grade, type MajorFlag, type Route, type Tier } from '../vocabulary';
import { draft, type CommandContext } from './context';

/** The tier above, or undefined at T4 (final review). */
export function nextTier(tier: Tier): Tier | undefined {
  return TIERS[TIERS.indexOf(tier) + 1];
}

export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** Where a complaint stands on the ladder, as the escalation builders need it. */
export interface LadderPosition {
  readonly id: ComplaintId;
  readonly tier: Tier;
  readonly routes: readonly Route[];
}

/** One Escalated event; `trigger: 'manual'` is the only non-automatic one. */
export function escalationDraft(ctx: CommandContext, complaintId: ComplaintId, payload: PayloadOf<'Escalated'>): EventDraft {
  return draft(ctx, complaintId, { type: 'Escalated', payload });
}

/** The automatic escalations that go one tier up. */
export type OneTierTrigger = 'customer_rejected' | 'dissatisfied' | 'tier_deadline' | 'department_cannot_resolve';

/**
 * An automatic escalation one tier up (customer rejected the proposal, dissatisfied at follow-up, tier deadline
 * passed, the department cannot resolve it alone). Nothing at T4: final review has no tier above it.
 */
export function escalateOneTier(ctx: CommandContext, position: LadderPosition, trigger: OneTierTrigger, reason: string): EventDraft[] {
  const toTier = nextTier(position.tier);
  if (toTier === undefined) return [];
  return [escalationDraft(ctx, position.id, { fromTier: position.tier, toTier, reason, automatic: true, trigger })];
}

/**
 * Newly raised major flags send the complaint to senior management (T4) and, for media or legal, also down the
 * PR or legal route (SPEC §2). One event per route so each route has its own line on the timeline.
 * `withFlags` records the flags on the escalation itself, for flags no Assessed event carries (raised by a clock).
 */
export function escalateForMajorFlags(
  ctx: CommandContext,
  position: LadderPosition,
  newFlags: readonly MajorFlag[],
  withFlags = false,
): EventDraft[] {
  if (newFlags.length === 0) return [];
  const reason = composedReason({ reason: 'major_flags', flags: [...newFlags] });
  const base = { reason, automatic: true, trigger: 'major_flag' as const, ...(withFlags ? { flags: [...newFlags] } : {}) };
  const routes = routesFor(newFlags).filter((route) => !position.routes.includes(route));
  const drafts: EventDraft[] = [];
  let tier = position.tier;
  if (tier !== 'T4' || withFlags) {
    drafts.push(escalationDraft(ctx, position.id, { ...base, fromTier: tier, toTier: 'T4', ...(routes[0] ? { route: routes[0] } : {}) }));
    tier = 'T4';
    routes.shift();
  }
  for (const route of routes) drafts.push(escalationDraft(ctx, position.id, { ...base, fromTier: tier, toTier: 'T4', route }));
  return drafts;
}

/** What the department-cannot-resolve rule reads of a complaint (a ComplaintState has it). */
export interface DepartmentFinding {
  readonly grade: Grade;
  readonly tier: Tier;
  readonly investigation?: { readonly cannotResolveAlone: boolean; readonly atTier: Tier } | undefined;
}

/**
 * SPEC §5: a grade 1–2 complaint goes to the next tier at once if the handling department cannot resolve it alone
 * — once, from the tier where that was found: any step up the ladder since then has done it. `recordInvestigation`
 * escalates together with the finding; `dueEscalations` catches a complaint graded 1–2 only after the finding.
 */
export function departmentCannotResolve(complaint: DepartmentFinding): boolean {
  const found = complaint.investigation;
  return found !== undefined && found.cannotResolveAlone && found.atTier === complaint.tier && complaint.grade <= 2 && nextTier(complaint.tier) !== undefined;
}

export const DEPARTMENT_CANNOT_RESOLVE_REASON = composedReason({ reason: 'department_cannot_resolve' });
