/**
 * An audit log: append-only JSON lines, each checked against its schema — `<data-dir>/audit/exports.jsonl`, one
 * per document that left the app, backup, restore, sign-in, failed sign-in or account change (shared/audit/entries.ts),
 * and `audit/calendar.jsonl`, one per holiday notice imported into the working calendar and per version of head
 * office's calendar put in force (shared/api/calendar.ts).
 * An append returns only after the line is fsync'd, so a document the person
 * received is on record even if the PC loses power right after. Lines are never rewritten or removed here.
 */
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from '../../shared/audit/entries';
import { isMissingFile, syncDirectory } from './jsonFile';
import { createSerial } from './serial';

export interface AuditLog<Entry = AuditEntry> {
  /** Appends the entry (checked against its schema: a bad entry is a bug) and fsyncs it. */
  append(entry: Entry): Promise<void>;
  /** Every entry that parses, oldest first; a damaged line is skipped and counted. */
  read(): Promise<{ entries: Entry[]; damagedLines: number }>;
}

/** The audit log of exports, backups, sign-ins and account changes by default; another log names its entries' schema. */
export function openAuditLog(file: string): AuditLog;
export function openAuditLog<Entry>(file: string, schema: z.ZodType<Entry>): AuditLog<Entry>;
export function openAuditLog(file: string, schema: z.ZodType = AuditEntrySchema): AuditLog<unknown> {
  const serial = createSerial();
  /** Whether this process has checked that the file ends with a whole line. */
  let checkedEnd = false;

  /** A crash mid-write can leave a torn last line: the next entry then starts on a line of its own. */
  async function needsNewline(): Promise<boolean> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      if (isMissingFile(error)) return false;
      throw error;
    }
    if (size === 0) return false;
    const handle = await open(file, 'r');
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } finally {
      await handle.close();
    }
  }

  return {
    append: (entry) =>
      serial(async () => {
        const line = `${JSON.stringify(schema.parse(entry))}\n`;
        let prefix = '';
        let created = false;
        if (!checkedEnd) {
          // A new folder is made durable too: its entry lives in the parent folder.
          if ((await mkdir(dirname(file), { recursive: true })) !== undefined) await syncDirectory(dirname(dirname(file)));
          created = !(await stat(file).then(
            () => true,
            (error: unknown) => (isMissingFile(error) ? false : Promise.reject(error)),
          ));
          if (!created && (await needsNewline())) prefix = '\n';
        }
        const handle = await open(file, 'a');
        try {
          await handle.write(prefix + line);
          await handle.sync();
        } finally {
          await handle.close();
        }
        if (created) await syncDirectory(dirname(file));
        checkedEnd = true;
      }),

    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isMissingFile(error)) return { entries: [], damagedLines: 0 };
        throw error;
      }
      const entries: unknown[] = [];
      let damagedLines = 0;
      for (const line of text.split('\n')) {
        if (line === '') continue;
        try {
          const parsed = schema.safeParse(JSON.parse(line));
          if (parsed.success) entries.push(parsed.data);
          else damagedLines += 1;
        } catch {
          damagedLines += 1;
        }
      }
      return { entries, damagedLines };
    },
  };
}
