/**
 * One writer per data folder (DESIGN.md "Main is the authority"): the desk holds `desk.lock` while it is open,
 * so a second browser-mode server or Electron on the same folder cannot fork the journal. Electron's
 * single-instance lock does not cover this: browser mode and Electron, or two `--data-dir` runs, never see it.
 *
 * The lock file is written whole to a temporary sibling and then hard-linked into place: a link fails if the
 * name exists, so taking the lock is atomic and the lock file is never seen half-written.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { isMissingFile, readTextIfPresent } from './jsonFile';
import { DeskOpenError, type LockHolder } from './openProblem';

const LockFileSchema = z.strictObject({
  version: z.literal(1),
  pid: z.number().int().positive(),
  hostname: z.string(),
  mode: z.enum(['electron', 'browser']),
  startedAt: z.string(),
});

export interface FolderLock {
  /** A stale lock this one replaced (its holder had died), for the caller to log. */
  readonly tookOver?: LockHolder | 'unreadable';
  /** Removes the lock file, unless another desk has taken it over meanwhile. Safe to call twice. */
  release(): Promise<void>;
}

/** Takes `file` or throws `DeskOpenError` `data_folder_in_use` naming the live holder. Its folder must exist. */
export async function lockDataFolder(file: string, mode: LockHolder['mode'], now: () => Date): Promise<FolderLock> {
  const text = `${JSON.stringify({ version: 1, pid: process.pid, hostname: hostname(), mode, startedAt: now().toISOString() })}\n`;
  let tookOver: FolderLock['tookOver'];
  // A stale lock is moved aside in one round and the free name is taken in the next; a third round only
  // happens when another desk is starting at the very same moment.
  for (let round = 0; round < 3; round += 1) {
    if (await tryCreate(file, text)) return { tookOver, release: () => releaseIfOurs(file, text) };
    const held = await readLock(file);
    if (held === undefined) continue; // released between our two steps
    if (held.holder && isAlive(held.holder)) throw new DeskOpenError({ code: 'data_folder_in_use', file, holder: held.holder });
    if (await moveAsideStale(file, held.text)) tookOver = held.holder ?? 'unreadable';
  }
  throw new Error(`${file}: the lock keeps changing hands; another Complaint Desk is starting on this folder`);
}

async function tryCreate(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** The lock's text and holder (undefined holder: unreadable, e.g. zeroed by a power cut); undefined if gone. */
async function readLock(file: string): Promise<{ text: string; holder?: LockHolder } | undefined> {
  const text = await readTextIfPresent(file);
  if (text === undefined) return undefined;
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { text, holder: parsed.data } : { text };
  } catch {
    return { text };
  }
}

/**
 * A holder on another computer (a shared folder) cannot be checked from here, so it counts as alive. On this
 * computer, signal 0 asks whether the pid exists: ESRCH means it has died; EPERM means it runs as someone else.
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return !(error instanceof Error && 'code' in error && error.code === 'ESRCH');
  }
}

/**
 * Renames the stale lock away. If what was renamed is not the stale text we judged (another desk took the
 * lock over between our read and our rename), it is put back and that desk is the holder.
 */
async function moveAsideStale(file: string, staleText: string): Promise<boolean> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== staleText) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
  return moved === staleText;
}

async function releaseIfOurs(file: string, text: string): Promise<void> {
  const held = await readLock(file);
  if (held?.text === text) await rm(file, { force: true });
}
