/**
 * Contract shapes of head office's own screens (issue 13 items 1–2): branch health (last sync, watermark,
 * refusals, clock skew, secret age), enrolling and revoking a branch, and the USB batch-file upload. Only the
 * head-office desk answers them; a branch's desk refuses them with `head_office_only`.
 */
import { z } from 'zod';
import { BranchCodeSchema } from '../brand';
import { BatchResultSchema, SyncRefusalCodeSchema } from '../sync/protocol';
import { BranchNameSchema } from './schemas';

const Instant = z.iso.datetime({ offset: true });

/** Refused batches one branch's health line carries (newest first). */
export const HEALTH_REFUSALS_SHOWN = 5;
/** Files one upload may carry (the same cap as head office's admin endpoint). */
export const UPLOAD_MAX_FILES = 16;

export const RefusedBatchSchema = z.strictObject({
  batchId: z.string().nullable(),
  source: z.enum(['http', 'file']),
  code: SyncRefusalCodeSchema,
  /** Head office's English detail (for support); the screen shows the code's sentence. */
  message: z.string(),
  receivedAt: Instant,
});
export type RefusedBatch = z.infer<typeof RefusedBatchSchema>;

export const BranchHealthSchema = z.strictObject({
  code: BranchCodeSchema,
  name: z.string(),
  /** 'none' (never issued), 'active' or 'revoked'. */
  secret: z.enum(['none', 'active', 'revoked']),
  /** When the secret in use was issued (first issue or last rotation): its age. */
  secretSince: Instant.nullable(),
  secretRevokedAt: Instant.nullable(),
  /** Head office holds every event of the branch up to this seq. */
  ackedThroughSeq: z.int().nonnegative(),
  lastSyncAt: Instant.nullable(),
  /** Branch clock minus head office's at the last online batch, ms (positive: the branch is ahead). */
  clockSkewMs: z.int().nullable(),
  complaints: z.int().nonnegative(),
  /**
   * Batches refused for a gap since the last stored one: the branch sent events past what head office holds
   * (a USB file imported out of order, a lost file). 0 when nothing waits.
   */
  pendingGaps: z.int().nonnegative(),
  /** The latest refusals, newest first (at most HEALTH_REFUSALS_SHOWN). */
  refused: z.array(RefusedBatchSchema),
});
export type BranchHealth = z.infer<typeof BranchHealthSchema>;

const BranchCodeInput = z.strictObject({ code: BranchCodeSchema });

export const UploadResultSchema = z.strictObject({ name: z.string(), result: BatchResultSchema });
export type UploadResult = z.infer<typeof UploadResultSchema>;

export const headOfficeContract = {
  /** Every branch's health line; head-office accounts only. */
  'headOffice.branches': { input: z.strictObject({}), output: z.strictObject({ branches: z.array(BranchHealthSchema) }) },
  /**
   * Head-office admin: creates the branch when new (a name is then required: `branch_name_required`) and issues
   * its secret as the one-time enrolment code; for a known branch a new code rotates the secret (the old one
   * stops working at once). The code is shown once and never stored in readable form.
   */
  'headOffice.enrol': {
    input: z.strictObject({ code: BranchCodeSchema, name: BranchNameSchema.optional() }),
    output: z.strictObject({ branch: BranchHealthSchema, enrolmentCode: z.string() }),
  },
  /** Head-office admin: the branch's batches are refused (`revoked_branch`) until a new code is issued. */
  'headOffice.revoke': { input: BranchCodeInput, output: z.strictObject({ branch: BranchHealthSchema }) },
  /** Head-office admin: batch files from a USB stick, each with its own result (the same checks as online). */
  'headOffice.uploadBatches': {
    input: z.strictObject({
      files: z.array(z.strictObject({ name: z.string().min(1).max(255), base64: z.base64() })).min(1).max(UPLOAD_MAX_FILES),
    }),
    output: z.strictObject({ results: z.array(UploadResultSchema) }),
  },
} as const;
