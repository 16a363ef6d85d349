/**
 * Opens main's services over one data folder and binds them to the contract: one handler per method,
 * with the sign-in and role checks. Both transports (Electron IPC, the browser-mode HTTP bridge) get the
 * same `dispatch` from here, so there is one place where a payload is checked and a service is called.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { JOURNAL_PAGE_MAX, type ApiHandlers } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatch';
import type { Language, PublicUser, Role, Settings } from '../../shared/api/schemas';
import type { UserId } from '../../shared/brand';
import { CN_2026_CALENDAR } from '../../shared/calendar/defaults';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import { dataLayout, ensureDataLayout, type DataLayout } from './dataDir';
import { createDocumentService, documentHandlers, downloadDelivery, type DocumentPlatform } from './documents';
import { clearOpenedCopies, createEvidenceStore, evidenceHandlers, openedCopiesDir } from './evidence';
import { openJournal } from './journal';
import { createChromiumPdfEngine } from './pdf';
import { createFileLogger, describeError, type Logger } from './log';
import { createSettingsStore } from './settings';
import { createBranchStore } from './setup';
import { createSignInThrottle, wrongWhen } from './signInThrottle';
import { createUserStore } from './users';

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
}

export interface Desk {
  readonly layout: DataLayout;
  readonly log: Logger;
  readonly dispatch: Dispatch;
  readonly settings: () => Promise<Settings>;
  /** Waits for appends in flight, then closes the journal. */
  close(): Promise<void>;
}

