/**
 * Restoring a backup (first run on a new PC, or after a disk died): only into a data folder that holds no
 * records yet, and only a backup whose every file is there with its size and SHA-256. The files are first
 * copied into a staging folder inside the target and checked again as they are copied (the backup may sit on
 * a USB stick that fails mid-read); only then are they moved into place, by renames on the same disk. A
 * refused restore leaves the target exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ok, refuse, type Result } from '../../shared/result';
import { readManifest, verifyBackupFiles, type Manifest } from './backupManifest';
import { copyFileHashed } from './backupWriter';
import { dataLayout } from './dataDir';
import { readCheckpoint } from './journalCheckpoint';
import { isMissingFile, syncDirectory } from './jsonFile';

export interface PreparedRestore {
  readonly manifest: Manifest;
  /** Moves the staged files into the data folder (the desk's files must be closed first). */
  commit(): Promise<void>;
  /** Removes the staging folder; the data folder is untouched. */
  discard(): Promise<void>;
}

/** What a data folder may hold and still count as empty: what opening a desk on an empty folder writes. */
const IGNORED_TOP_LEVEL = new Set(['desk.lock', 'logs', 'chromium-profile', 'settings.json', 'backup.json']);

/** Whether the folder holds no records: no branch, accounts, events, attachments or audit lines. */
async function isEmptyDataFolder(root: string): Promise<boolean> {
  const layout = dataLayout(root);
  let entries;
  try {
    entries = await readdir(layout.root, { withFileTypes: true });
  } catch (error) {
    if (isMissingFile(error)) return true;
    throw error;
  }
  for (const entry of entries) {
    if (IGNORED_TOP_LEVEL.has(entry.name) || entry.name.startsWith('.restoring-')) continue;
    const path = join(layout.root, entry.name);
    if (path === layout.checkpointFile) {
      if (((await readCheckpoint(path).catch(() => undefined))?.seq ?? 1) > 0) return false;
    } else if (entry.name === 'journal' && entry.isDirectory()) {
      for (const inner of await readdir(path)) {
        if (join(path, inner) !== layout.journalFile || (await stat(layout.journalFile)).size > 0) return false;
      }
    } else if (!(entry.isDirectory() && (await holdsNoFiles(path)))) {
      return false;
    }
  }
  return true;
}

async function holdsNoFiles(directory: string): Promise<boolean> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (!entry.isDirectory() || !(await holdsNoFiles(join(directory, entry.name)))) return false;
  }
  return true;
}

/**
 * Verifies the backup at `backupDir`, checks `targetRoot` is empty and stages the files inside it. Refused
 * with `backup_not_found`, `backup_manifest_invalid`, `backup_file_missing`, `backup_file_changed` (naming the
 * file) or `restore_target_not_empty`; the target is then as it was.
 */
export async function prepareRestore(backupDir: string, targetRoot: string, onBytes?: (count: number) => void): Promise<Result<PreparedRestore>> {
  const source = resolve(backupDir);
  const manifest = await readManifest(source);
  if (!manifest.ok) return manifest;
  const verified = await verifyBackupFiles(source, manifest.value, onBytes);
  if (!verified.ok) return verified;
  const target = resolve(targetRoot);
  if (!(await isEmptyDataFolder(target))) return refuse('restore_target_not_empty', `${target} already holds records: a backup is restored only into an empty data folder`);

  await mkdir(target, { recursive: true });
  const staging = join(target, `.restoring-${randomBytes(4).toString('hex')}`);
  const discard = () => rm(staging, { recursive: true, force: true });
  try {
    for (const file of manifest.value.files) {
      const copied = await copyFileHashed(join(source, ...file.path.split('/')), join(staging, ...file.path.split('/')));
      if (copied.size !== file.size || copied.sha256 !== file.sha256) {
        await discard();
        return refuse('backup_file_changed', `${file.path} changed while it was being restored`, { params: { file: file.path } });
      }
    }
  } catch (error) {
    await discard();
    if (isMissingFile(error)) return refuse('backup_not_found', `${source}: a file went missing while it was being restored`, { params: { path: source } });
    throw error;
  }

  return {
    ok: true,
    value: {
      manifest: manifest.value,
      discard,
      async commit() {
        for (const file of manifest.value.files) {
          const to = join(target, ...file.path.split('/'));
          await mkdir(dirname(to), { recursive: true });
          await rename(join(staging, ...file.path.split('/')), to);
        }
        for (const folder of new Set(manifest.value.files.map((file) => dirname(join(target, ...file.path.split('/')))))) await syncDirectory(folder);
        await discard();
      },
    },
  };
}

/** Restores into a folder no desk has open (tests, a support tool): prepare, then commit. */
export async function restoreBackup(backupDir: string, targetRoot: string): Promise<Result<Manifest>> {
  const prepared = await prepareRestore(backupDir, targetRoot);
  if (!prepared.ok) return prepared;
  await prepared.value.commit();
  return ok(prepared.value.manifest);
}
