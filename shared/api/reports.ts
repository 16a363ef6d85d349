/**
 * Contract shapes of the monthly / quarterly branch report (SPEC §6 "Reports"): HTML for the print preview, PDF,
 * and the system print dialog. The renderer names only the period; main computes every figure from its own
 * journal with shared/kpi and renders the document itself (shared/report), as it does the record sheet.
 * Supervisors and admins only; every report that reaches the person is in the audit log.
 */
import { z } from 'zod';
import { ReportPeriodSchema } from '../report/reportPeriod';
import { DeliverySchema } from './documents';
import { LanguageSchema, type Role } from './schemas';

/** Who may have a report: it ranks departments and people. */
export const REPORT_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** The period (refused `report_period_invalid` unless it starts a month / quarter, `report_period_future` before it begins). */
const ReportInput = ReportPeriodSchema.extend({
  /** Defaults to the UI language setting. */
  language: LanguageSchema.optional(),
});

export const reportsContract = {
  /** The report as a self-contained HTML document (no script), for the print preview. */
  'reports.branchHtml': { input: ReportInput, output: z.strictObject({ html: z.string(), fileName: z.string() }) },
  /** The report as PDF (refused `pdf_unavailable` when no PDF engine is installed). */
  'reports.savePdf': { input: ReportInput, output: DeliverySchema },
  /** The system print dialog (Electron); browser mode refuses `print_unavailable` and prints its preview. */
  'reports.print': { input: ReportInput, output: z.strictObject({ printed: z.boolean() }) },
} as const;
