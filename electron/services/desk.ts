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
import { inForce } from '../../shared/policy/book';
import { ok, refuse, type Result } from '../../shared/result';
import { dataLayout, ensureDataLayout, type DataLayout } from './dataDir';
import { createDocumentService, documentHandlers, downloadDelivery, type DocumentPlatform } from './documents';
import { createReportService, factsOfComplaints, reportHandlers } from './reports';
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
import { openCalendarService } from './calendarService';
import { openPolicyService, PolicyAuditEntrySchema } from './policyService';
import { CalendarAuditEntrySchema } from '../../shared/api/calendar';
import { openAuthority } from './authority';
import { openRetention } from './retention';
import { createSessions, sessionHandlers } from './sessions';
import { journalPageFor } from './personalData';
import { AUDIT_VERSION, type AuditEntry } from '../../shared/audit/entries';
import { auditHandlers } from './auditView';
import { createBackupService } from './backupService';
import { manifestBytes } from './backupManifest';
import { prepareRestore } from './backupRestore';
import { createSerial } from './serial';
import { openSyncEngine, type SyncEngineDeps } from './sync/engine';
import { syncHandlers, type SyncPlatform } from './sync/handlers';
import { syncFiles } from './sync/outboxFile';
import { createFileSecretStore, type SecretStore } from './sync/secretStore';

/** Head office's own screens are not a branch's. */
const headOfficeOnly = async () => refuse('head_office_only', 'This method is answered by head office only.');

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
  /** Electron's `Notification`, for a notice to reach the person outside the window; absent in browser mode. */
  readonly showNotification?: (note: { title: string; body: string }) => boolean;
  /** PDF, print dialog and file delivery; default: browser mode (Chromium headless, bytes back for a download). */
  readonly documents?: DocumentPlatform;
  /** Electron's folder dialog (the backup folder): the chosen path, or undefined when cancelled; absent in browser mode. */
  readonly chooseFolder?: () => Promise<string | undefined>;
  /** A window's session ends after this long without the person's action (default: the policy's, 30 min). */
  readonly sessionIdleMinutes?: number;
  /** Sync with head office: where the secret is kept (default: a 0600 file in the data folder), the dialogs, and test knobs. */
  readonly sync?: {
    /** Keeps one secret in `file` (the branch secret, the personal-data key). */
    readonly secrets?: (file: string, log: Logger) => SecretStore;
    readonly platform?: SyncPlatform;
    readonly tuning?: Pick<SyncEngineDeps, 'schedule' | 'requestTimeoutMs' | 'random'>;
  };
}

