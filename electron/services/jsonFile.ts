/**
 * Files written atomically (branch set-up, users, settings, attachments): a crash leaves either the old file
 * or the new one, never half of each. Reading treats the file as untrusted and parses it with its schema.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { DeskOpenError } from './openProblem';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes to a temporary sibling, fsyncs it, renames it over `file` and fsyncs the folder. `mode` is the new
 * file's permissions from its first byte (0o600 for a secret: never readable by others, not even briefly).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o666): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    // A full disk: leave no half-written temporary file behind to hold the space.
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(file));
}

/** Makes a rename or a new file durable. Windows cannot open a directory for fsync; NTFS journals it anyway. */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A file's text, or undefined when it does not exist (any other failure to read it is thrown). */
export async function readTextIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
}

/**
 * The parsed file, or undefined when it does not exist. A file that exists but does not parse is damage, not
 * user input: it throws `DeskOpenError` `data_file_damaged` naming the file, and leaves the file as it is.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | undefined> {
  const text = await readTextIfPresent(file);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DeskOpenError({ code: 'data_file_damaged', file, reason: 'not JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const reason = first ? `${first.path.join('.') || 'file'}: ${first.message}` : 'invalid';
    throw new DeskOpenError({ code: 'data_file_damaged', file, reason });
  }
  return parsed.data;
}

export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
}
