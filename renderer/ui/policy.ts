import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { inForce, policyFor, type PolicyBook } from '../../shared/policy/book';
import type { Policy } from '../../shared/policy/policy';
import { useCalendarInForce } from '../session/calendar';
import { usePolicyBookValue } from '../session/policy';

/** Every policy version the branch ran (renderer/session/policy.tsx). */
export function usePolicyBook(): PolicyBook {
  return usePolicyBookValue().book;
}

/**
 * The policy in force: what is decided now for the branch as a whole — a new complaint's registration, the
 * category lists of the filters, the KPI weights of the dashboard. A complaint's own clocks and steps use
 * `usePolicyFor(complaint)`.
 */
export function usePolicy(): Policy {
  return inForce(usePolicyBook()).policy;
}

/** The version the complaint was graded under: its deadlines, escalation and closing rules. */
export function usePolicyFor(complaint: { readonly policyVersion: number } | undefined): Policy {
  return policyFor(usePolicyBook(), complaint);
}

export function useCalendar(): WorkingCalendar {
  return useCalendarInForce().compiled;
}
