/**
 * Contract shapes of records management (SPEC §6 retention, §8): what anonymising would remove, and doing it.
 * Admins only. The preview is what the confirmation shows; the run repeats the count it confirmed, so a record
 * that ended in between is never anonymised without having been shown.
 */
import { z } from 'zod';
import { PersonalFieldSchema } from '../domain/event-payloads';

const InstantSchema = z.iso.datetime({ offset: true });

export const AnonymisationPreviewSchema = z.strictObject({
  /** Complaints that ended before this instant are due (today minus the policy's retention). */
  endedBefore: InstantSchema,
  retentionDays: z.int().positive(),
  complaints: z.int().nonnegative(),
  /** How many of them hold each personal field. */
  fields: z.record(PersonalFieldSchema, z.int().nonnegative()),
  evidenceFiles: z.int().nonnegative(),
  /** The first few complaint numbers, oldest first, for the person to recognise. */
  sample: z.array(z.string()).max(10),
  oldestEnded: InstantSchema.optional(),
  newestEnded: InstantSchema.optional(),
});
export type AnonymisationPreview = z.infer<typeof AnonymisationPreviewSchema>;

export const recordsContract = {
  'records.anonymisationPreview': { input: z.strictObject({}), output: AnonymisationPreviewSchema },
  'records.anonymise': {
    input: z.strictObject({ endedBefore: InstantSchema, complaints: z.int().positive() }),
    output: z.strictObject({ anonymised: z.int().nonnegative(), evidenceFilesDeleted: z.int().nonnegative() }),
  },
} as const;
