/**
 * The main-process API, declared once (DESIGN.md "One contract between renderer and main"). Each method has
 * a zod schema for its input and its output; types are inferred from them. Electron's preload, main's IPC
 * handlers, the browser-mode HTTP bridge and the renderer's `api.call` all read this one object.
 */
import { z } from 'zod';
import { parseEvent, type DomainEvent } from '../domain/events';
import { JsonText } from './json-text';
import { documentsContract } from './documents';
import { reportsContract } from './reports';
import { recordsContract } from './records';
import { calendarContract } from './calendar';
import { policyContract } from './policy';
import { backupContract } from './backup';
import { auditContract } from './audit';
import { syncContract } from './sync';
import { headOfficeContract } from './headOffice';
import type { Result } from '../result';
import type { ApiMethod } from './methods';
import type { Caller } from './dispatch';
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
import { ComplaintIdSchema, UserIdSchema } from '../brand';
import { PROPOSABLE_ACTIONS } from '../domain/commands/context';

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

/** A string of JSON, parsed (not a JsonText, whose bytes are turned into such a string first). */
const JsonStringSchema = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'the page is not JSON' });
    return z.NEVER;
  }
});

/**
 * A journal page's events. Main sends on the lines it checked against its journal without parsing and
 * serialising them again (at 1.1 M events that was some 17 s of main's CPU in a restore), as a JsonText
 * (json-text.ts): the list arrives already read with the rest of an HTTP answer, or as the text of the list
 * through Electron's IPC. Every event is parsed here on arrival, as EventSchema does.
 */
export const JournalEventsSchema = z
  .union([z.array(z.unknown()), JsonStringSchema, z.instanceof(JsonText).transform((page) => page.text()).pipe(JsonStringSchema)])
  .pipe(z.array(EventSchema));

const Empty = z.strictObject({});
const SessionUser = z.strictObject({ user: PublicUserSchema });

/** Lengths a bug report may have (`app.reportBug`); the reporting window cuts its texts to them. */
export const BUG_REPORT_LIMITS = { message: 2_000, stack: 20_000, route: 200 } as const;

/** Lengths an OS notification's texts may have (`notifications.show`). */
export const NOTIFICATION_LIMITS = { title: 200, body: 500 } as const;

/** Upper bound of one `journal.read` page. */
export const JOURNAL_PAGE_MAX = 5000;
/** Complaints one `complaints.escalateDue` call may name. */
export const ESCALATION_BATCH_MAX = 500;

/** A window's id for one attempt at a step, kept across its retries. */
const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'request id: 8–64 letters, digits, - or _');

/** What main journaled for a step: its events (and the escalations they set off), in seq order. */
const DecisionSchema = z.strictObject({ events: z.array(EventSchema), journaledThroughSeq: z.number().int().nonnegative() });

export const apiContract = {
  'app.info': {
    input: Empty,
    output: z.strictObject({
      version: z.string(),
      /** `headOffice`: the renderer is served by head office over every branch's records, read-only. */
      mode: z.enum(['electron', 'browser', 'headOffice']),
      dataDir: z.string(),
    }),
  },
  /**
   * A bug a window caught (the root error boundary): main writes it to its log with its own version. Needs no
   * session (a bug may come before sign-in) but is rate-limited per window (`too_many_bug_reports`).
   */
  'app.reportBug': {
    input: z.strictObject({
      message: z.string().max(BUG_REPORT_LIMITS.message),
      stack: z.string().max(BUG_REPORT_LIMITS.stack).optional(),
      route: z.string().max(BUG_REPORT_LIMITS.route),
    }),
    output: Empty,
  },
  /**
   * `problem`: the data folder cannot be set up as new although it is not configured — `branch_file_missing`:
   * branch.json (`path`) was lost while accounts or journaled events remain; restore it from a backup.
   */
  'setup.status': {
    input: Empty,
    output: z.strictObject({
      configured: z.boolean(),
      branch: BranchSetupSchema.optional(),
      problem: z.strictObject({ code: z.enum(['branch_file_missing']), path: z.string() }).optional(),
    }),
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
   * Main decides one step of the signed-in person (DESIGN "Main is the authority"): the command runs on the
   * complaint as main's journal has it, main allocates the sequence and (for a registration) the complaint
   * number, and answers only once the events are fsync'd. Refusals carry the command's stable code and journal
   * nothing. Re-sending the same `requestId` (after a lost answer) returns the first answer, never a second step.
   */
  'complaints.decide': {
    input: z.strictObject({
      requestId: RequestIdSchema,
      action: z.enum(PROPOSABLE_ACTIONS),
      complaintId: ComplaintIdSchema.optional(),
      input: z.unknown(),
      /** Registration only: the assessment entered on the same form, decided with it. */
      assessment: z.unknown().optional(),
    }),
    output: DecisionSchema,
  },
  /**
   * Journals the automatic escalations (system actor) due at main's clock on these complaints; the window's sweep
   * names candidates from its index, the shared rule decides. Complaints with nothing due are left alone.
   */
  'complaints.escalateDue': {
    input: z.strictObject({ complaintIds: z.array(ComplaintIdSchema).min(1).max(ESCALATION_BATCH_MAX) }),
    output: DecisionSchema,
  },
  /**
   * The journal from position `afterSeq` on, oldest first, at most `limit` events; `lastSeq` is the position of
   * the journal's last event. A position counts events: at a branch it is the event's seq; at head office (every
   * branch's events in the order they arrived) it is not, so a reader advances by the events it got, never by
   * their seq.
   */
  'journal.read': {
    input: z.strictObject({
      afterSeq: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(JOURNAL_PAGE_MAX).optional(),
    }),
    output: z.strictObject({
      events: JournalEventsSchema,
      lastSeq: z.number().int().nonnegative(),
      /**
       * The complaints whose last event in the journal, as it stood when the page was read, is on this page: a
       * restore writes their rows as soon as it has them instead of holding every row to the end. A hint only —
       * a later event still reaches the row.
       */
      completedHistories: z.array(ComplaintIdSchema).max(JOURNAL_PAGE_MAX).optional(),
    }),
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
  ...reportsContract,
  ...recordsContract,
  ...calendarContract,
  ...policyContract,
  ...backupContract,
  ...auditContract,
  /**
   * Shows an OS notification from main (Electron; a click brings the window forward) for the signed-in person's
   * window. Browser mode answers `shown: false`: there the page uses the web Notification API itself.
   */
  'notifications.show': {
    input: z.strictObject({ title: z.string().min(1).max(NOTIFICATION_LIMITS.title), body: z.string().max(NOTIFICATION_LIMITS.body) }),
    output: z.strictObject({ shown: z.boolean() }),
  },
  ...syncContract,
  ...headOfficeContract,
} as const satisfies Record<ApiMethod, { input: z.ZodType; output: z.ZodType }>; // every method, no stray ones

export type ApiContract = typeof apiContract;
/** What a caller passes (before parsing): e.g. optional fields may be left out. */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a service receives after the dispatcher has parsed the input. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;
/** What a service answers, before the caller parses it: `ApiOutput` but for a journal page's events, sent as text. */
export type ApiAnswer<M extends ApiMethod> = z.input<ApiContract[M]['output']>;

/** One service function per method; the dispatcher calls it only with parsed input. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, caller: Caller) => Promise<Result<ApiAnswer<M>>>;
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
