/**
 * The row's deadline columns under the branch's policy and calendar.
 * TODO(store): compute with shared/deadlines `nextDeadline` as soon as it lands (stub: no clock shown).
 */
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { openPause } from '../../shared/domain/state';
import type { Policy } from '../../shared/policy/policy';
import type { DeadlineSummarizer } from './projection';

export function deadlineSummarizer(_policy: Policy, _calendar: WorkingCalendar): DeadlineSummarizer {
  return (state) => ({ paused: !state.terminal && openPause(state) ? 1 : 0 });
}
