/**
 * What head office publishes for branches to pull (docs/sync-protocol.md §4a): its policy and its working calendar,
 * each numbered one version after another. A branch asks, in a signed envelope like the status probe, for a
 * version newer than the last one it pulled; head office answers its latest, or none.
 */
import { z } from 'zod';

/** The body of a signed pull: head office's number of the version the branch pulled last, 0 before the first. */
export const PullBodySchema = z.strictObject({ knownVersion: z.int().min(0) });
export type PullBody = z.infer<typeof PullBodySchema>;

/** The answer: the latest published version when it is newer than `knownVersion`; otherwise null. */
export const pullAnswerSchema = <T extends z.ZodType>(published: T) =>
  z.strictObject({
    latest: published.nullable(),
    serverTime: z.iso.datetime({ offset: true }),
  });
