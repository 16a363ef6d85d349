/**
 * The monthly / quarterly branch report (SPEC §6 "Reports"): main computes every figure from the complaints as its
 * own journal has them (the authority's states) with shared/kpi, renders the document with shared/report, and
 * hands it to the print preview, the PDF engine or the system print dialog — the renderer names only the period.
 *
 * Supervisors and admins only (the figures rank people). Every report that reaches the person is written to the
 * audit log with who, when, the period and how it was delivered; a cancelled save or print dialog is not.
 */
import type { z } from 'zod';
import type { ApiHandlers } from '../../shared/api/contract';
import type { Caller } from '../../shared/api/dispatch';
import type { Delivery } from '../../shared/api/documents';
import { REPORT_ROLES, type reportsContract } from '../../shared/api/reports';
import type { Language, PublicUser, Role } from '../../shared/api/schemas';
import { AUDIT_VERSION, type ReportAuditEntry } from '../../shared/audit/entries';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import type { ComplaintState } from '../../shared/domain/state';
import { kpiFactsOf, withCustomerRepeats, type KpiFacts } from '../../shared/kpi/facts';
import { valueOf } from '../../shared/kpi/selection';
import { inForce, policyFor, type PolicyBook } from '../../shared/policy/book';
import { renderBranchReport } from '../../shared/report/branchReport';
import { ok, refuse, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import type { DocumentPlatform } from './documents';

/** Whose complaints a report covers: a branch's own, or (head office) several branches'. */
export interface ReportScope {
  readonly branches: readonly { readonly code: string; readonly name: string }[];
  /** The heading's and every page's name; by default the branches' names. */
  readonly name?: string;
  /** The zone the period's local days are in. */
  readonly timeZone: string;
}

export interface ReportDeps {
  /**
   * Every complaint of the scope as the authority holds it (a branch's journal, head office's database), as KPI
   * facts under `book` and `calendar`, by date received (`factsOfComplaints`).
   */
  readonly facts: (book: PolicyBook, calendar: WorkingCalendar) => Promise<readonly KpiFacts[]>;
  /** Undefined before a branch is set up. */
  readonly scope: () => Promise<ReportScope | undefined>;
  readonly users: () => Promise<readonly PublicUser[]>;
  readonly language: () => Promise<Language>;
  /** Each complaint is counted under the policy version it was graded under; weights come from the one in force. */
  readonly policies: () => PolicyBook | Promise<PolicyBook>;
  readonly calendar: () => WorkingCalendar;
  readonly now: () => Date;
  readonly platform: DocumentPlatform;
  readonly audit: Pick<AuditLog, 'append'>;
}

type Input = z.output<(typeof reportsContract)['reports.branchHtml']['input']>;

interface Report {
  readonly html: string;
  readonly fileName: string;
  readonly language: Language;
  readonly complaintCount: number;
}

/** Characters a file name may not hold on Windows (a branch name is free text). */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * The complaints' KPI facts, each under the policy version it was graded under, by date received; `linkCustomers`
 * (head office): a complaint whose customer complained before, at any branch, counts as a repeat (shared/kpi/repeats.ts).
 */
export function factsOfComplaints(states: Iterable<ComplaintState>, book: PolicyBook, calendar: WorkingCalendar, linkCustomers = false): KpiFacts[] {
  const facts = [...states].map((state) => kpiFactsOf(state, policyFor(book, state), calendar, linkCustomers)).sort((a, b) => a.receivedMs - b.receivedMs);
  return linkCustomers ? withCustomerRepeats(facts) : facts;
}

export function createReportService(deps: ReportDeps) {
  async function reportFor(input: Input, user: PublicUser): Promise<Result<Report>> {
    const scope = await deps.scope();
    if (!scope) return refuse('not_configured', 'Set up the branch first.');
    const language = input.language ?? (await deps.language());
    const calendar = deps.calendar();
    const book = await deps.policies();
    const facts = await deps.facts(book, calendar);
    const report = renderBranchReport({
      period: { kind: input.kind, start: input.start },
      branches: scope.branches.map((branch) => ({ ...branch, facts: scope.branches.length === 1 ? facts : facts.filter((fact) => valueOf(fact, 'branch') === branch.code) })),
      ...(scope.name ? { scopeName: scope.name } : {}),
      timeZone: scope.timeZone,
      policy: inForce(book).policy,
      users: new Map((await deps.users()).map((u) => [u.id as string, u.displayName])),
      language,
      now: deps.now().toISOString(),
      generatedBy: user.displayName,
    });
    if (!report.ok) {
      return report.problem === 'report_period_future'
        ? refuse('report_period_future', `The ${input.kind} starting ${input.start} has not begun in the branch's time.`)
        : refuse('report_period_invalid', `${input.start} is not the first day of a ${input.kind}.`, { path: 'start' });
    }
    const fileName = `${report.value.title.replace(UNSAFE_IN_FILE_NAME, '-')}.pdf`;
    return ok({ html: report.value.html, fileName, language, complaintCount: report.value.complaintCount });
  }

  const audit = (user: PublicUser, input: Input, report: Report, how: Pick<ReportAuditEntry, 'format' | 'delivery' | 'fileName' | 'path'>) =>
    deps.audit.append({
      v: AUDIT_VERSION,
      at: deps.now().toISOString(),
      userId: user.id,
      username: user.username,
      role: user.role,
      kind: 'report',
      period: { kind: input.kind, start: input.start },
      language: report.language,
      complaintCount: report.complaintCount,
      ...how,
    });

  return {
    /** The report for the print preview: in browser mode the way it is printed, so it is recorded as one. */
    async branchHtml(input: Input, user: PublicUser): Promise<Result<{ html: string; fileName: string }>> {
      const report = await reportFor(input, user);
      if (!report.ok) return report;
      await audit(user, input, report.value, { format: 'html', delivery: 'preview' });
      return ok({ html: report.value.html, fileName: report.value.fileName });
    },

    async savePdf(input: Input, user: PublicUser): Promise<Result<Delivery>> {
      const report = await reportFor(input, user);
      if (!report.ok) return report;
      const pdf = await deps.platform.pdf(report.value.html);
      if (!pdf.ok) return pdf;
      const delivered = await deps.platform.deliver({ fileName: report.value.fileName, mime: 'application/pdf', bytes: pdf.value });
      if (delivered.ok && delivered.value.delivery !== 'cancelled') {
        const { delivery, fileName } = delivered.value;
        await audit(user, input, report.value, { format: 'pdf', delivery, fileName, ...(delivered.value.delivery === 'saved' ? { path: delivered.value.path } : {}) });
      }
      return delivered;
    },

    async print(input: Input, user: PublicUser): Promise<Result<{ printed: boolean }>> {
      const print = deps.platform.print;
      if (!print) return refuse('print_unavailable', 'This mode has no system print dialog; print from the preview instead.');
      const report = await reportFor(input, user);
      if (!report.ok) return report;
      const printed = await print(report.value.html);
      if (printed.ok && printed.value.printed) await audit(user, input, report.value, { format: 'printer', delivery: 'printed' });
      return printed;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

/** The contract's report methods, for a signed-in supervisor or admin. */
export function reportHandlers(
  service: ReportService,
  requireUser: (caller: Caller, roles: readonly Role[]) => Promise<Result<PublicUser>>,
): Pick<ApiHandlers, 'reports.branchHtml' | 'reports.savePdf' | 'reports.print'> {
  const allowed =
    <O>(run: (input: Input, user: PublicUser) => Promise<Result<O>>) =>
    async (input: Input, caller: Caller): Promise<Result<O>> => {
      const user = await requireUser(caller, REPORT_ROLES);
      return user.ok ? run(input, user.value) : user;
    };
  return {
    'reports.branchHtml': allowed(service.branchHtml),
    'reports.savePdf': allowed(service.savePdf),
    'reports.print': allowed(service.print),
  };
}
