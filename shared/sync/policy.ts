/**
 * Policy push (docs/sync-protocol.md "Policy"): a branch pulls head office's latest published policy (shared/sync/pull.ts).
 * The document is a policy without meaning to the transport: the branch parses it with its own rules.
 */
import { z } from 'zod';
import { pullAnswerSchema } from './pull';

export const PublishedPolicySchema = z.strictObject({
  /** Head office's number; its first publication is 2 (every branch starts on the shipped default, 1). */
  version: z.int().min(2),
  policy: z.record(z.string(), z.unknown()),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublishedPolicy = z.infer<typeof PublishedPolicySchema>;

export const PolicyPullAnswerSchema = pullAnswerSchema(PublishedPolicySchema);
export type PolicyPullAnswer = z.infer<typeof PolicyPullAnswerSchema>;
