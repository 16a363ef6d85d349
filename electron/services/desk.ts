/**
 * Opens main's services over one data folder and binds them to the contract: one handler per method,
 * with the sign-in and role checks. Both transports (Electron IPC, the browser-mode HTTP bridge) get the
 * same `dispatch` from here, so there is one place where a payload is checked and a service is called.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_PAGE_MAX, type ApiHandlers } from '../../shared/api/contract';
import { createDispatcher, type Caller, type Dispatch } from '../../shared/api/dispatch';
import type { Language, PublicUser, Role, Settings } from '../../shared/api/schemas';
import { CN_CALENDAR } from '../../shared/calendar/defaults';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import { dataLayout, ensureDataLayout, type DataLayout } from './dataDir';
import { createDocumentService, documentHandlers, downloadDelivery, type DocumentPlatform } from './documents';
import { clearOpenedCopies, createEvidenceStore, evidenceHandlers, openedCopiesDir } from './evidence';
import { lockDataFolder, type FolderLock } from './folderLock';
import { openJournal } from './journal';
import { createChromiumPdfEngine } from './pdf';
import { createFileLogger, describeError, type Logger } from './log';
import { createSettingsStore } from './settings';
import { createBranchStore } from './setup';
import { createBugReportLimiter } from './bugReports';
import { createSignInThrottle, wrongWhen } from './signInThrottle';
import { createUserStore } from './users';
import { openAuditLog } from './auditLog';
import { openAuthority } from './authority';
import { openRetention } from './retention';
import { createSessions } from './sessions';
import { withoutHiddenContacts } from './personalData';
import { openSyncEngine, type SyncEngineDeps } from './sync/engine';
import { syncHandlers, type SyncPlatform } from './sync/handlers';
import { syncFiles, type SyncFiles } from './sync/outboxFile';
import { createFileSecretStore, type SecretStore } from './sync/secretStore';

export interface DeskOptions {
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  /** Check outputs against the contract as well (dev and tests). */
  readonly validateOutput: boolean;
  /** `--lang`: the UI language to start in; stored as the language setting. */
  readonly language?: Language;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly log?: Logger;
  readonly onSettingsChanged?: (settings: Settings) => void;
  /** Electron's `shell.openPath`, to open evidence with the system's default app; absent in browser mode. */
  readonly openWithSystem?: (path: string) => Promise<string>;
  /** PDF, print dialog and file delivery; default: browser mode (Chromium headless, bytes back for a download). */
  readonly documents?: DocumentPlatform;
  /** A window's session ends after this long without the person's action (default: the policy's, 30 min). */
  readonly sessionIdleMinutes?: number;
  /** Sync with head office: where the secret is kept (default: a 0600 file in the data folder), the dialogs, and test knobs. */
  readonly sync?: {
    readonly secrets?: (files: SyncFiles, log: Logger) => SecretStore;
    readonly platform?: SyncPlatform;
    readonly tuning?: Pick<SyncEngineDeps, 'schedule' | 'requestTimeoutMs' | 'random'>;
  };
}

export interface Desk {
  readonly layout: DataLayout;
  readonly log: Logger;
  readonly dispatch: Dispatch;
  readonly settings: () => Promise<Settings>;
  /** Waits for appends in flight, closes the journal, then releases the data folder. */
  close(): Promise<void>;
}

