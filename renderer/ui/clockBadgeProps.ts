import type { Clock } from '../../shared/deadlines/clocks';
import type { ComplaintState } from '../../shared/domain/state';
import type { ClockBadgeProps } from './ClockBadge';

/** A domain clock as the badge shows it: time left while running, the overrun once past the deadline. */
export function clockBadgeProps(clock: Clock, dueText?: string): ClockBadgeProps {
  const minutes = clock.state === 'overdue' || clock.state === 'missed' ? clock.overrunMinutes : clock.remainingMinutes;
  return { state: clock.state, minutes, kind: clock.kind, dueText, beyondCalendar: clock.beyondCalendar === true };
}

/**
 * A clock of a voided or rejected complaint that "met" its deadline only because the complaint ended there: the
 * domain stops every clock at the end (so the figures stay decided), but nothing was resolved on time — the
 * badge says "stopped", not "met". A step really done before the end keeps its "met".
 */
export function endedClockBadgeProps(clock: Clock, complaint: Pick<ComplaintState, 'status' | 'rejection' | 'voided'>, dueText?: string): ClockBadgeProps {
  const props = clockBadgeProps(clock, dueText);
  const endedAt = complaint.status === 'voided' ? complaint.voided?.at : complaint.status === 'rejected' ? complaint.rejection?.at : undefined;
  if (endedAt === undefined || clock.state !== 'met' || clock.metAt === undefined) return props;
  return Date.parse(clock.metAt) === Date.parse(endedAt) ? { ...props, state: 'stopped', minutes: undefined } : props;
}
