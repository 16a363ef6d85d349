import { CN_CALENDAR } from '../../shared/calendar/defaults';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy/policy';

/**
 * The branch's policy and working calendar. Until policies are editable (a later issue) every branch runs
 * the shipped default; screens take them from here so that change touches one place.
 */
export function usePolicy(): Policy {
  return DEFAULT_POLICY;
}

export function useCalendar(): WorkingCalendar {
  return CN_CALENDAR;
}
