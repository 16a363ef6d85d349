/**
 * A backup is a folder `complaint-desk-<branch>-<local time>/` holding copies of the data folder's files and
 * `manifest.json`: what was backed up, from which branch and journal, and every file's size and SHA-256. A
 * backup is good only when every listed file is there with that size and hash; nothing else in the folder is
 * ever read back. Paths are relative, forward-slashed and stay inside the folder (a manifest is untrusted
 * input when restoring).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BranchSetupSchema } from '../../shared/api/schemas';
import { ok, refuse, type Result } from '../../shared/result';
import { isMissingFile, readTextIfPresent } from './jsonFile';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'complaint-desk-backup';

/** `journal/events.v1.jsonl`-like: segments of safe characters, no `.`/`..` segment, no drive or leading slash. */
const RelativePathSchema = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[\p{L}\p{N} ._()-]+(\/[\p{L}\p{N} ._()-]+)*$/u, 'not a relative path')
  .refine((path) => path.split('/').every((segment) => segment !== '.' && segment !== '..'), 'leaves the backup folder');

export const BackupFileSchema = z.strictObject({
  path: RelativePathSchema,
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const ManifestSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    createdAt: z.string(),
    appVersion: z.string(),
    /** Null when the data folder was not set up yet. */
    branch: BranchSetupSchema.nullable(),
    journal: z.strictObject({ id: z.string(), seq: z.number().int().nonnegative() }),
    files: z.array(BackupFileSchema),
  })
  .refine((manifest) => new Set(manifest.files.map((file) => file.path.toLowerCase())).size === manifest.files.length, 'a file is listed twice');
export type Manifest = z.infer<typeof ManifestSchema>;

export const manifestBytes = (manifest: Manifest): number => manifest.files.reduce((sum, file) => sum + file.size, 0);

/** The manifest of the backup at `dir`: `backup_not_found` when there is none, `backup_manifest_invalid` when it does not parse. */
export async function readManifest(dir: string): Promise<Result<Manifest>> {
  let text: string | undefined;
  try {
    text = await readTextIfPresent(join(dir, MANIFEST_FILE));
  } catch {
    text = undefined; // a path that is a file, or a folder that cannot be read, is not a backup either
  }
  if (text === undefined) return refuse('backup_not_found', `${dir} holds no ${MANIFEST_FILE}: not a Complaint Desk backup`, { params: { path: dir } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('backup_manifest_invalid', `${join(dir, MANIFEST_FILE)} is not JSON`, { params: { path: dir } });
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) return refuse('backup_manifest_invalid', `${join(dir, MANIFEST_FILE)}: ${z.prettifyError(parsed.error)}`, { params: { path: dir } });
  return ok(parsed.data);
}

/** Hashes a file as it streams; `undefined` when it does not exist. */
async function hashFile(file: string, onBytes?: (count: number) => void): Promise<{ size: number; sha256: string } | undefined> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      onBytes?.(bytes.length);
    }
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Re-reads every listed file: the first one missing or different is named; nothing is written. */
export async function verifyBackupFiles(dir: string, manifest: Manifest, onBytes?: (count: number) => void): Promise<Result<Manifest>> {
  for (const file of manifest.files) {
    const found = await hashFile(join(dir, ...file.path.split('/')), onBytes);
    if (!found) return refuse('backup_file_missing', `${file.path} is missing from the backup at ${dir}`, { params: { file: file.path } });
    if (found.size !== file.size || found.sha256 !== file.sha256) {
      return refuse('backup_file_changed', `${file.path} in the backup at ${dir} is not what was backed up (size or SHA-256 differs)`, { params: { file: file.path } });
    }
  }
  return ok(manifest);
}