/**
 * Throws `DeskOpenError` (openProblem.ts) when a person must act first: the folder is in use by another desk
 * (refused before anything is written), the journal or a data file is damaged, or the journal was lost.
 */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const layout = dataLayout(options.dataDir);
  const now = options.now ?? (() => new Date());
  await mkdir(layout.root, { recursive: true });
  const lock = await lockDataFolder(layout.lockFile, options.mode, now);
  try {
    return await openLockedDesk(options, layout, now, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLockedDesk(options: DeskOptions, layout: DataLayout, now: () => Date, lock: FolderLock): Promise<Desk> {
  await ensureDataLayout(layout);
  const newId = options.newId ?? (() => `u-${randomUUID()}`);
  const log = options.log ?? createFileLogger(layout.logFile, now);
  if (lock.tookOver) log.warn('took over the data folder lock of a desk that is no longer running', { holder: lock.tookOver });

  const journal = await openJournal<DomainEvent>(layout.journalFile, { parse: parseEvent, log, checkpointFile: layout.checkpointFile });
  const users = createUserStore(layout.usersFile, { now, newId });
  const branches = createBranchStore(layout.branchFile, users, now, () => journal.lastSeq());
  const settings = createSettingsStore(layout.settingsFile, log);
  // Damage in branch.json or users.json is reported now, at start, rather than at someone's first click.
  await branches.status().catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const openDir = openedCopiesDir(layout.root);
  await clearOpenedCopies(openDir);
  const evidence = createEvidenceStore(join(layout.root, 'attachments'), { openDir, openWithSystem: options.openWithSystem });
  const documents = createDocumentService({
    readJournal: (afterSeq, limit) => journal.read(afterSeq, limit),
    branch: () => branches.get(),
    users: () => users.list(),
    language: async () => (await settings.get()).language,
    policy: DEFAULT_POLICY,
    calendar: CN_CALENDAR,
    now,
    platform: options.documents ?? { pdf: createChromiumPdfEngine(), deliver: downloadDelivery },
    audit: openAuditLog(layout.exportAuditFile),
  });
  if (options.language) await settings.update({ language: options.language });

  const authority = await openAuthority({ journal, branch: () => branches.get(), policy: DEFAULT_POLICY, calendar: CN_CALENDAR, now, newId: () => randomUUID() });
  const retention = await openRetention({ authority, journal, removeEvidence: (hash) => evidence.remove(hash), policy: DEFAULT_POLICY, now, log });
  const sessions = createSessions({ findUser: (id) => users.find(id), now, idleMs: (options.sessionIdleMinutes ?? DEFAULT_POLICY.session.idleMinutes) * 60_000 });
  const throttle = createSignInThrottle(now);
  const bugReports = createBugReportLimiter(now);
  const startSession = (caller: Caller, user: PublicUser) => {
    sessions.start(caller.window, user);
    log.info('signed in', { user: user.id, role: user.role });
    return ok({ user });
  };
  /** The window's signed-in person, allowed one of `roles`; a call from a person (not the window's background work) restarts the idle time. */
  async function requireUser(caller: Caller, roles?: readonly Role[], activity = true): Promise<Result<PublicUser>> {
    const user = await sessions.current(caller.window, activity);
    if (!user.ok) return user;
    if (roles && !roles.includes(user.value.role)) return refuse('not_allowed', `Only ${roles.join(' or ')} may do this.`);
    return user;
  }
  const background = (caller: Caller) => requireUser(caller, undefined, false);
  const files = syncFiles(layout.root);
  const sync = await openSyncEngine({
    journal,
    branchCode: async () => (await branches.get())?.code,
    secrets: options.sync?.secrets?.(files, log) ?? createFileSecretStore(files.secretFile),
    files,
    log,
    now,
    ...options.sync?.tuning,
  });

  const handlers: ApiHandlers = {
    'app.info': async () => ok({ version: options.version, mode: options.mode, dataDir: layout.root }),
    // No session needed: a window may break before anyone signs in. The texts were bounded by the contract.
    'app.reportBug': async ({ message, stack, route }, caller) => {
      const admitted = bugReports.admit(caller.window);
      if (!admitted.ok) return admitted;
      log.error('a window reported a bug', { version: options.version, mode: options.mode, window: caller.window.slice(0, 64), route, message, stack });
      return ok({});
    },
    'setup.status': async () => ok(await branches.status()),
    'setup.createBranch': async (input, caller) => {
      const admin = await branches.configure(
        { code: input.branchCode, name: input.branchName, timeZone: input.timeZone },
        { username: input.adminUsername, displayName: input.adminDisplayName, password: input.password, confirmPassword: input.confirmPassword },
      );
      if (!admin.ok) return admin;
      log.info('branch set up', { branch: input.branchCode });
      return startSession(caller, admin.value);
    },
    'auth.signIn': async (input, caller) => {
      // Only a wrong name or password counts as a guess; a deactivated account was given the right one.
      const user = await throttle.attempt(input.username, () => users.verify(input.username, input.password), wrongWhen('bad_credentials'));
      if (!user.ok) {
        if (user.error.code !== 'too_many_attempts') log.warn('sign-in refused', { username: input.username.slice(0, 64), code: user.error.code });
        return user;
      }
      return startSession(caller, user.value);
    },
    'auth.signOut': async (_input, caller) => {
      sessions.end(caller.window);
      return ok({});
    },
    'auth.session': async (_input, caller) => {
      const user = await sessions.current(caller.window, true);
      return ok({ user: user.ok ? user.value : null });
    },
    'users.list': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ users: await users.list() }) : user;
    },
    'users.create': async (input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const created = await users.create(input);
      if (created.ok) log.info('user created', { by: admin.value.id, user: created.value.id, role: created.value.role });
      return created.ok ? ok({ user: created.value }) : created;
    },
    'users.update': async ({ id, ...change }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const updated = await users.update(admin.value.id, id, change);
      if (updated.ok) log.info('user updated', { by: admin.value.id, user: id, changed: Object.keys(change), role: updated.value.role, active: updated.value.active });
      return updated.ok ? ok({ user: updated.value }) : updated;
    },
    'users.resetPassword': async ({ id, ...next }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const reset = await users.resetPassword(admin.value.id, id, next);
      if (reset.ok) log.info('password reset', { by: admin.value.id, user: id });
      return reset.ok ? ok({ user: reset.value }) : reset;
    },
    // Someone at an unattended, signed-in desk could guess the current password here: throttled like sign-in.
    'users.changeOwnPassword': async ({ currentPassword, ...next }, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const { id, username } = user.value;
      const changed = await throttle.attempt(username, () => users.changeOwnPassword(id, currentPassword, next), wrongWhen('wrong_current_password'));
      if (!changed.ok) return changed;
      log.info('own password changed', { user: id });
      return ok({});
    },
    'complaints.decide': async ({ requestId, ...request }, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const decided = await authority.decide({ id: user.value.id, role: user.value.role }, requestId, request);
      if (!decided.ok) log.info('step refused', { user: user.value.id, action: request.action, code: decided.error.code });
      return decided;
    },
    'complaints.escalateDue': async ({ complaintIds }, caller) => {
      const user = await background(caller);
      return user.ok ? authority.escalateDue(complaintIds) : user;
    },
    'journal.read': async (input, caller) => {
      const user = await background(caller);
      if (!user.ok) return user;
      const page = await journal.read(input.afterSeq, input.limit ?? JOURNAL_PAGE_MAX);
      return ok({ ...page, events: withoutHiddenContacts(page.events, user.value, authority.complaint) });
    },
    'settings.get': async () => ok(await settings.get()),
    'settings.set': async (input, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const next = await settings.update(input);
      if (next.ok) options.onSettingsChanged?.(next.value);
      return next;
    },
    'records.anonymisationPreview': async (_input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      return admin.ok ? ok(retention.preview()) : admin;
    },
    'records.anonymise': async ({ endedBefore, complaints }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      return admin.ok ? retention.anonymise(admin.value, endedBefore, complaints) : admin;
    },
    ...evidenceHandlers(evidence, (caller) => requireUser(caller)),
    ...documentHandlers(documents, (caller) => requireUser(caller)),
    ...syncHandlers(sync, options.sync?.platform ?? {}, { signedIn: background, admin: (caller) => requireUser(caller, ['admin']) }),
  };
  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput,
    onBug: (method, error) => log.error(`bug in ${method}`, describeError(error)),
  });
  log.info('services opened', { dataDir: layout.root, mode: options.mode, journal: journal.id, journaledThroughSeq: journal.lastSeq() });
  sync.start();
  // The sync round is stopped first (its request aborted), so nothing reads the journal while it closes.
  const close = () =>
    sync
      .stop()
      .then(() => journal.close())
      .finally(() => lock.release());
  return { layout, log, dispatch, settings: settings.get, close };
}
