/** What the projection computes of a state under the branch's policy and calendar, once per change. */
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { kpiFactsOf } from '../../shared/kpi/facts';
import type { Policy } from '../../shared/policy/policy';
import { deadlineColumns } from './deadline-columns';
import type { StateSummarizer } from './projection';

export function stateSummarizer(policy: Policy, calendar: WorkingCalendar): StateSummarizer {
  return (state) => ({ deadline: deadlineColumns(state, policy, calendar), kpi: kpiFactsOf(state, policy, calendar) });
}
