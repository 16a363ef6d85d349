/**
 * Branded identifiers (STYLE.md §7): a complaint id, an event id and a branch code are all strings,
 * but mixing them up is a bug the compiler should catch.
 */
import { z } from 'zod';

export const BranchCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,8}$/, 'branch code: 2–8 capital letters or digits')
  .brand<'BranchCode'>();
export type BranchCode = z.infer<typeof BranchCodeSchema>;

export const ComplaintIdSchema = z.string().min(1).max(64).brand<'ComplaintId'>();
export type ComplaintId = z.infer<typeof ComplaintIdSchema>;

export const EventIdSchema = z.string().min(1).max(64).brand<'EventId'>();
export type EventId = z.infer<typeof EventIdSchema>;

export const UserIdSchema = z.string().min(1).max(64).brand<'UserId'>();
export type UserId = z.infer<typeof UserIdSchema>;

/** The actor of what the app does by itself (automatic escalations); shown as 系统 / System. */
export const SYSTEM_USER_ID: UserId = UserIdSchema.parse('system');
