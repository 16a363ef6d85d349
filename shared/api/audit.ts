/** Contract of the audit log as admins read it (Settings → Audit log): filtered, newest first, and as CSV. */
import { z } from 'zod';
import { AuditEntrySchema } from '../audit/entries';
import { AuditFilterSchema } from '../audit/filter';
import { DeliverySchema } from './documents';
import { LanguageSchema } from './schemas';

/** Lines one `audit.list` answers with at most (the newest); the CSV export has them all. */
export const AUDIT_PAGE_MAX = 500;

export const auditContract = {
  /** Admin only: the newest matching lines (at most AUDIT_PAGE_MAX), how many match, and how many lines were unreadable. */
  'audit.list': {
    input: z.strictObject({ filter: AuditFilterSchema }),
    output: z.strictObject({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative(), damagedLines: z.number().int().nonnegative() }),
  },
  /** Admin only: every matching line as CSV (itself recorded in the log). */
  'audit.export': {
    input: z.strictObject({ filter: AuditFilterSchema, language: LanguageSchema.optional() }),
    output: DeliverySchema,
  },
} as const;
