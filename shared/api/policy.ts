/**
 * Contract shapes of the policy in force and its history (issue 13 items 3–4): where no head office is
 * enrolled a branch admin saves new versions; once enrolled, head office's published policy arrives with sync
 * and the branch's editor is read-only. Every version stays in the book: a complaint is counted under the
 * version it was graded under.
 */
import { z } from 'zod';
import { PolicyVersionSchema } from '../policy/book';

/** Why this person cannot save a version now: not an admin, or the branch follows head office. */
export const PolicyLockSchema = z.enum(['not_admin', 'head_office']);
export type PolicyLock = z.infer<typeof PolicyLockSchema>;

const PolicyCurrentSchema = z.strictObject({
  inForce: PolicyVersionSchema,
  editable: z.boolean(),
  lockedBecause: PolicyLockSchema.optional(),
});
export type PolicyCurrent = z.infer<typeof PolicyCurrentSchema>;

/** A branch keeps every version it ran; a thousand edits is far beyond any real branch. */
export const POLICY_HISTORY_MAX = 1000;

export const policyContract = {
  /** The version in force for new complaints, where it came from and when, and whether this person may edit it. */
  'policy.current': { input: z.strictObject({}), output: PolicyCurrentSchema },
  /** Every version this branch has run, oldest first (the window's policy book). */
  'policy.history': { input: z.strictObject({}), output: z.strictObject({ versions: z.array(PolicyVersionSchema).max(POLICY_HISTORY_MAX) }) },
  /**
   * Admin only, and only while no head office is enrolled (`policy_from_head_office`): the edited document
   * without `version`; main validates it (`invalid_policy` with the path of the bad field), numbers it after the
   * last version and puts it in force for new complaints. `basedOn` is the version the editor opened; a newer one
   * in force meanwhile is refused `policy_changed`.
   */
  'policy.save': {
    input: z.strictObject({ basedOn: z.int().min(1), policy: z.record(z.string(), z.unknown()) }),
    output: PolicyCurrentSchema,
  },
} as const;
