/**
 * Automatic local backups (SPEC §6: 备案归档): into the folder the admin chose, when one is due by the policy's
 * interval (looked at every few minutes while the desk is open), when the desk closes, and on demand. A run
 * never blocks a request: it runs in the background, one at a time, and reports its progress through
 * `status()`. Each run is recorded in `backup.json` (this PC's: it is not itself backed up) and in the audit
 * log; after a good run, old backups of this branch are removed by the rotation policy. A failed run keeps
 * every earlier backup.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { BackupRecordSchema, type BackupProgress, type BackupRecord, type BackupStatus } from '../../shared/api/backup';
import type { BranchSetup, PublicUser } from '../../shared/api/schemas';
import { AUDIT_VERSION } from '../../shared/audit/entries';
import { backupsToKeep, type StoredBackup } from '../../shared/backup/rotation';
import { backupWarning } from '../../shared/backup/warning';
import type { Policy } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import { readManifest } from './backupManifest';
import { BackupError, backupPrefix, listBackups, writeBackup, type BackupSource } from './backupWriter';
import type { DataLayout } from './dataDir';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { describeError, type Logger } from './log';
import { DeskOpenError } from './openProblem';
import { createSerial } from './serial';

const StateSchema = z.strictObject({
  version: z.literal(1),
  folder: z.string().nullable(),
  last: BackupRecordSchema.nullable(),
  lastGood: BackupRecordSchema.nullable(),
});
type State = z.infer<typeof StateSchema>;
const EMPTY: State = { version: 1, folder: null, last: null, lastGood: null };

/** A failed scheduled run (the USB stick is out) is tried again after this long, not at every look. */
const RETRY_AFTER_MS = 3_600_000;

export interface BackupServiceDeps {
  readonly layout: DataLayout;
  readonly snapshot: BackupSource['snapshot'];
  readonly branch: () => Promise<BranchSetup | undefined>;
  readonly appVersion: string;
  readonly policy: Policy['backup'];
  /** The policy's time zone, for a data folder not set up yet. */
  readonly timeZone: string;
  readonly now: () => Date;
  readonly log: Logger;
  readonly audit: Pick<AuditLog, 'append'>;
  /** How often the schedule looks whether a backup is due (default 10 minutes). */
  readonly checkEveryMs?: number;
}

export interface BackupService {
  status(): Promise<BackupStatus>;
  /** Checks the folder (absolute, outside the data folder, writable; made if missing) and keeps it. */
  setFolder(folder: string): Promise<Result<BackupStatus>>;
  /** Starts a backup in the background; refused without a folder or while one runs. */
  start(by: PublicUser): Promise<Result<BackupStatus>>;
  /** Resolves when no backup runs (tests, and the desk before it closes). */
  idle(): Promise<void>;
  /** Stops the schedule and waits for a run in progress; with `finalBackup`, backs up once more if a folder is set. */
  close(finalBackup: boolean): Promise<void>;
}