export interface Desk {
  readonly layout: DataLayout;
  readonly log: Logger;
  readonly dispatch: Dispatch;
  readonly settings: () => Promise<Settings>;
  /** Backs up once more (when a backup folder is set), waits for appends in flight, closes the journal, then releases the data folder. */
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

/** What one opening of the folder's files holds; a restore closes it and opens the restored files. */
interface OpenServices {
  readonly dispatch: Dispatch;
  readonly settings: () => Promise<Settings>;
  /** `quit`: the desk is closing (back up once more); `reopen`: a restore replaces the files underneath. */
  close(reason: 'quit' | 'reopen'): Promise<void>;
}

async function openLockedDesk(options: DeskOptions, layout: DataLayout, now: () => Date, lock: FolderLock): Promise<Desk> {
  const log = options.log ?? createFileLogger(layout.logFile, now);
  if (lock.tookOver) log.warn('took over the data folder lock of a desk that is no longer running', { holder: lock.tookOver });
  const restoring = createSerial();
  let services: OpenServices;
  /** Closes the files, runs `between` (a restore moving files in), and opens them again whatever happened. */
  const reopen = (between: () => Promise<void>) =>
    restoring(async () => {
      await services.close('reopen');
      try {
        await between();
      } finally {
        services = await openServices(options, layout, now, log, reopen);
      }
    });
  services = await openServices(options, layout, now, log, reopen);
  return {
    layout,
    log,
    dispatch: (method, input, caller) => services.dispatch(method, input, caller),
    settings: () => services.settings(),
    close: () => services.close('quit').finally(() => lock.release()),
  };
}

async function openServices(
  options: DeskOptions,
  layout: DataLayout,
  now: () => Date,
  log: Logger,
  reopen: (between: () => Promise<void>) => Promise<void>,
): Promise<OpenServices> {
  await ensureDataLayout(layout);
  const newId = options.newId ?? (() => `u-${randomUUID()}`);

  const journal = await openJournal<DomainEvent>(layout.journalFile, { parse: parseEvent, log, checkpointFile: layout.checkpointFile });
  const users = createUserStore(layout.usersFile, { now, newId });
  const branches = createBranchStore(layout.branchFile, users, now, () => journal.lastSeq());
  const settings = createSettingsStore(layout.settingsFile, log);
  // Damage in branch.json or users.json is reported now, at start, rather than at someone's first click.
  await branches.status().catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const calendar = await openCalendarService({
    file: layout.calendarFile,
    base: CN_CALENDAR.doc,
    audit: openAuditLog(layout.calendarAuditFile, CalendarAuditEntrySchema),
    // Read when asked, after the sync engine below has opened: once enrolled, head office's calendar wins.
    enrolled: () => sync.status().enrolment !== null,
    now,
  }).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const policies = await openPolicyService({
    file: layout.policyFile,
    audit: openAuditLog(layout.policyAuditFile, PolicyAuditEntrySchema),
    // Read when asked, after the sync engine below has opened: once enrolled, head office's policy wins.
    enrolled: () => sync.status().enrolment !== null,
    now,
  }).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const policyAtOpen = inForce(policies.book()).policy;
  const audit = openAuditLog(layout.exportAuditFile);
  const openDir = openedCopiesDir(layout.root);
  await clearOpenedCopies(openDir);
  const evidence = createEvidenceStore(join(layout.root, 'attachments'), { openDir, openWithSystem: options.openWithSystem });
  const platform = options.documents ?? { pdf: createChromiumPdfEngine(), deliver: downloadDelivery };
  // What every document main writes is made from and goes through: the record sheet, exports and the report.
  const documentBasis = {
    users: () => users.list(),
    language: async () => (await settings.get()).language,
    policies: policies.book,
    calendar: calendar.current,
    now,
    platform,
    audit,
  };
  const documents = createDocumentService({ readJournal: (afterSeq, limit) => journal.read(afterSeq, limit), branch: () => branches.get(), ...documentBasis });
  if (options.language) await settings.update({ language: options.language });

  const authority = await openAuthority({ journal, branch: () => branches.get(), policies: policies.book, calendar: calendar.current, now, newId: () => randomUUID() });
  const reports = createReportService({
    facts: async (book, calendar) => factsOfComplaints(authority.complaints(), book, calendar),
    scope: async () => {
      const branch = await branches.get();
      return branch && { branches: [{ code: branch.code, name: branch.name }], timeZone: branch.timeZone };
    },
    ...documentBasis,
  });
  const retention = await openRetention({
    authority,
    journal,
    removeEvidence: (hash) => evidence.remove(hash),
    policy: () => inForce(policies.book()).policy,
    now,
    log,
    recordRun: (admin, run) => audit.append({ ...by(admin), kind: 'anonymisation', ...run }),
  });
  const sessions = createSessions({ findUser: (id) => users.find(id), now, idleMs: (options.sessionIdleMinutes ?? policyAtOpen.session.idleMinutes) * 60_000 });
  const backups = createBackupService({
    layout,
    snapshot: () => journal.snapshot(),
    branch: () => branches.get(),
    appVersion: options.version,
    policy: policyAtOpen.backup,
    timeZone: policyAtOpen.timeZone,
    now,
    log,
    audit,
  });
  /** Who did it, for the audit log. */
  const by = (user: PublicUser) => ({ v: AUDIT_VERSION, at: now().toISOString(), userId: user.id, username: user.username, role: user.role });
  const accountChange = (admin: PublicUser, action: Extract<AuditEntry, { kind: 'account-change' }>['action'], target: PublicUser, changes?: Extract<AuditEntry, { kind: 'account-change' }>['changes']) =>
    audit.append({ ...by(admin), kind: 'account-change', action, target: { userId: target.id, username: target.username }, ...(changes ? { changes } : {}) });
  const throttle = createSignInThrottle(now);
  const bugReports = createBugReportLimiter(now);
  const startSession = async (caller: Caller, user: PublicUser) => {
    sessions.start(caller.window, user);
    log.info('signed in', { user: user.id, role: user.role });
    await audit.append({ ...by(user), kind: 'sign-in' });
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
  const secretStoreAt = (file: string) => options.sync?.secrets?.(file, log) ?? createFileSecretStore(file);
  const sync = await openSyncEngine({
    journal,
    branchCode: async () => (await branches.get())?.code,
    secrets: secretStoreAt(files.secretFile),
    personalDataKey: secretStoreAt(files.personalDataKeyFile),
    personalData: () => inForce(policies.book()).policy.personalData.toHeadOffice,
    files,
    log,
    now,
    policy: { knownVersion: policies.headOfficeVersion, arrived: (published) => policies.receiveFromHeadOffice(published) },
    calendar: { knownVersion: calendar.headOfficeVersion, arrived: (published) => calendar.receiveFromHeadOffice(published) },
    users: async () => (await users.list()).map(({ id, displayName, role, active }) => ({ id, displayName, role, active })),
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
      await accountChange(admin.value, 'created', admin.value, { role: admin.value.role });
      return startSession(caller, admin.value);
    },
    'setup.restore': async ({ path }) => {
      const status = await branches.status();
      if (status.configured) return refuse('already_configured', 'This branch is already set up.');
      if (journal.lastSeq() > 0 || (await users.list()).length > 0) {
        return refuse('restore_target_not_empty', `${layout.root} already holds records: a backup is restored only into an empty data folder`);
      }
      const prepared = await prepareRestore(path, layout.root);
      if (!prepared.ok) {
        log.warn('restore refused', { from: path, code: prepared.error.code, reason: prepared.error.message });
        return prepared;
      }
      const { manifest } = prepared.value;
      if (!manifest.branch) {
        await prepared.value.discard();
        return refuse('backup_manifest_invalid', `${path} is a backup of a desk that was not set up`, { params: { path } });
      }
      await reopen(() => prepared.value.commit());
      log.info('restored from a backup', { from: path, createdAt: manifest.createdAt, journalSeq: manifest.journal.seq, files: manifest.files.length });
      await audit.append({
        v: AUDIT_VERSION,
        at: now().toISOString(),
        kind: 'restore',
        from: path,
        backupCreatedAt: manifest.createdAt,
        journalSeq: manifest.journal.seq,
        fileCount: manifest.files.length,
        sizeBytes: manifestBytes(manifest),
      });
      return ok({ branch: manifest.branch });
    },
    'auth.signIn': async (input, caller) => {
      // Only a wrong name or password counts as a guess; a deactivated account was given the right one.
      const user = await throttle.attempt(input.username, () => users.verify(input.username, input.password), wrongWhen('bad_credentials'));
      if (!user.ok) {
        if (user.error.code !== 'too_many_attempts') log.warn('sign-in refused', { username: input.username.slice(0, 64), code: user.error.code });
        await audit.append({ v: AUDIT_VERSION, at: now().toISOString(), kind: 'sign-in-failed', username: input.username.slice(0, 64), reason: user.error.code.slice(0, 64) });
        return user;
      }
      return startSession(caller, user.value);
    },
    ...sessionHandlers(sessions),
    'users.list': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ users: await users.list() }) : user;
    },
    'users.create': async (input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const created = await users.create(input);
      if (!created.ok) return created;
      log.info('user created', { by: admin.value.id, user: created.value.id, role: created.value.role });
      await accountChange(admin.value, 'created', created.value, { role: created.value.role });
      return ok({ user: created.value });
    },
    'users.update': async ({ id, ...change }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const updated = await users.update(admin.value.id, id, change);
      if (!updated.ok) return updated;
      log.info('user updated', { by: admin.value.id, user: id, changed: Object.keys(change), role: updated.value.role, active: updated.value.active });
      await accountChange(admin.value, 'updated', updated.value, change);
      return ok({ user: updated.value });
    },
    'users.resetPassword': async ({ id, ...next }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const reset = await users.resetPassword(admin.value.id, id, next);
      if (!reset.ok) return reset;
      log.info('password reset', { by: admin.value.id, user: id });
      await accountChange(admin.value, 'password-reset', reset.value);
      return ok({ user: reset.value });
    },
    // Someone at an unattended, signed-in desk could guess the current password here: throttled like sign-in.
    'users.changeOwnPassword': async ({ currentPassword, ...next }, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const { id, username } = user.value;
      const changed = await throttle.attempt(username, () => users.changeOwnPassword(id, currentPassword, next), wrongWhen('wrong_current_password'));
      if (!changed.ok) return changed;
      log.info('own password changed', { user: id });
      await accountChange(user.value, 'own-password-changed', user.value);
      return ok({});
    },
    'complaints.decide': async ({ requestId, ...request }, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const decided = await authority.decide({ id: user.value.id, role: user.value.role }, requestId, request);
      if (!decided.ok) log.info('step refused', { user: user.value.id, action: request.action, code: decided.error.code });
      else sync.journaled();
      return decided;
    },
    'complaints.escalateDue': async ({ complaintIds }, caller) => {
      const user = await background(caller);
      if (!user.ok) return user;
      const escalated = await authority.escalateDue(complaintIds);
      if (escalated.ok) sync.journaled();
      return escalated;
    },
    'journal.read': async (input, caller) => {
      const user = await background(caller);
      if (!user.ok) return user;
      const { lines, lastSeq } = await journal.readLines(input.afterSeq, input.limit ?? JOURNAL_PAGE_MAX);
      // The lines start after `afterSeq` (a branch's journal holds seq n on line n), or are none past the end.
      return ok({ ...journalPageFor(lines, input.afterSeq + 1, user.value, authority), lastSeq });
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
    'calendar.get': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok(calendar.inForce()) : user;
    },
    'calendar.previewNotice': async (input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      return admin.ok ? calendar.preview(input) : admin;
    },
    'calendar.importNotice': async (input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const imported = await calendar.importNotice(input, admin.value);
      if (imported.ok) log.info('holiday notice imported', { by: admin.value.id, fingerprint: imported.value.fingerprint });
      else log.info('holiday notice refused', { by: admin.value.id, code: imported.error.code });
      return imported;
    },
    'policy.current': async (_input, caller) => {
      const user = await requireUser(caller, ['supervisor', 'admin'], false);
      return user.ok ? ok(policies.current(user.value)) : user;
    },
    // Every window needs the book to count its complaints' deadlines, so every signed-in person may read it.
    'policy.history': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ versions: [...policies.book().versions] }) : user;
    },
    'policy.save': async (input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      const saved = await policies.save(input, admin.value);
      if (saved.ok) log.info('policy saved', { by: admin.value.id, version: saved.value.inForce.policy.version });
      else log.info('policy refused', { by: admin.value.id, code: saved.error.code, path: saved.error.path });
      return saved;
    },
    // A notice the window found by itself (a clock turning, the sweep): not the person's own action.
    'notifications.show': async (note, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ shown: options.showNotification?.(note) ?? false }) : user;
    },
    ...evidenceHandlers(evidence, (caller) => requireUser(caller)),
    ...documentHandlers(documents, (caller) => requireUser(caller)),
    ...reportHandlers(reports, requireUser),
    'backup.status': async (_input, caller) => {
      const admin = await requireUser(caller, ['admin'], false);
      return admin.ok ? ok(await backups.status()) : admin;
    },
    'backup.setFolder': async ({ folder }, caller) => {
      const admin = await requireUser(caller, ['admin']);
      return admin.ok ? backups.setFolder(folder) : admin;
    },
    'backup.chooseFolder': async (_input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      if (!admin.ok) return admin;
      if (!options.chooseFolder) return refuse('folder_dialog_unavailable', 'There is no folder dialog in browser mode: give the path.');
      const chosen = await options.chooseFolder();
      return chosen === undefined ? ok(await backups.status()) : backups.setFolder(chosen);
    },
    'backup.run': async (_input, caller) => {
      const admin = await requireUser(caller, ['admin']);
      return admin.ok ? backups.start(admin.value) : admin;
    },
    ...auditHandlers(
      { audit, branch: () => branches.get(), timeZone: policyAtOpen.timeZone, language: async () => (await settings.get()).language, deliver: platform.deliver, now },
      (caller) => requireUser(caller, ['admin']),
    ),
    ...syncHandlers(sync, options.sync?.platform ?? {}, { signedIn: background, admin: (caller) => requireUser(caller, ['admin']) }),
    'headOffice.branches': headOfficeOnly,
    'headOffice.enrol': headOfficeOnly,
    'headOffice.revoke': headOfficeOnly,
    'headOffice.uploadBatches': headOfficeOnly,
  };
  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput,
    onBug: (method, error) => log.error(`bug in ${method}`, describeError(error)),
  });
  log.info('services opened', { dataDir: layout.root, mode: options.mode, journal: journal.id, journaledThroughSeq: journal.lastSeq() });
  sync.start();
  return {
    dispatch,
    settings: settings.get,
    async close(reason) {
      // The sync round stops first (its request aborted), so nothing reads the journal while it closes; the
      // closing backup is taken while the journal is still open: it needs the journal's snapshot.
      await sync.stop();
      await backups.close(reason === 'quit');
      await journal.close();
    },
  };
}
