/**
 * Grading (SPEC §2): severity, urgency and spread suggest a grade; any major-complaint flag forces grade 1.
 *
 * "Urgent" means urgency `high`; "severe" means severity `high`. The rule, first match wins:
 *   1. any major flag                                  → 1
 *   2. urgent and severe                               → 1  (urgent and severe, core interests)
 *   3. urgent, not severe                              → 2  (urgent, relatively minor)
 *   4. not urgent; severity, urgency all `low` and
 *      spread `individual`                             → 4  (individual and minor)
 *   5. any other not-urgent complaint                  → 3  (not urgent but important)
 *
 * Without flags, as a matrix (rows urgency, columns severity; grade 4 only for spread `individual`, else 3):
 *
 * | urgency \ severity | low   | medium | high |
 * |--------------------|-------|--------|------|
 * | high               | 2     | 2      | 1    |
 * | medium             | 3     | 3      | 3    |
 * | low                | 4 / 3 | 3      | 3    |
 */
import type { Policy } from '../policy/policy';
import type { Grade, Level, MajorFlag, Route, Spread } from './vocabulary';

export interface GradingFacts {
  readonly severity: Level;
  readonly urgency: Level;
  readonly spread: Spread;
  readonly flags: readonly MajorFlag[];
}

export function suggestGrade({ severity, urgency, spread, flags }: GradingFacts): Grade {
  if (flags.length > 0) return 1;
  if (urgency === 'high') return severity === 'high' ? 1 : 2;
  if (urgency === 'low' && severity === 'low' && spread === 'individual') return 4;
  return 3;
}

/** The registration facts that raise a major flag by themselves. */
export interface RegistrationFacts {
  readonly collective?: { readonly count: number } | undefined;
  readonly repeatOf?: string | undefined;
}

/** Flags that follow from the registration alone: a collective complaint of ≥ threshold people, a repeat. */
export function majorFlagsFor(registration: RegistrationFacts, policy: Policy): MajorFlag[] {
  const flags: MajorFlag[] = [];
  if (registration.collective && registration.collective.count >= policy.registration.collectiveMajorThreshold) flags.push('collective');
  if (registration.repeatOf !== undefined) flags.push('repeat');
  return flags;
}

/**
 * Flags the system raises by itself — the escalation timer finds a complaint unresolved after a month — rather than
 * a person: facts of the record that a re-assessment keeps, like the flags the registration implies.
 */
export const SYSTEM_RAISED_FLAGS: readonly MajorFlag[] = ['unresolved_month'];

/** Media exposure also goes to PR, a legal dispute to the legal function (SPEC §2). */
export function routesFor(flags: readonly MajorFlag[]): Route[] {
  const routes: Route[] = [];
  if (flags.includes('media')) routes.push('pr');
  if (flags.includes('legal')) routes.push('legal');
  return routes;
}
