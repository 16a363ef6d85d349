/**
 * The branch's user directory for head office (docs/sync-protocol.md "User directory"): who the ids in a
 * branch's events are, so head office's screens name the assignee and the actor as the branch does. Staff names
 * only — the id, the display name, the role and whether the account is active; never a username or a password
 * hash, never a customer's data. Sent signed, like the status probe, whenever it changed.
 */
import { z } from 'zod';
import { DisplayNameSchema } from '../api/schemas';
import { RoleSchema } from '../domain/vocabulary';
import { UserIdSchema } from '../brand';

/** A branch has a few dozen accounts; this bounds what one request may make head office store. */
export const USER_DIRECTORY_MAX = 1000;

export const DirectoryUserSchema = z.strictObject({
  id: UserIdSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  active: z.boolean(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

/** The body of a signed `POST /api/v1/users`: every account of the branch. */
export const UserDirectoryBodySchema = z.strictObject({ users: z.array(DirectoryUserSchema).max(USER_DIRECTORY_MAX) });
export type UserDirectoryBody = z.infer<typeof UserDirectoryBodySchema>;

export const UserDirectoryAnswerSchema = z.strictObject({
  /** How many accounts head office now holds for the branch. */
  stored: z.int().min(0),
  serverTime: z.iso.datetime({ offset: true }),
});
export type UserDirectoryAnswer = z.infer<typeof UserDirectoryAnswerSchema>;
