/**
 * The complaints behind one figure of the dashboard, as data: the register takes it as a filter and shows
 * exactly them (its count equals the figure clicked), because both sides answer "is this complaint behind it?"
 * with the one predicate here. `now` and `today` travel with it, so a clock that turns missed between the click
 * and the register's query does not change the answer.
 */
import { z } from 'zod';
import { instantMs } from '../calendar/instant';
import { branchOfFacts, isActionOverdue, verdictAt, type KpiFacts } from './facts';

/** What a complaint is grouped by on the dashboard. */
export const DIMENSIONS = ['channel', 'category', 'subCategory', 'grade', 'department', 'person', 'rootCause', 'branch'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Which complaints of the group a figure stands on: all of them (volume, composite), the denominator of a
 * percentage (the clocks decided, the resolvable, the scored), the repeats, those scored `score`, or those with
 * an open / overdue corrective action (of `owner`, when given).
 */
export const MEASURES = ['all', 'response_decided', 'resolution_decided', 'resolvable', 'scored', 'repeat', 'actions_open', 'actions_overdue'] as const;
export type Measure = (typeof MEASURES)[number];

const Value = z.string().max(200);

export const KpiSelectionSchema = z.strictObject({
  /** Received in `[from, to)`, ISO instants. */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** The instant the figure was computed at (on-time verdicts). */
  now: z.iso.datetime(),
  /** The branch's local day at `now` (overdue corrective actions). */
  today: z.iso.date(),
  measure: z.enum(MEASURES),
  /** With `scored`: only this satisfaction score. */
  score: z.int().min(1).max(5).optional(),
  /** With `actions_open` / `actions_overdue`: only this owner's actions. */
  owner: Value.optional(),
  /** Group values, all of which must hold ('' = not set; grade as '1'–'4'). */
  where: z.strictObject({
    channel: Value.optional(),
    category: Value.optional(),
    subCategory: Value.optional(),
    grade: Value.optional(),
    department: Value.optional(),
    person: Value.optional(),
    rootCause: Value.optional(),
    /** Head office: one branch's complaints. */
    branch: Value.optional(),
  }),
});
export type KpiSelection = z.infer<typeof KpiSelectionSchema>;

/** A complaint's value for a dimension, as the dashboard groups it. */
export function valueOf(facts: KpiFacts, dimension: Dimension): string {
  if (dimension === 'grade') return String(facts.grade);
  if (dimension === 'branch') return branchOfFacts(facts);
  return facts[dimension];
}

type MeasureOf = Pick<KpiSelection, 'measure' | 'score' | 'owner' | 'today'>;

function hasOpenAction(facts: KpiFacts, selection: MeasureOf, overdueOnly: boolean): boolean {
  return facts.correctiveActions.some(
    (action) =>
      action.closedAt === undefined &&
      (selection.owner === undefined || action.owner === selection.owner) &&
      (!overdueOnly || isActionOverdue(action, selection.today)),
  );
}

/** Whether the complaint meets the measure (its group and period aside). */
export function meetsMeasure(facts: KpiFacts, selection: MeasureOf, nowMs: number): boolean {
  switch (selection.measure) {
    case 'all':
      return true;
    case 'response_decided':
      return verdictAt(facts.response, nowMs) !== 'undecided';
    case 'resolution_decided':
      return verdictAt(facts.resolution, nowMs) !== 'undecided';
    case 'resolvable':
      return facts.resolvable;
    case 'scored':
      return facts.satisfaction !== undefined && (selection.score === undefined || facts.satisfaction === selection.score);
    case 'repeat':
      return facts.repeat;
    case 'actions_open':
      return hasOpenAction(facts, selection, false);
    case 'actions_overdue':
      return hasOpenAction(facts, selection, true);
  }
}

/** The predicate of a selection, prepared once for many complaints. */
export function selectionMatcher(selection: KpiSelection): (facts: KpiFacts) => boolean {
  const fromMs = instantMs(selection.from);
  const toMs = instantMs(selection.to);
  const nowMs = instantMs(selection.now);
  const wanted = DIMENSIONS.flatMap((dimension) => {
    const value = selection.where[dimension];
    return value === undefined ? [] : [[dimension, value] as const];
  });
  return (facts) =>
    !facts.voided &&
    facts.receivedMs >= fromMs &&
    facts.receivedMs < toMs &&
    wanted.every(([dimension, value]) => valueOf(facts, dimension) === value) &&
    meetsMeasure(facts, selection, nowMs);
}
