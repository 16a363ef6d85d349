/**
 * Shapes that cross the renderer ↔ main boundary besides domain events: users, branch set-up, settings.
 * The main-process files store these same shapes (plus private fields such as the password hash).
 */
import { z } from 'zod';
import { BranchCodeSchema, UserIdSchema } from '../brand';
import { addRefusalIssue, isMixedScript, refuseUnsafeChars } from '../names';

/** SPEC §8: staff register and handle their own; supervisors grade, approve, print, export; admins manage. */
// Declared once, in the domain's vocabulary; the contract speaks of the same roles.
import { RoleSchema, type Role } from '../domain/vocabulary';
export { RoleSchema, type Role };

export const LanguageSchema = z.enum(['zh-CN', 'zh-TW', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Simplified and Traditional Chinese share the written conventions (full-width punctuation, 、 lists, 元); only the script differs. */
export const isChinese = (language: Language): boolean => language !== 'en';

/**
 * Letters, digits, dot, dash and underscore; compared case-insensitively (`usernameKey`). NFKC first, so a
 * full-width "ａｄｍｉｎ" typed on an IME is "admin". Letters of one script, or Latin with Chinese (李娜, li娜);
 * a Latin name with a Cyrillic or Greek look-alike letter in it ("аdmin") is refused.
 */
export const UsernameSchema = z
  .string()
  .normalize('NFKC')
  .trim()
  .superRefine(refuseUnsafeChars)
  .regex(/^[\p{L}\p{N}._-]{2,32}$/u, 'username: 2–32 letters, digits, ".", "-" or "_"')
  .superRefine((username, ctx) => {
    if (isMixedScript(username)) addRefusalIssue(ctx, 'username_mixed_script', 'mixes letters of different scripts');
  });

/** What others see: any text, but nothing invisible or that turns the text around (bidi controls). */
export const DisplayNameSchema = z.string().trim().min(1).max(64).superRefine(refuseUnsafeChars);

/**
 * The branch's name as set-up takes it. `BranchSetupSchema` (which also reads branch.json) stays as lenient
 * as it was, so a branch file written before this check still opens.
 */
export const BranchNameSchema = z.string().trim().min(1).max(80).superRefine(refuseUnsafeChars);

/** Length and shape only; the password rules (minimum length, confirmation) live in `rules.ts`. */
export const PasswordInputSchema = z.string().max(256);

/**
 * An account as the renderer sees it (never the password hash). A deactivated account (`active: false`)
 * cannot sign in and is not offered where a person is chosen, but its name stays in the history.
 */
export const PublicUserSchema = z.strictObject({
  id: UserIdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  /** ISO instant the account was created. */
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

export const BranchSetupSchema = z.strictObject({
  code: BranchCodeSchema,
  name: z.string().trim().min(1).max(80),
  timeZone: z.string().min(1).max(64),
});
export type BranchSetup = z.infer<typeof BranchSetupSchema>;

/** UI preferences that are not worth their own field stay in `prefs` (small scalar values only). */
export const PrefsSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(1000), z.number(), z.boolean()]))
  .refine((prefs) => Object.keys(prefs).length <= 100, 'prefs: at most 100 entries');

export const SettingsSchema = z.strictObject({
  language: LanguageSchema,
  prefs: PrefsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'zh-CN', prefs: {} };