export function createBackupService(deps: BackupServiceDeps): BackupService {
  const file = join(deps.layout.root, 'backup.json');
  const serial = createSerial();
  let running: BackupProgress | null = null;
  let current: Promise<void> = Promise.resolve();
  let closed = false;

  async function read(): Promise<State> {
    try {
      return (await readJsonFile(file, StateSchema)) ?? EMPTY;
    } catch (error) {
      if (!(error instanceof DeskOpenError)) throw error;
      deps.log.warn('backup: backup.json is damaged; the backup folder must be chosen again', { file, error: error.message });
      return EMPTY;
    }
  }

  async function status(): Promise<BackupStatus> {
    const state = await read();
    return {
      folder: state.folder,
      intervalHours: deps.policy.intervalHours,
      running,
      last: state.last,
      lastGood: state.lastGood,
      warning: backupWarning(state, deps.now(), deps.policy.intervalHours),
    };
  }

  async function run(trigger: BackupRecord['trigger'], by: PublicUser | undefined): Promise<void> {
    try {
      const state = await read();
      if (!state.folder) return;
      const record = await backUp(trigger, state.folder);
      await serial(async () => {
        const latest = await read();
        await writeJsonAtomic(file, { ...latest, last: record, lastGood: record.ok ? record : latest.lastGood } satisfies State);
      });
      const who = by ? { userId: by.id, username: by.username, role: by.role } : {};
      await deps.audit.append({ v: AUDIT_VERSION, ...who, kind: 'backup', ...record });
    } finally {
      // Only now: a status that shows no run in progress shows this run's record.
      running = null;
    }
  }

  /** Writes, verifies and rotates; answers what happened, never throws for a failure of the folder. */
  async function backUp(trigger: BackupRecord['trigger'], folder: string): Promise<BackupRecord> {
    const at = deps.now();
    const branch = await deps.branch();
    const timeZone = branch?.timeZone ?? deps.timeZone;
    running = { phase: 'copying', doneBytes: 0, totalBytes: 0 };
    try {
      const written = await writeBackup(
        { layout: deps.layout, snapshot: deps.snapshot, branch, appVersion: deps.appVersion },
        folder,
        { now: at, timeZone, onProgress: (progress) => (running = progress) },
      );
      deps.log.info('backup written and verified', { folder, name: written.name, bytes: written.sizeBytes, files: written.manifest.files.length, trigger });
      await rotate(folder, branch, timeZone).catch((error: unknown) => deps.log.warn('backup: old backups could not be removed', { folder, ...describeError(error) }));
      return {
        at: at.toISOString(),
        trigger,
        ok: true,
        name: written.name,
        folder,
        sizeBytes: written.sizeBytes,
        fileCount: written.manifest.files.length,
        verified: true,
        journalSeq: written.manifest.journal.seq,
      };
    } catch (error) {
      const failure = error instanceof BackupError ? error.failure : 'io_error';
      deps.log.error('backup failed', { folder, trigger, failure, ...describeError(error) });
      return { at: at.toISOString(), trigger, ok: false, folder, verified: false, failure };
    }
  }

  /** Removes this branch's backups the rotation does not keep, and `.partial` folders left by a crash. */
  async function rotate(folder: string, branch: BranchSetup | undefined, timeZone: string): Promise<void> {
    const { names, partials } = await listBackups(folder, backupPrefix(branch));
    const stored: StoredBackup[] = [];
    for (const name of names) {
      const manifest = await readManifest(join(folder, name));
      // A folder that is not a readable backup of this branch is never deleted.
      if (manifest.ok && manifest.value.branch?.code === branch?.code) stored.push({ name, createdAt: manifest.value.createdAt });
    }
    const keep = backupsToKeep(stored, deps.policy.keep, timeZone);
    for (const name of [...stored.map((backup) => backup.name).filter((name) => !keep.has(name)), ...partials]) {
      await rm(join(folder, name), { recursive: true, force: true });
      deps.log.info('backup: removed by rotation', { folder, name });
    }
  }

  function launch(trigger: BackupRecord['trigger'], by?: PublicUser): Promise<void> {
    current = current.then(() => run(trigger, by)).catch((error: unknown) => deps.log.error('backup: bug', describeError(error)));
    return current;
  }

  async function due(): Promise<boolean> {
    const state = await read();
    if (!state.folder || running) return false;
    const now = deps.now().getTime();
    if (state.last && !state.last.ok && now - Date.parse(state.last.at) < RETRY_AFTER_MS) return false;
    return !state.lastGood || now - Date.parse(state.lastGood.at) >= deps.policy.intervalHours * 3_600_000;
  }

  const look = () => {
    if (closed) return;
    void due().then(
      (yes) => (yes && !closed ? launch('schedule') : undefined),
      (error: unknown) => deps.log.error('backup: could not read its state', describeError(error)),
    );
  };
  const timer = setInterval(look, deps.checkEveryMs ?? 600_000);
  timer.unref();
  look();

  return {
    status,
    async setFolder(input) {
      if (!isAbsolute(input)) return refuse('backup_folder_not_absolute', `${input}: give the full path of the backup folder`);
      const folder = resolve(input);
      const inside = relative(deps.layout.root, folder);
      if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
        return refuse('backup_folder_inside_data', `${folder} is inside the data folder: a backup must live elsewhere`);
      }
      try {
        await mkdir(folder, { recursive: true });
        const probe = join(folder, `.complaint-desk-probe-${randomBytes(4).toString('hex')}`);
        await writeFile(probe, 'probe');
        await rm(probe, { force: true });
      } catch (error) {
        deps.log.warn('backup: folder not writable', { folder, ...describeError(error) });
        return refuse('backup_folder_unwritable', `${folder} cannot be written to`, { params: { path: folder } });
      }
      await serial(async () => writeJsonAtomic(file, { ...(await read()), folder } satisfies State));
      deps.log.info('backup folder set', { folder });
      return ok(await status());
    },
    async start(by) {
      if (!(await read()).folder) return refuse('backup_folder_not_set', 'Choose a backup folder first.');
      if (running) return refuse('backup_running', 'A backup is running.');
      running = { phase: 'copying', doneBytes: 0, totalBytes: 0 };
      void launch('manual', by);
      return ok(await status());
    },
    idle: () => current,
    async close(finalBackup) {
      closed = true;
      clearInterval(timer);
      await current;
      if (finalBackup) await launch('close');
    },
  };
}
