/** What the projection computes of a state under its policy version and the branch's calendar, once per change. */
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { kpiFactsOf } from '../../shared/kpi/facts';
import { policyFor, type PolicyBook } from '../../shared/policy/book';
import { deadlineColumns } from './deadline-columns';
import type { StateSummarizer } from './projection';

/** `linkCustomers` (head office): the KPI facts carry the customer keys repeats are linked by (repeat-links.ts). */
export function stateSummarizer(policies: PolicyBook, calendar: WorkingCalendar, linkCustomers = false): StateSummarizer {
  return (state) => {
    // The version the complaint was graded under, not the one in force: a newer policy does not move its deadlines.
    const policy = policyFor(policies, state);
    return { deadline: deadlineColumns(state, policy, calendar), kpi: kpiFactsOf(state, policy, calendar, linkCustomers) };
  };
}
