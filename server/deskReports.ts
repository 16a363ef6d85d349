/**
 * The monthly / quarterly report across branches (issue 13 item 1): the branch's own report service (shared/report
 * through electron/services/reports.ts) over head office's consolidated complaints, every branch a section of the
 * comparison. The complaints' KPI facts are kept between reports (`consolidatedFacts`): a report reads only the
 * complaints whose events arrived since the last one. Head office has no print dialog: the preview prints from the
 * browser, and the PDF comes from Chromium as a download. Head office keeps no audit file: each report delivered is
 * written to its log with who, when, the period and how it was delivered.
 */
import type { ApiHandlers } from '../shared/api/contract';
import type { Caller } from '../shared/api/dispatch';
import type { Language, PublicUser } from '../shared/api/schemas';
import type { AuditEntry } from '../shared/audit/entries';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import type { WorkingCalendar } from '../shared/calendar/calendar';
import { contactOfFacts, withCustomerRepeats, type KpiFacts } from '../shared/kpi/facts';
import type { PolicyBook } from '../shared/policy/book';
import { parseState } from './read';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import type { Result } from '../shared/result';
import { downloadDelivery } from '../electron/services/documents';
import { createChromiumPdfEngine } from '../electron/services/pdf';
import { createReportService, factsOfComplaints, reportHandlers } from '../electron/services/reports';
import { createSerial } from '../electron/services/serial';
import type { Db } from './db/db';
import { headOfficeBook } from './deskPolicy';

interface ReportDeskDeps {
  readonly db: Db;
  /** Everyone whose id a complaint may name: head office's accounts and every branch's. */
  readonly users: () => Promise<readonly PublicUser[]>;
  readonly language: () => Language;
  readonly now: () => Date;
  readonly requireUser: (caller: Caller) => Promise<Result<PublicUser>>;
  readonly log: (message: string, details: Record<string, unknown>) => void;
}

/**
 * Every consolidated complaint's KPI facts, by date received, with repeats linked by customer across branches:
 * kept in memory and brought up to date on each call with only the complaints whose events arrived since (head
 * office numbers every event it stores, `ho_pos`; a complaint's row changes only with a new event of it, an
 * anonymisation too). The highest position is read before the rows: a batch stored in between is read now and
 * again next time, never missed. A complaint's facts depend on its own policy version (never changed once
 * published) and the calendar: another calendar reads everything again.
 */
export function consolidatedFacts(db: Db): (book: PolicyBook, calendar: WorkingCalendar) => Promise<readonly KpiFacts[]> {
  const byComplaint = new Map<string, KpiFacts>();
  let readThrough = 0;
  let readWith: WorkingCalendar | undefined;
  let linked: readonly KpiFacts[] = [];
  const serial = createSerial();
  return (book, calendar) =>
    serial(async () => {
      if (calendar !== readWith) {
        byComplaint.clear();
        readThrough = 0;
        readWith = calendar;
      }
      const [head] = await db.query<{ last: string | number | null }>('select max(ho_pos) as last from events');
      const last = Number(head?.last ?? 0);
      if (last === readThrough) return linked;
      const rows = await db.query<{ state: unknown }>(
        `select c.state from complaints c join (select distinct branch, complaint_id from events where ho_pos > $1) as changed
           on changed.branch = c.branch and changed.complaint_id = c.id`,
        [readThrough],
      );
      for (const fact of factsOfComplaints(rows.map(({ state }) => parseState(state)), book, calendar, true)) byComplaint.set(contactOfFacts(fact).ref, fact);
      readThrough = last;
      linked = withCustomerRepeats([...byComplaint.values()].sort((a, b) => a.receivedMs - b.receivedMs));
      return linked;
    });
}

export function headOfficeReportHandlers(deps: ReportDeskDeps): Pick<ApiHandlers, 'reports.branchHtml' | 'reports.savePdf' | 'reports.print'> {
  const { db } = deps;
  const service = createReportService({
    // Every complaint: the comparison period, the six-month trend and open corrective actions reach back past the period.
    facts: consolidatedFacts(db),
    scope: async () => ({ branches: await db.query<{ code: string; name: string }>('select code, name from branches order by code'), timeZone: DEFAULT_POLICY.timeZone }),
    users: deps.users,
    language: async () => deps.language(),
    policies: () => headOfficeBook(db),
    calendar: () => CN_CALENDAR,
    now: deps.now,
    platform: { pdf: createChromiumPdfEngine(), deliver: downloadDelivery },
    audit: {
      append: async (entry: AuditEntry) => {
        deps.log('report delivered', { ...entry });
      },
    },
  });
  // Every head-office account (admin or supervisor) may read the figures of every branch.
  return reportHandlers(service, (caller) => deps.requireUser(caller));
}