export async function openDesk(options: DeskOptions): Promise<Desk> {
  const layout = dataLayout(options.dataDir);
  await ensureDataLayout(layout);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => `u-${randomUUID()}`);
  const log = options.log ?? createFileLogger(layout.logFile, now);

  const users = createUserStore(layout.usersFile, { now, newId });
  const branches = createBranchStore(layout.branchFile, users, now);
  const settings = createSettingsStore(layout.settingsFile);
  const journal = await openJournal<DomainEvent>(layout.journalFile, { parse: parseEvent, log });
  const openDir = openedCopiesDir(layout.root);
  await clearOpenedCopies(openDir);
  const evidence = createEvidenceStore(join(layout.root, 'attachments'), { openDir, openWithSystem: options.openWithSystem });
  const documents = createDocumentService({
    readJournal: (afterSeq, limit) => journal.read(afterSeq, limit),
    branch: () => branches.get(),
    users: () => users.list(),
    language: async () => (await settings.get()).language,
    policy: DEFAULT_POLICY,
    calendar: CN_2026_CALENDAR,
    now,
    platform: options.documents ?? { pdf: createChromiumPdfEngine(), deliver: downloadDelivery },
  });
  if (options.language) await settings.update({ language: options.language });

  // One window, one person at the counter: the session lives in main and survives a renderer reload.
  let signedIn: UserId | undefined;
  const throttle = createSignInThrottle(now);
  const startSession = (user: PublicUser) => {
    signedIn = user.id;
    log.info('signed in', { user: user.id, role: user.role });
    return ok({ user });
  };
  /** Who is signed in, read fresh each time: a deactivated (or vanished) account's session ends here. */
  async function sessionUser(): Promise<PublicUser | undefined> {
    const user = signedIn && (await users.find(signedIn));
    if (user && user.active) return user;
    signedIn = undefined;
    return undefined;
  }
  async function requireUser(roles?: readonly Role[]): Promise<Result<PublicUser>> {
    const user = await sessionUser();
    if (!user) return refuse('not_signed_in', 'Sign in first.');
    if (roles && !roles.includes(user.role)) return refuse('not_allowed', `Only ${roles.join(' or ')} may do this.`, { params: { role: user.role } });
    return ok(user);
  }

  const handlers: ApiHandlers = {
    'app.info': async () => ok({ version: options.version, mode: options.mode, dataDir: layout.root }),
    'setup.status': async () => {
      const branch = await branches.get();
      return ok(branch ? { configured: true, branch } : { configured: false });
    },
    'setup.createBranch': async (input) => {
      const admin = await branches.configure(
        { code: input.branchCode, name: input.branchName, timeZone: input.timeZone },
        { username: input.adminUsername, displayName: input.adminDisplayName, password: input.password, confirmPassword: input.confirmPassword },
      );
      if (!admin.ok) return admin;
      log.info('branch set up', { branch: input.branchCode });
      return startSession(admin.value);
    },
    'auth.signIn': async (input) => {
      // Only a wrong name or password counts as a guess; a deactivated account was given the right one.
      const user = await throttle.attempt(input.username, () => users.verify(input.username, input.password), wrongWhen('bad_credentials'));
      if (!user.ok) {
        if (user.error.code !== 'too_many_attempts') log.warn('sign-in refused', { username: input.username.slice(0, 64), code: user.error.code });
        return user;
      }
      return startSession(user.value);
    },
    'auth.signOut': async () => {
      signedIn = undefined;
      return ok({});
    },
    'auth.session': async () => ok({ user: (await sessionUser()) ?? null }),
    'users.list': async () => {
      const user = await requireUser();
      return user.ok ? ok({ users: await users.list() }) : user;
    },
    'users.create': async (input) => {
      const admin = await requireUser(['admin']);
      if (!admin.ok) return admin;
      const created = await users.create(input);
      if (created.ok) log.info('user created', { by: admin.value.id, user: created.value.id, role: created.value.role });
      return created.ok ? ok({ user: created.value }) : created;
    },
    'users.update': async ({ id, ...change }) => {
      const admin = await requireUser(['admin']);
      if (!admin.ok) return admin;
      const updated = await users.update(admin.value.id, id, change);
      if (updated.ok) log.info('user updated', { by: admin.value.id, user: id, changed: Object.keys(change), role: updated.value.role, active: updated.value.active });
      return updated.ok ? ok({ user: updated.value }) : updated;
    },
    'users.resetPassword': async ({ id, ...next }) => {
      const admin = await requireUser(['admin']);
      if (!admin.ok) return admin;
      const reset = await users.resetPassword(admin.value.id, id, next);
      if (reset.ok) log.info('password reset', { by: admin.value.id, user: id });
      return reset.ok ? ok({ user: reset.value }) : reset;
    },
    // Someone at an unattended, signed-in desk could guess the current password here: throttled like sign-in.
    'users.changeOwnPassword': async ({ currentPassword, ...next }) => {
      const user = await requireUser();
      if (!user.ok) return user;
      const { id, username } = user.value;
      const changed = await throttle.attempt(username, () => users.changeOwnPassword(id, currentPassword, next), wrongWhen('wrong_current_password'));
      if (!changed.ok) return changed;
      log.info('own password changed', { user: id });
      return ok({});
    },
    'journal.append': async (input) => {
      const user = await requireUser();
      if (!user.ok) return user;
      const branch = await branches.get();
      if (!branch) return refuse('not_configured', 'Set up the branch first.');
      return journal.append(input.events, branch.code);
    },
    'journal.read': async (input) => ok(await journal.read(input.afterSeq, input.limit ?? JOURNAL_PAGE_MAX)),
    'settings.get': async () => ok(await settings.get()),
    'settings.set': async (input) => {
      const next = await settings.update(input);
      if (next.ok) options.onSettingsChanged?.(next.value);
      return next;
    },
    ...evidenceHandlers(evidence, () => requireUser()),
    ...documentHandlers(documents, () => requireUser()),
  };

  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput,
    onBug: (method, error) => log.error(`bug in ${method}`, describeError(error)),
  });
  log.info('services opened', { dataDir: layout.root, mode: options.mode, journaledThroughSeq: journal.lastSeq() });
  return { layout, log, dispatch, settings: settings.get, close: () => journal.close() };
}
