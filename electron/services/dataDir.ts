/**
 * Where main keeps its files. One folder holds everything, so a backup is a copy of it and `--data-dir`
 * can point a test or a second installation somewhere else.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface DataLayout {
  readonly root: string;
  /** Append-only JSON-lines journal of every domain event. */
  readonly journalFile: string;
  /** The journal's id and confirmed length, kept outside `journal/` (journalCheckpoint.ts). */
  readonly checkpointFile: string;
  /** Held while a desk has the folder open: one writer per data folder (folderLock.ts). */
  readonly lockFile: string;
  readonly branchFile: string;
  readonly usersFile: string;
  readonly settingsFile: string;
  readonly logFile: string;
  /** Append-only JSON lines: every export, PDF and print of complaint data (auditLog.ts); made at the first. */
  readonly exportAuditFile: string;
  /** The holiday notices an admin imported into the working calendar (calendarService.ts); absent until the first. */
  readonly calendarFile: string;
  /** Append-only JSON lines: every notice imported into the working calendar. */
  readonly calendarAuditFile: string;
  /** Every policy version the branch has run (policyService.ts); absent while it runs the shipped default. */
  readonly policyFile: string;
  /** Append-only JSON lines: every policy version saved by an admin or pulled from head office. */
  readonly policyAuditFile: string;
}

export function dataLayout(root: string): DataLayout {
  const absolute = resolve(root);
  return {
    root: absolute,
    journalFile: join(absolute, 'journal', 'events.v1.jsonl'),
    checkpointFile: join(absolute, 'journal.checkpoint.json'),
    lockFile: join(absolute, 'desk.lock'),
    branchFile: join(absolute, 'branch.json'),
    usersFile: join(absolute, 'users.json'),
    settingsFile: join(absolute, 'settings.json'),
    logFile: join(absolute, 'logs', 'main.log'),
    exportAuditFile: join(absolute, 'audit', 'exports.jsonl'),
    calendarFile: join(absolute, 'calendar.json'),
    calendarAuditFile: join(absolute, 'audit', 'calendar.jsonl'),
    policyFile: join(absolute, 'policy.json'),
    policyAuditFile: join(absolute, 'audit', 'policy.jsonl'),
  };
}

export async function ensureDataLayout(layout: DataLayout): Promise<void> {
  await mkdir(join(layout.root, 'journal'), { recursive: true });
  await mkdir(join(layout.root, 'logs'), { recursive: true });
}

/** The value of `--name value` or `--name=value`; undefined when absent or given without a value. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === flag) {
      const value = argv[index + 1];
      return value === undefined || value.startsWith('--') ? undefined : value;
    }
    if (argument?.startsWith(`${flag}=`)) return argument.slice(flag.length + 1) || undefined;
  }
  return undefined;
}
