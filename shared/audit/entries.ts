/**
 * The audit log's lines (SPEC §8: complaint information is confidential, and who saw or moved it must be
 * answerable): every document that left the app (shared/export/audit.ts) and every backup, restore, sign-in,
 * failed sign-in and account change. Each line says who, when and what. Old lines (exports only) still parse.
 */
import { z } from 'zod';
import { BackupFailureSchema, BackupTriggerSchema } from '../api/backup';
import { AuditFilterSchema } from './filter';
import type { AUDIT_KINDS } from './kinds';
import { LanguageSchema, RoleSchema } from '../api/schemas';
import { ReportPeriodSchema } from '../report/reportPeriod';
import { EXPORT_AUDIT_VERSION, ExportAuditEntrySchema } from '../export/audit';

export const AUDIT_VERSION = EXPORT_AUDIT_VERSION;

/** The person who acted, signed in; `at` is main's clock. */
const byPerson = { v: z.literal(AUDIT_VERSION), at: z.string(), userId: z.string(), username: z.string(), role: RoleSchema };
/** Backups run by the schedule or at closing, and restores before anyone signs in, have nobody behind them. */
const byPersonOrApp = { v: z.literal(AUDIT_VERSION), at: z.string(), userId: z.string().optional(), username: z.string().optional(), role: RoleSchema.optional() };

const SignInEntrySchema = z.strictObject({ ...byPerson, kind: z.literal('sign-in') });

/** `username`: the name as typed (capped); `reason`: the refusal's code (wrong password, locked out, deactivated). */
const SignInFailedEntrySchema = z.strictObject({
  v: z.literal(AUDIT_VERSION),
  at: z.string(),
  kind: z.literal('sign-in-failed'),
  username: z.string().max(64),
  reason: z.string().max(64),
});

const AccountChangeEntrySchema = z.strictObject({
  ...byPerson,
  kind: z.literal('account-change'),
  action: z.enum(['created', 'updated', 'password-reset', 'own-password-changed']),
  target: z.strictObject({ userId: z.string(), username: z.string() }),
  /** What an update changed, as it is now (never a password). */
  changes: z.strictObject({ role: RoleSchema.optional(), displayName: z.string().optional(), active: z.boolean().optional() }).optional(),
});

const BackupEntrySchema = z.strictObject({
  ...byPersonOrApp,
  kind: z.literal('backup'),
  trigger: BackupTriggerSchema,
  ok: z.boolean(),
  folder: z.string(),
  name: z.string().optional(),
  fileCount: z.number().int().nonnegative().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  verified: z.boolean(),
  journalSeq: z.number().int().nonnegative().optional(),
  failure: BackupFailureSchema.optional(),
});

const RestoreEntrySchema = z.strictObject({
  ...byPersonOrApp,
  kind: z.literal('restore'),
  /** The backup's folder as given. */
  from: z.string(),
  backupCreatedAt: z.string(),
  journalSeq: z.number().int().nonnegative(),
  fileCount: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});

/** The audit log itself exported (it holds names and times of people: it is on record too). */
const AuditExportEntrySchema = z.strictObject({
  ...byPerson,
  kind: z.literal('audit-export'),
  format: z.literal('csv'),
  delivery: z.enum(['saved', 'download']),
  fileName: z.string().optional(),
  path: z.string().optional(),
  rowCount: z.number().int().nonnegative(),
  filter: AuditFilterSchema,
});

/** Personal data removed after retention (SPEC §6): the cut-off confirmed, how many complaints and files. */
const AnonymisationEntrySchema = z.strictObject({
  ...byPerson,
  kind: z.literal('anonymisation'),
  endedBefore: z.string(),
  complaints: z.number().int().nonnegative(),
  evidenceFiles: z.number().int().nonnegative(),
});

/**
 * A branch report that reached the person (SPEC §6 "Reports"): the period, how (saved, downloaded, printed, or
 * handed to the browser-mode print preview) and how many complaints it covered.
 */
const ReportEntrySchema = z.strictObject({
  ...byPerson,
  kind: z.literal('report'),
  period: ReportPeriodSchema,
  format: z.enum(['pdf', 'printer', 'html']),
  delivery: z.enum(['saved', 'download', 'printed', 'preview']),
  language: LanguageSchema,
  complaintCount: z.number().int().nonnegative(),
  fileName: z.string().optional(),
  path: z.string().optional(),
});
export type ReportAuditEntry = z.infer<typeof ReportEntrySchema>;

const ActivityEntrySchema = z.discriminatedUnion('kind', [
  SignInEntrySchema,
  SignInFailedEntrySchema,
  AccountChangeEntrySchema,
  BackupEntrySchema,
  RestoreEntrySchema,
  AuditExportEntrySchema,
  AnonymisationEntrySchema,
  ReportEntrySchema,
]);

export const AuditEntrySchema = z.union([ExportAuditEntrySchema, ActivityEntrySchema]);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditKind = AuditEntry['kind'];

// Every kind a line can have is in the filter's list, and the list names no kind a line cannot have.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsListed: Same<AuditKind, (typeof AUDIT_KINDS)[number]> = true;
void kindsListed;
