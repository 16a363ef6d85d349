/**
 * Calendar push (docs/sync-protocol.md "Calendar"): a branch pulls head office's latest published working calendar
 * (shared/sync/pull.ts). A version is the whole set of holiday notices head office applies over the shipped
 * calendar, each with its record; the transport leaves them unread, and the branch parses them with its own rules.
 */
import { z } from 'zod';
import { pullAnswerSchema } from './pull';

/** One calendar can hold a notice per year; far fewer in practice. */
export const PUBLISHED_NOTICES_MAX = 500;

export const PublishedCalendarSchema = z.strictObject({
  /** Head office's number; its first publication is 1 (every branch starts on the shipped calendar). */
  version: z.int().min(1),
  notices: z.array(z.record(z.string(), z.unknown())).max(PUBLISHED_NOTICES_MAX),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublishedCalendar = z.infer<typeof PublishedCalendarSchema>;

export const CalendarPullAnswerSchema = pullAnswerSchema(PublishedCalendarSchema);
export type CalendarPullAnswer = z.infer<typeof CalendarPullAnswerSchema>;
