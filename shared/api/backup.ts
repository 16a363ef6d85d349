/**
 * Contract of backups and restore (SPEC §6: records are archived and kept): the admin chooses a folder (a USB
 * stick, a network share), main backs the data folder up there on a schedule, when the app closes and on
 * demand, and verifies each backup by re-reading it. A new PC's first run restores one into its empty data
 * folder. A backup runs in the background: `backup.run` answers at once and `backup.status` reports progress.
 */
import { z } from 'zod';
import { BranchSetupSchema } from './schemas';

/** Why a backup failed, in words a person can act on; the detail goes to main's log. */
export const BackupFailureSchema = z.enum(['folder_missing', 'disk_full', 'no_permission', 'verify_failed', 'io_error']);
export type BackupFailure = z.infer<typeof BackupFailureSchema>;

export const BackupTriggerSchema = z.enum(['manual', 'schedule', 'close']);

/** One backup run, as `backup.json` keeps the last one and the last good one. */
export const BackupRecordSchema = z.strictObject({
  /** ISO instant the backup was started. */
  at: z.string(),
  trigger: BackupTriggerSchema,
  ok: z.boolean(),
  /** The backup's folder name inside the backup folder. */
  name: z.string().optional(),
  folder: z.string(),
  sizeBytes: z.number().int().nonnegative().optional(),
  fileCount: z.number().int().nonnegative().optional(),
  /** Every file re-read after writing and its SHA-256 matched the manifest. */
  verified: z.boolean(),
  /** The journal's last event in the backup. */
  journalSeq: z.number().int().nonnegative().optional(),
  failure: BackupFailureSchema.optional(),
});
export type BackupRecord = z.infer<typeof BackupRecordSchema>;

export const BackupProgressSchema = z.strictObject({
  phase: z.enum(['copying', 'verifying']),
  doneBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

/** never: no backup folder or no good backup yet; failed: the last run failed; overdue: none within the policy's interval. */
export const BackupWarningSchema = z.enum(['never', 'failed', 'overdue']);
export type BackupWarning = z.infer<typeof BackupWarningSchema>;

export const BackupStatusSchema = z.strictObject({
  folder: z.string().nullable(),
  intervalHours: z.number().int().positive(),
  running: BackupProgressSchema.nullable(),
  last: BackupRecordSchema.nullable(),
  lastGood: BackupRecordSchema.nullable(),
  warning: BackupWarningSchema.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** A folder path as typed or chosen; main checks it is absolute, writable and outside the data folder. */
const FolderPathSchema = z.string().trim().min(1).max(1000);

export const backupContract = {
  /** Admin only: the backup folder, the last backup and its check, a run in progress, and any warning. */
  'backup.status': { input: z.strictObject({}), output: BackupStatusSchema },
  /** Admin only: sets the backup folder (made if missing); refused when not absolute, inside the data folder or not writable. */
  'backup.setFolder': { input: z.strictObject({ folder: FolderPathSchema }), output: BackupStatusSchema },
  /**
   * Admin only, Electron: the system's folder dialog, then the chosen folder is checked and kept like
   * `backup.setFolder`; a cancelled dialog changes nothing. Browser mode refuses `folder_dialog_unavailable`
   * (the admin types the path there).
   */
  'backup.chooseFolder': { input: z.strictObject({}), output: BackupStatusSchema },
  /** Admin only: starts a backup now and answers at once; `backup.status` follows it. Refused while one runs. */
  'backup.run': { input: z.strictObject({}), output: BackupStatusSchema },
  /**
   * First run only, before anyone signs in: restores a backup into this (empty) data folder after verifying
   * every file; a damaged backup is refused naming the file, and nothing in the folder changes. The restored
   * branch's people then sign in with their own accounts.
   */
  'setup.restore': { input: z.strictObject({ path: FolderPathSchema }), output: z.strictObject({ branch: BranchSetupSchema }) },
} as const;
