/**
 * Policy push (docs/sync-protocol.md "Policy"): a branch asks head office, with a signed envelope like the status
 * probe, for a policy newer than the last one it pulled; head office answers its latest published version, or
 * none. The document is a policy without meaning to the transport: the branch parses it with its own rules.
 */
import { z } from 'zod';

/** The body of a signed `POST /api/v1/policy`: head office's version the branch last pulled, 0 before the first. */
export const PolicyPullBodySchema = z.strictObject({ knownVersion: z.int().min(0) });
export type PolicyPullBody = z.infer<typeof PolicyPullBodySchema>;

export const PublishedPolicySchema = z.strictObject({
  /** Head office's number; its first publication is 2 (every branch starts on the shipped default, 1). */
  version: z.int().min(2),
  policy: z.record(z.string(), z.unknown()),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublishedPolicy = z.infer<typeof PublishedPolicySchema>;

export const PolicyPullAnswerSchema = z.strictObject({
  /** The latest published version when it is newer than `knownVersion`; otherwise null. */
  latest: PublishedPolicySchema.nullable(),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PolicyPullAnswer = z.infer<typeof PolicyPullAnswerSchema>;
