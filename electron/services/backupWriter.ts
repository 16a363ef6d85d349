/**
 * Writes one backup of a data folder (backupManifest.ts describes the result). The copy is consistent without
 * stopping the desk: the journal is copied up to a point where every byte before it is fsync'd whole events,
 * with a checkpoint of exactly those events, and it is taken first, so every attachment or account an event
 * in the copy names is already on disk when the other files are copied after it (they are only ever added, or
 * replaced whole by a rename: a file opened once reads as one version). The backup is written to
 * `<name>.partial`, fsync'd, re-read and compared with its manifest, and only then renamed to its name: a
 * folder without `.partial` is a complete, verified backup.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { BackupFailure, BackupProgress } from '../../shared/api/backup';
import type { BranchSetup } from '../../shared/api/schemas';
import { offsetMinutesAt } from '../../shared/calendar/zone';
import type { DataLayout } from './dataDir';
import type { Checkpoint } from './journalCheckpoint';
import { fileExists, syncDirectory } from './jsonFile';
import { BACKUP_FORMAT, BackupFileSchema, MANIFEST_FILE, manifestBytes, verifyBackupFiles, type BackupFile, type Manifest } from './backupManifest';

export interface BackupSource {
  readonly layout: DataLayout;
  readonly snapshot: () => { bytes: number; checkpoint: Checkpoint };
  readonly branch: BranchSetup | undefined;
  readonly appVersion: string;
}

export interface WrittenBackup {
  readonly name: string;
  readonly manifest: Manifest;
  readonly sizeBytes: number;
}

/** A backup that could not be written or did not verify; `detail` is for the log. */
export class BackupError extends Error {
  constructor(
    readonly failure: BackupFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Files of the data folder that are not data: the lock, logs, Electron's profile, this PC's backup settings, leftovers. */
const SKIPPED_TOP_LEVEL = new Set(['desk.lock', 'logs', 'chromium-profile', 'backup.json']);
const isLeftover = (name: string) => name.endsWith('.tmp') || name.endsWith('.pending') || name.startsWith('.restoring-');

/** The data folder's files to back up (relative, forward-slashed), besides the journal and its checkpoint. */
async function dataFilesOf(layout: DataLayout): Promise<string[]> {
  const special = new Set([relativePath(layout.root, layout.journalFile), relativePath(layout.root, layout.checkpointFile)]);
  const found: string[] = [];
  async function walk(directory: string, top: boolean): Promise<void> {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      if ((top && SKIPPED_TOP_LEVEL.has(entry.name)) || isLeftover(entry.name)) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await walk(path, false);
      else if (entry.isFile()) {
        const relativeName = relativePath(layout.root, path);
        if (!special.has(relativeName) && BackupFileSchema.shape.path.safeParse(relativeName).success) found.push(relativeName);
      }
    }
  }
  await walk(layout.root, true);
  return found.sort();
}

const relativePath = (root: string, file: string) => relative(root, file).split(sep).join('/');

/** `complaint-desk-SH01-20261201-0930` in the branch's local time, so the admin recognises it in the folder. */
function backupName(branch: BranchSetup | undefined, at: Date, fallbackTimeZone: string): string {
  const zone = branch?.timeZone ?? fallbackTimeZone;
  const local = new Date(at.getTime() + offsetMinutesAt(zone, at.getTime()) * 60_000).toISOString();
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
  return `${backupPrefix(branch)}${stamp}`;
}

export const backupPrefix = (branch: BranchSetup | undefined) => `complaint-desk-${branch?.code ?? 'new'}-`;
const PARTIAL_SUFFIX = '.partial';

export async function writeBackup(
  source: BackupSource,
  destination: string,
  options: { readonly now: Date; readonly timeZone: string; readonly onProgress: (progress: BackupProgress) => void },
): Promise<WrittenBackup> {
  const { layout } = source;
  // The journal first (see above), then the files it may name.
  const journal = source.snapshot();
  const files = await dataFilesOf(layout);
  let name = backupName(source.branch, options.now, options.timeZone);
  for (let n = 2; (await fileExists(join(destination, name))) || (await fileExists(join(destination, name + PARTIAL_SUFFIX))); n += 1) {
    name = `${backupName(source.branch, options.now, options.timeZone)}-${n}`;
  }
  const partial = join(destination, name + PARTIAL_SUFFIX);
  try {
    await mkdir(partial);
    const copied: BackupFile[] = [];
    // Sizes as listed are the progress estimate; a file appended to meanwhile (the audit log) copies as it was opened.
    let estimate = journal.bytes;
    for (const file of files) estimate += await sizeOf(join(layout.root, file));
    let done = 0;
    const progress = (phase: BackupProgress['phase'], bytes: number) => {
      done += bytes;
      options.onProgress({ phase, doneBytes: Math.min(done, estimate * 2), totalBytes: estimate * 2 });
    };
    copied.push(await copyInto(partial, 'journal/events.v1.jsonl', layout.journalFile, journal.bytes, (bytes) => progress('copying', bytes)));
    copied.push(await writeInto(partial, 'journal.checkpoint.json', Buffer.from(`${JSON.stringify(journal.checkpoint, null, 2)}\n`)));
    for (const file of files) {
      copied.push(await copyInto(partial, file, join(layout.root, ...file.split('/')), undefined, (bytes) => progress('copying', bytes)));
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: options.now.toISOString(),
      appVersion: source.appVersion,
      branch: source.branch ?? null,
      journal: { id: journal.checkpoint.journalId, seq: journal.checkpoint.seq },
      files: copied,
    };
    await writeInto(partial, MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    done = manifestBytes(manifest);
    estimate = done;
    const verified = await verifyBackupFiles(partial, manifest, (bytes) => progress('verifying', bytes));
    if (!verified.ok) throw new BackupError('verify_failed', verified.error.message);
    await rename(partial, join(destination, name));
    await syncDirectory(destination);
    return { name, manifest, sizeBytes: manifestBytes(manifest) };
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof BackupError ? error : new BackupError(failureOf(error), error instanceof Error ? error.message : String(error));
  }
}

async function sizeOf(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** Copies the first `limit` bytes of `source` (all of it as opened, without a limit) to a new file, hashing them on the way. */
export async function copyFileHashed(source: string, target: string, limit?: number, onBytes?: (count: number) => void): Promise<{ size: number; sha256: string }> {
  const input = await open(source, 'r');
  try {
    const size = limit ?? (await input.stat()).size;
    await mkdir(dirname(target), { recursive: true });
    const output = await open(target, 'wx');
    const hash = createHash('sha256');
    let copied = 0;
    try {
      if (size > 0) {
        for await (const chunk of input.createReadStream({ start: 0, end: size - 1, autoClose: false })) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          await writeAll(output, bytes);
          copied += bytes.length;
          onBytes?.(bytes.length);
        }
      }
      await output.sync();
    } finally {
      await output.close();
    }
    return { size: copied, sha256: hash.digest('hex') };
  } finally {
    await input.close();
  }
}

async function copyInto(root: string, path: string, source: string, limit: number | undefined, onBytes: (count: number) => void): Promise<BackupFile> {
  return { path, ...(await copyFileHashed(source, join(root, ...path.split('/')), limit, onBytes)) };
}

async function writeInto(root: string, path: string, data: Buffer): Promise<BackupFile> {
  const target = join(root, ...path.split('/'));
  const output = await open(target, 'wx');
  try {
    await writeAll(output, data);
    await output.sync();
  } finally {
    await output.close();
  }
  return { path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A short write (nearly full disk, network share) is continued; the next write reports the error. */
async function writeAll(handle: Awaited<ReturnType<typeof open>>, data: Buffer): Promise<void> {
  for (let written = 0; written < data.length; ) {
    const { bytesWritten } = await handle.write(data, written);
    if (bytesWritten === 0) throw Object.assign(new Error('the disk took none of the bytes'), { code: 'ENOSPC' });
    written += bytesWritten;
  }
}

function failureOf(error: unknown): BackupFailure {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'folder_missing';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no_permission';
  return 'io_error';
}

/** The backup folders in `destination` whose names start with `prefix` (this branch's): complete ones, and `.partial` ones a crash left. */
export async function listBackups(destination: string, prefix: string): Promise<{ names: string[]; partials: string[] }> {
  const entries = await readdir(destination, { withFileTypes: true });
  const ours = entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix));
  return {
    names: ours.filter((entry) => !entry.name.endsWith(PARTIAL_SUFFIX)).map((entry) => entry.name),
    partials: ours.filter((entry) => entry.name.endsWith(PARTIAL_SUFFIX)).map((entry) => entry.name),
  };
}
