/**
 * Contract shapes of the documents main writes (SPEC §6): the record sheet (HTML for the print preview, PDF,
 * the system print dialog) and the register export (CSV, XLSX). Main builds every document from its own journal;
 * the renderer only names the complaints, so a page can never make main render or print markup of its own.
 */
import { z } from 'zod';
import { ComplaintIdSchema } from '../brand';
import { KpiSelectionSchema } from '../kpi/selection';
import { LanguageSchema } from './schemas';

/** Up to this many complaints in one register export (a branch's whole register for years). */
export const EXPORT_MAX_COMPLAINTS = 200_000;

const SheetInput = z.strictObject({
  complaintId: ComplaintIdSchema,
  /** Defaults to the UI language setting. */
  language: LanguageSchema.optional(),
});

const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The register's filter when it was exported, as the renderer describes it (its filter bar's fields; an unset
 * field is left out). Main does not apply it (the renderer names the complaints); it is written to the export
 * audit log so a reader later knows what the exported rows were. Bounded like the filter bar's own inputs.
 */
export const RegisterFilterSchema = z.strictObject({
  search: z.string().max(200).optional(),
  status: z.string().max(64).optional(),
  grade: z.string().max(8).optional(),
  category: z.string().max(64).optional(),
  channel: z.string().max(64).optional(),
  assignee: z.string().max(64).optional(),
  overdue: z.boolean().optional(),
  /** Due soon or overdue at the time of the export. */
  dueSoon: z.boolean().optional(),
  /** T1–T4. */
  tier: z.string().max(8).optional(),
  /** 'any' (every major complaint) or one major flag. */
  major: z.string().max(32).optional(),
  /** Received on or after this local day (`YYYY-MM-DD`, the branch's time). */
  from: z.string().regex(LOCAL_DAY).optional(),
  /** Received on or before this local day. */
  to: z.string().regex(LOCAL_DAY).optional(),
  /** The dashboard figure the rows were opened from (shared/kpi/selection.ts). */
  kpi: KpiSelectionSchema.optional(),
  sort: z.strictObject({ by: z.string().max(32), direction: z.enum(['asc', 'desc']) }).optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilterSchema>;

/**
 * How a written file reached the person: saved where they chose (Electron's save dialog), handed back for the
 * browser to download (browser mode; documents are small), or the save dialog was cancelled.
 */
export const DeliverySchema = z.discriminatedUnion('delivery', [
  z.strictObject({ delivery: z.literal('saved'), fileName: z.string(), path: z.string() }),
  z.strictObject({ delivery: z.literal('download'), fileName: z.string(), mime: z.string(), base64: z.string() }),
  z.strictObject({ delivery: z.literal('cancelled') }),
]);
export type Delivery = z.infer<typeof DeliverySchema>;

export const documentsContract = {
  /** The record sheet as a self-contained HTML document (no script), for the print preview. */
  'documents.recordSheetHtml': {
    input: SheetInput,
    output: z.strictObject({ html: z.string(), fileName: z.string() }),
  },
  /** The record sheet as PDF (refused `pdf_unavailable` when no PDF engine is installed). */
  'documents.savePdf': { input: SheetInput, output: DeliverySchema },
  /** The system print dialog (Electron); browser mode refuses `print_unavailable` and prints its preview. */
  'documents.print': { input: SheetInput, output: z.strictObject({ printed: z.boolean() }) },
  /**
   * The register rows of these complaints (the renderer's current filter), masked per the signed-in role.
   * Every delivered export is written to main's audit log with `filter`, the filter that chose them.
   */
  'exports.register': {
    input: z.strictObject({
      format: z.enum(['csv', 'xlsx']),
      complaintIds: z.array(ComplaintIdSchema).max(EXPORT_MAX_COMPLAINTS),
      language: LanguageSchema.optional(),
      /** The register's filter, for the audit log; optional, so a caller that does not send it still passes. */
      filter: RegisterFilterSchema.optional(),
    }),
    output: DeliverySchema,
  },
} as const;
