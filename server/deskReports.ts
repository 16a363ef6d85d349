/**
 * The monthly / quarterly report across branches (issue 13 item 1): the branch's own report service (shared/report
 * through electron/services/reports.ts) over head office's consolidated complaints, every branch a section of the
 * comparison. The complaints are kept between reports (`consolidatedStates`): a report reads only those whose
 * events arrived since the last one. Head office has no print dialog: the preview prints from the browser, and the PDF comes from
 * Chromium as a download. Head office keeps no audit file: each report delivered is written to its log with who,
 * when, the period and how it was delivered.
 */
import type { ApiHandlers } from '../shared/api/contract';
import type { Caller } from '../shared/api/dispatch';
import type { Language, PublicUser } from '../shared/api/schemas';
import type { AuditEntry } from '../shared/audit/entries';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import type { ComplaintState } from '../shared/domain/state';
import { parseState } from './read';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import type { Result } from '../shared/result';
import { downloadDelivery } from '../electron/services/documents';
import { createChromiumPdfEngine } from '../electron/services/pdf';
import { createReportService, reportHandlers } from '../electron/services/reports';
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

const keyOf = (state: ComplaintState): string => `${state.branch}/${state.id}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const inReportOrder = (a: ComplaintState, b: ComplaintState): number =>
  byText(a.branch, b.branch) || Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || byText(a.id, b.id);

/**
 * Every consolidated complaint, by branch, date received and id, kept in memory and brought up to date on each
 * call with only the complaints whose events arrived since (head office numbers every event it stores,
 * `ho_pos`; a complaint's row changes only with a new event of it, an anonymisation too). The highest position
 * is read before the rows: a batch stored in between is read now and again next time, never missed.
 */
export function consolidatedStates(db: Db): () => Promise<readonly ComplaintState[]> {
  const states = new Map<string, ComplaintState>();
  let readThrough = 0;
  let ordered: readonly ComplaintState[] = [];
  const serial = createSerial();
  return () =>
    serial(async () => {
      const [head] = await db.query<{ last: string | number | null }>('select max(ho_pos) as last from events');
      const last = Number(head?.last ?? 0);
      if (last === readThrough) return ordered;
      const rows = await db.query<{ state: unknown }>(
        `select c.state from complaints c join (select distinct branch, complaint_id from events where ho_pos > $1) as changed
           on changed.branch = c.branch and changed.complaint_id = c.id`,
        [readThrough],
      );
      for (const { state } of rows) {
        const parsed = parseState(state);
        states.set(keyOf(parsed), parsed);
      }
      readThrough = last;
      ordered = [...states.values()].sort(inReportOrder);
      return ordered;
    });
}

export function headOfficeReportHandlers(deps: ReportDeskDeps): Pick<ApiHandlers, 'reports.branchHtml' | 'reports.savePdf' | 'reports.print'> {
  const { db } = deps;
  const service = createReportService({
    // Every complaint: the comparison period, the six-month trend and open corrective actions reach back past the period.
    complaints: consolidatedStates(db),
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
    // Repeats as `GET /api/v1/kpis` counts them: the same customer at any branch.
    linkCustomers: true,
  });
  // Every head-office account (admin or supervisor) may read the figures of every branch.
  return reportHandlers(service, (caller) => deps.requireUser(caller));
}
