import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy/policy';
import { useCalendarInForce } from '../session/calendar';

/**
 * The branch's policy and working calendar. Until policies are editable (a later issue) every branch runs
 * the shipped default policy; the calendar is main's calendar in force (renderer/session/calendar.tsx).
 */
export function usePolicy(): Policy {
  return DEFAULT_POLICY;
}

export function useCalendar(): WorkingCalendar {
  return useCalendarInForce().compiled;
}
