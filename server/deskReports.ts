/**
 * The monthly / quarterly report across branches (issue 13 item 1): the branch's own report service (shared/report
 * through electron/services/reports.ts) over head office's consolidated complaints, every branch a section of the
 * comparison. Head office has no print dialog: the preview prints from the browser, and the PDF comes from
 * Chromium as a download. Head office keeps no audit file: each report delivered is written to its log with who,
 * when, the period and how it was delivered.
 */
import type { ApiHandlers } from '../shared/api/contract';
import type { Caller } from '../shared/api/dispatch';
import type { Language, PublicUser } from '../shared/api/schemas';
import type { AuditEntry } from '../shared/audit/entries';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import { parseState } from './read';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import type { Result } from '../shared/result';
import { downloadDelivery } from '../electron/services/documents';
import { createChromiumPdfEngine } from '../electron/services/pdf';
import { createReportService, reportHandlers } from '../electron/services/reports';
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

export function headOfficeReportHandlers(deps: ReportDeskDeps): Pick<ApiHandlers, 'reports.branchHtml' | 'reports.savePdf' | 'reports.print'> {
  const { db } = deps;
  const service = createReportService({
    // Every complaint: the comparison period, the six-month trend and open corrective actions reach back past the period.
    complaints: async () => (await db.query<{ state: unknown }>('select state from complaints order by branch, received_at, id')).map(({ state }) => parseState(state)),
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
