import type { Clock } from '../../shared/deadlines/clocks';
import type { ClockBadgeProps } from './ClockBadge';

/** A domain clock as the badge shows it: time left while running, the overrun once past the deadline. */
export function clockBadgeProps(clock: Clock, label?: string, dueText?: string): ClockBadgeProps {
  const minutes = clock.state === 'overdue' || clock.state === 'missed' ? clock.overrunMinutes : clock.remainingMinutes;
  return { state: clock.state, minutes, label, dueText };
}
