/**
 * The export audit log's line (SPEC §8: complaint information is confidential): main appends one for every
 * document that leaves the app with complaint data in it — a register export (CSV, Excel), a record sheet saved
 * as PDF, printed through the system dialog, or handed to the browser-mode print preview. A reader of the log
 * learns who, when, what (the register's filter, the complaint) and how many rows.
 */
import { z } from 'zod';
import { RegisterFilterSchema } from '../api/documents';
import { LanguageSchema, RoleSchema } from '../api/schemas';

export const EXPORT_AUDIT_VERSION = 1 as const;

export const ExportAuditEntrySchema = z.strictObject({
  v: z.literal(EXPORT_AUDIT_VERSION),
  /** ISO instant main delivered the document. */
  at: z.string(),
  userId: z.string(),
  username: z.string(),
  role: RoleSchema,
  /** export: the register; pdf, print, print-preview: one complaint's record sheet. */
  kind: z.enum(['export', 'pdf', 'print', 'print-preview']),
  format: z.enum(['csv', 'xlsx', 'pdf', 'printer', 'html']),
  /** saved: to a path the person chose; download: bytes handed to the browser; printed: the dialog printed; preview: HTML handed to the preview. */
  delivery: z.enum(['saved', 'download', 'printed', 'preview']),
  language: LanguageSchema,
  /** Complaints in the document: the register's rows, or 1 for a record sheet. */
  complaintCount: z.number().int().nonnegative(),
  /** Register exports: the complaints the renderer named (ids the journal does not hold are not rows). */
  requestedCount: z.number().int().nonnegative().optional(),
  /** Register exports: the filter that chose the rows, as the renderer described it; absent if it sent none. */
  filter: RegisterFilterSchema.optional(),
  /** Whether personal data was masked (by the reader's role); record sheets are for signature and never are. */
  personalDataMasked: z.boolean(),
  /** Record sheets: the complaint. */
  complaintId: z.string().optional(),
  complaintNumber: z.string().optional(),
  fileName: z.string().optional(),
  /** Where a saved file went (Electron's save dialog). */
  path: z.string().optional(),
});
export type ExportAuditEntry = z.infer<typeof ExportAuditEntrySchema>;
