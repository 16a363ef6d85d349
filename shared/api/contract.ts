/**
 * The main-process API, declared once (DESIGN.md "One contract between renderer and main"). Each method has
 * a zod schema for its input and its output; types are inferred from them. Electron's preload, main's IPC
 * handlers, the browser-mode HTTP bridge and the renderer's `api.call` all read this one object.
 */
import { z } from 'zod';
import { parseEvent, type DomainEvent } from '../domain/events';
import { documentsContract } from './documents';
import type { Result } from '../result';
import type { ApiMethod } from './methods';
import {
  BranchNameSchema,
  BranchSetupSchema,
  DisplayNameSchema,
  LanguageSchema,
  PasswordInputSchema,
  PrefsSchema,
  PublicUserSchema,
  RoleSchema,
  SettingsSchema,
  UsernameSchema,
} from './schemas';
import { EvidenceContentSchema, EvidenceGetInputSchema, EvidenceOpenedSchema, EvidenceOpenInputSchema, EvidencePutInputSchema } from './evidence';
import { EvidenceRefSchema } from '../domain/event-payloads';
import { UserIdSchema } from '../brand';

/** A domain event as the domain's own parser accepts it (unknown type or newer version is refused). */
export const EventSchema = z.custom<DomainEvent>().transform((value, ctx) => {
  const parsed = parseEvent(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({
    code: 'custom',
    message: parsed.error.message,
    path: parsed.error.path ? parsed.error.path.split('.') : [],
    params: { code: parsed.error.code },
  });
  return z.NEVER;
});

const Empty = z.strictObject({});
const SessionUser = z.strictObject({ user: PublicUserSchema });

/** Upper bound of one `journal.append` batch and one `journal.read` page. */
export const JOURNAL_PAGE_MAX = 5000;

/**
 * A batch to journal, parsed event by event up to the first bad one, whose path and reason are the refusal.
 * `z.array(EventSchema)` would go on through all 5000 and collect every issue: seconds of work for a page of
 * bad events (checkShape bounds the size, this bounds the work to one bad event).
 */
const EventBatchSchema = z
  .array(z.unknown())
  .min(1)
  .max(JOURNAL_PAGE_MAX)
  .transform((items, ctx) => {
    const events: DomainEvent[] = [];
    for (const [index, item] of items.entries()) {
      const parsed = parseEvent(item);
      if (!parsed.ok) {
        const path = [index, ...(parsed.error.path ? parsed.error.path.split('.') : [])];
        ctx.addIssue({ code: 'custom', message: parsed.error.message, path, params: { code: parsed.error.code } });
        return z.NEVER;
      }
      events.push(parsed.value);
    }
    return events;
  });

export const apiContract = {
  'app.info': {
    input: Empty,
    output: z.strictObject({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
    }),
  },
  'setup.status': {
    input: Empty,
    output: z.strictObject({ configured: z.boolean(), branch: BranchSetupSchema.optional() }),
  },
  /** First start: names the branch and creates its admin, who is then signed in. Refused once configured. */
  'setup.createBranch': {
    input: z.strictObject({
      branchCode: BranchSetupSchema.shape.code,
      branchName: BranchNameSchema,
      timeZone: BranchSetupSchema.shape.timeZone,
      adminUsername: UsernameSchema,
      adminDisplayName: DisplayNameSchema.optional(),
      password: PasswordInputSchema,
      confirmPassword: PasswordInputSchema.optional(),
    }),
    output: SessionUser,
  },
  /**
   * Refused with `bad_credentials`, never saying whether the name or the password was wrong; a deactivated
   * account with the right password is refused with `account_disabled`.
   */
  'auth.signIn': {
    input: z.strictObject({ username: z.string().max(64), password: PasswordInputSchema }),
    output: SessionUser,
  },
  'auth.signOut': { input: Empty, output: Empty },
  /** Who is signed in right now (survives a renderer reload, not a restart of main). */
  'auth.session': { input: Empty, output: z.strictObject({ user: PublicUserSchema.nullable() }) },
  'users.list': { input: Empty, output: z.strictObject({ users: z.array(PublicUserSchema) }) },
  /** Admin only. */
  'users.create': {
    input: z.strictObject({
      username: UsernameSchema,
      displayName: DisplayNameSchema.optional(),
      role: RoleSchema,
      password: PasswordInputSchema,
      confirmPassword: PasswordInputSchema.optional(),
    }),
    output: z.strictObject({ user: PublicUserSchema }),
  },
  /**
   * Admin only: changes another account's role, display name or whether it is active; at least one of them.
   * Refused with `unknown_user`, `last_admin` (the last active admin cannot be deactivated or demoted) and
   * `cannot_deactivate_self`. A deactivated account cannot sign in; its name stays in the history.
   */
  'users.update': {
    input: z
      .strictObject({ id: UserIdSchema, role: RoleSchema.optional(), displayName: DisplayNameSchema.optional(), active: z.boolean().optional() })
      .refine((change) => change.role !== undefined || change.displayName !== undefined || change.active !== undefined, 'give role, displayName or active'),
    output: z.strictObject({ user: PublicUserSchema }),
  },
  /** Admin only: sets another account's password (the admin's own goes through `users.changeOwnPassword`). */
  'users.resetPassword': {
    input: z.strictObject({ id: UserIdSchema, password: PasswordInputSchema, confirmPassword: PasswordInputSchema.optional() }),
    output: z.strictObject({ user: PublicUserSchema }),
  },
  /** The signed-in user's own password; refused with `wrong_current_password` (counted like a wrong sign-in). */
  'users.changeOwnPassword': {
    input: z.strictObject({ currentPassword: PasswordInputSchema, password: PasswordInputSchema, confirmPassword: PasswordInputSchema.optional() }),
    output: Empty,
  },
  /**
   * Appends events to main's fsync'd journal; confirmed only once they are on disk. Sequence numbers must
   * continue the journal without a gap; re-sending events already journaled (same id, same content) is a
   * no-op, so a retry after a lost reply is safe. Requires a signed-in user.
   */
  'journal.append': {
    input: z.strictObject({ events: EventBatchSchema }),
    output: z.strictObject({ journaledThroughSeq: z.number().int().nonnegative() }),
  },
  /** Events with seq > afterSeq, oldest first, at most `limit` (page until the last event's seq = lastSeq). */
  'journal.read': {
    input: z.strictObject({
      afterSeq: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(JOURNAL_PAGE_MAX).optional(),
    }),
    output: z.strictObject({ events: z.array(EventSchema), lastSeq: z.number().int().nonnegative() }),
  },
  'settings.get': { input: Empty, output: SettingsSchema },
  /** Merges the given fields (and prefs keys) into the stored settings; returns the result. */
  'settings.set': {
    input: z.strictObject({ language: LanguageSchema.optional(), prefs: PrefsSchema.optional() }),
    output: SettingsSchema,
  },
  /** Stores an evidence file content-addressed (idempotent); refused when too large or not an allowed type. */
  'evidence.put': { input: EvidencePutInputSchema, output: EvidenceRefSchema },
  /** A stored file, its hash checked on the way out (`evidence_corrupted` if it changed on disk). */
  'evidence.get': { input: EvidenceGetInputSchema, output: EvidenceContentSchema },
  /** Opens a verified copy with the system's default app (Electron); browser mode answers `opened: false`. */
  'evidence.open': { input: EvidenceOpenInputSchema, output: EvidenceOpenedSchema },
  ...documentsContract,
} as const satisfies Record<ApiMethod, { input: z.ZodType; output: z.ZodType }>; // every method, no stray ones

export type ApiContract = typeof apiContract;
/** What a caller passes (before parsing): e.g. optional fields may be left out. */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a service receives after the dispatcher has parsed the input. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/** One service function per method; the dispatcher calls it only with parsed input. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<Result<ApiOutput<M>>>;
};

/** How a `Result` travels over either transport; the receiving side parses it like any other input. */
export const WireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      path: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  }),
]);
