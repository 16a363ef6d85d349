/**
 * Contract shapes of the branch's sync with head office (SPEC §9, issue 12 item 3–4): the state the top bar and
 * the sync panel show, and the admin's controls (enrol by pasting the one-time code, on/off, interval, sync now,
 * USB export of the pending events and reading head office's acknowledgement back). The secret never crosses
 * this boundary: main keeps it.
 */
import { z } from 'zod';
import { BranchCodeSchema } from '../brand';
import { SYNC_REFUSAL_CODES } from '../sync/protocol';

export const SYNC_INTERVAL_MINUTES = { min: 1, max: 1440, default: 5 } as const;

/**
 * Why the last attempt failed: head office's refusal codes, and what the branch finds by itself —
 * `unreachable` (no connection), `timeout` (no answer in time), `bad_response` (something answered that does
 * not speak the protocol), `secret_missing` (the stored secret cannot be read on this computer: enrol again),
 * `journal_behind_head_office` (head office holds more than this desk's journal: the data folder was restored
 * from an older backup).
 */
export const SYNC_PROBLEM_CODES = [...SYNC_REFUSAL_CODES, 'unreachable', 'timeout', 'bad_response', 'secret_missing', 'journal_behind_head_office'] as const;
export const SyncProblemCodeSchema = z.enum(SYNC_PROBLEM_CODES);
export type SyncProblemCode = z.infer<typeof SyncProblemCodeSchema>;

/** The parameters a problem's sentence may use (all optional; only the ones the code carries are present). */
export const SyncProblemParamsSchema = z.strictObject({
  /** `sequence_gap`, `journal_behind_head_office`: where head office stands. */
  expectedFromSeq: z.int().min(1).optional(),
  /** `malformed_event`, `domain_refused`: the event head office named. */
  seq: z.int().min(1).optional(),
  /** `domain_refused`: the shared domain's refusal code. */
  refusal: z.string().max(64).optional(),
  /** `bad_response`: the HTTP status that came back (0 when there was none). */
  httpStatus: z.int().min(0).max(999).optional(),
});

export const SyncProblemSchema = z.strictObject({
  code: SyncProblemCodeSchema,
  params: SyncProblemParamsSchema,
  /** English detail for the log and support (head office's message, the network error); never shown as is. */
  message: z.string().max(2000),
  at: z.iso.datetime({ offset: true }),
});
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

/**
 * What the indicator says, most important first: not enrolled, switched off, an error (head office refused),
 * offline (no connection), events waiting, or everything acknowledged.
 */
export const SyncStateSchema = z.enum(['not_enrolled', 'disabled', 'error', 'offline', 'pending', 'synced']);
export type SyncState = z.infer<typeof SyncStateSchema>;

const Instant = z.iso.datetime({ offset: true });

export const SyncEnrolmentInfoSchema = z.strictObject({
  url: z.string(),
  branch: BranchCodeSchema,
  /** When head office issued the code (the secret's age). */
  issuedAt: Instant,
  enrolledAt: Instant,
});

export const SyncStatusSchema = z.strictObject({
  state: SyncStateSchema,
  /** A round is talking to head office right now. */
  running: z.boolean(),
  enrolment: SyncEnrolmentInfoSchema.nullable(),
  enabled: z.boolean(),
  intervalMinutes: z.int().min(SYNC_INTERVAL_MINUTES.min).max(SYNC_INTERVAL_MINUTES.max),
  journaledThroughSeq: z.int().nonnegative(),
  /** Head office holds every event up to here. */
  ackedThroughSeq: z.int().nonnegative(),
  /** Journaled events head office has not acknowledged yet. */
  pending: z.int().nonnegative(),
  lastSuccessAt: Instant.nullable(),
  lastAttemptAt: Instant.nullable(),
  nextAttemptAt: Instant.nullable(),
  lastError: SyncProblemSchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A server-side path typed by the admin in browser mode; Electron shows its own dialog when it is left out. */
const LocalPathSchema = z.string().trim().min(1).max(1000);

export const syncContract = {
  /** Any signed-in person: the top bar's indicator and the panel. */
  'sync.status': { input: z.strictObject({}), output: SyncStatusSchema },
  /**
   * Admin only: paste head office's one-time code. Refused `invalid_enrolment_code` (not a code, damaged) and
   * `enrolment_wrong_branch` (issued for another branch). Enrolling again (a rotated secret) keeps the progress.
   */
  'sync.enrol': { input: z.strictObject({ code: z.string().max(4000) }), output: SyncStatusSchema },
  /** Admin only: switch sync on or off and set how often it runs. */
  'sync.configure': {
    input: z
      .strictObject({ enabled: z.boolean().optional(), intervalMinutes: z.int().min(SYNC_INTERVAL_MINUTES.min).max(SYNC_INTERVAL_MINUTES.max).optional() })
      .refine((change) => change.enabled !== undefined || change.intervalMinutes !== undefined, 'give enabled or intervalMinutes'),
    output: SyncStatusSchema,
  },
  /**
   * Any signed-in person: try now instead of waiting for the interval or the back-off (`online`: the window saw
   * the network come back). Answers at once; the round runs in the background and `sync.status` follows it.
   */
  'sync.now': { input: z.strictObject({ trigger: z.enum(['manual', 'online']).optional() }), output: SyncStatusSchema },
  /**
   * Admin only: writes the pending events as signed batch files `<batchId>.cdbatch` into a folder (a USB stick),
   * the same batches the network would carry. `cancelled` when the admin closed the folder dialog.
   */
  'sync.exportBatchFile': {
    input: z.strictObject({ folder: LocalPathSchema.optional() }),
    output: z.strictObject({
      cancelled: z.boolean(),
      folder: z.string().optional(),
      files: z.array(z.strictObject({ fileName: z.string(), fromSeq: z.int().min(1), toSeq: z.int().min(1) })),
      status: SyncStatusSchema,
    }),
  },
  /**
   * Admin only: reads head office's signed acknowledgement (a `.cdack` file, or every one in a folder) and
   * advances the pending count. Refused `ack_file_invalid` / `ack_file_bad_signature`, changing nothing.
   */
  'sync.importAck': {
    input: z.strictObject({ path: LocalPathSchema.optional() }),
    output: z.strictObject({ cancelled: z.boolean(), status: SyncStatusSchema }),
  },
} as const;
