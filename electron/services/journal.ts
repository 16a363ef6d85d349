/**
 * Main's journal (DESIGN.md "Where data lives"): an append-only JSON-lines file holding every event of the
 * branch, one per line, in sequence order. An append is confirmed only after the bytes are fsync'd, so an
 * event the renderer marks "journaled" survives a crash or a wiped browser storage.
 *
 * Invariants: line n holds the event with seq n (gap-free from 1); every event id appears once; all events
 * belong to one branch. A crash can tear only the last line; opening the journal cuts such a line off.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { ok, refuse, type Result } from '../../shared/result';
import { canonicalJson } from './canonicalJson';
import { isMissingFile, syncDirectory } from './jsonFile';
import { createSerial } from './serial';
import type { Logger } from './log';

/** The envelope fields the journal relies on; the rest of the event is the domain's business. */
export interface JournalEntry {
  readonly id: string;
  readonly seq: number;
  readonly branch: string;
}

export interface Journal<E extends JournalEntry> {
  readonly lastSeq: () => number;
  /** All or nothing: either every new event is on disk, or none is and the refusal says why. */
  append(events: readonly E[], branch: string): Promise<Result<{ journaledThroughSeq: number }>>;
  read(afterSeq: number, limit: number): Promise<{ events: E[]; lastSeq: number }>;
  close(): Promise<void>;
}

export interface JournalOptions<E> {
  /** Parses one stored line (already JSON-decoded); a line it refuses is damage. */
  readonly parse: (value: unknown) => Result<E>;
  readonly log: Logger;
}

interface Indexed {
  readonly seq: number;
  readonly digest: string;
}

const digestOf = (event: unknown): string => createHash('sha256').update(canonicalJson(event)).digest('hex');

export async function openJournal<E extends JournalEntry>(file: string, options: JournalOptions<E>): Promise<Journal<E>> {
  const existed = await fileExists(file);
  const byId = new Map<string, Indexed>();
  // offsets[n] is the byte offset where the line of seq n+1 starts; offsets[lastSeq] is the end of the file.
  const offsets: number[] = [0];
  let branchOfJournal: string | undefined;

  if (existed) {
    const scan = await scanLines(file, options.parse);
    for (const { event, end } of scan.events) {
      if (event.seq !== offsets.length) throw new Error(`journal ${file} is damaged: line ${offsets.length} holds seq ${event.seq}`);
      if (byId.has(event.id)) throw new Error(`journal ${file} is damaged: event ${event.id} appears twice`);
      branchOfJournal ??= event.branch;
      if (event.branch !== branchOfJournal) throw new Error(`journal ${file} is damaged: events of two branches`);
      byId.set(event.id, { seq: event.seq, digest: digestOf(event) });
      offsets.push(end);
    }
    if (scan.tornAt !== undefined) {
      const handle = await open(file, 'r+');
      try {
        await handle.truncate(scan.tornAt);
        await handle.sync();
      } finally {
        await handle.close();
      }
      options.log.warn('journal: cut off a torn last line left by a crash', { file, bytes: scan.size - scan.tornAt });
    }
  }

  const handle: FileHandle = await open(file, 'a');
  if (!existed) await syncDirectory(dirname(file));
  const serial = createSerial();
  let closed = false;
  let closing: Promise<void> | undefined;
  const lastSeq = () => offsets.length - 1;
  const fileEnd = () => offsets[offsets.length - 1] ?? 0;

  function plan(events: readonly E[], branch: string): Result<E[]> {
    const fresh: E[] = [];
    const idsInBatch = new Set<string>();
    for (const event of events) {
      const known = byId.get(event.id);
      if (known) {
        if (known.digest !== digestOf(event)) {
          return refuse('duplicate_event_id', `event ${event.id} is already journaled with different content`, { params: { id: event.id } });
        }
        continue; // a retry of something already on disk
      }
      if (idsInBatch.has(event.id)) return refuse('duplicate_event_id', `event ${event.id} appears twice in the batch`, { params: { id: event.id } });
      idsInBatch.add(event.id);
      if (event.branch !== branch || (branchOfJournal !== undefined && event.branch !== branchOfJournal)) {
        return refuse('wrong_branch', `event ${event.id} belongs to branch ${event.branch}, not ${branch}`, { params: { branch: event.branch } });
      }
      const expected = lastSeq() + fresh.length + 1;
      if (event.seq !== expected) {
        const code = event.seq < expected ? 'seq_taken' : 'seq_gap';
        return refuse(code, `event ${event.id} has seq ${event.seq}; the journal expects ${expected}`, { params: { expected, got: event.seq } });
      }
      fresh.push(event);
    }
    return ok(fresh);
  }

  async function write(fresh: readonly E[]): Promise<void> {
    const lines = fresh.map((event) => `${JSON.stringify(event)}\n`);
    const start = fileEnd();
    try {
      await handle.write(lines.join(''));
      await handle.sync();
    } catch (error) {
      // Never leave half a batch behind: the next append would continue after a torn line.
      await handle.truncate(start).catch(() => undefined);
      throw error;
    }
    let end = start;
    for (const [index, event] of fresh.entries()) {
      end += Buffer.byteLength(lines[index] ?? '');
      offsets.push(end);
      byId.set(event.id, { seq: event.seq, digest: digestOf(event) });
    }
    branchOfJournal ??= fresh[0]?.branch;
  }

  return {
    lastSeq,
    append: (events, branch) =>
      serial(async () => {
        if (closed) return refuse('journal_closed', 'The journal is closed (the app is shutting down).');
        const planned = plan(events, branch);
        if (!planned.ok) return planned;
        if (planned.value.length > 0) await write(planned.value);
        return ok({ journaledThroughSeq: lastSeq() });
      }),
    async read(afterSeq, limit) {
      const last = lastSeq();
      const from = Math.min(afterSeq, last);
      const through = Math.min(from + limit, last);
      if (through <= from) return { events: [], lastSeq: last };
      const start = offsets[from] ?? 0;
      const end = offsets[through] ?? fileEnd();
      const events: E[] = [];
      for await (const line of createInterface({ input: createReadStream(file, { start, end: end - 1 }), crlfDelay: Infinity })) {
        const parsed = options.parse(JSON.parse(line));
        if (!parsed.ok) throw new Error(`journal ${file}: a stored event no longer parses (${parsed.error.message})`);
        events.push(parsed.value);
      }
      return { events, lastSeq: last };
    },
    close() {
      // Appends already queued finish first; later ones are refused.
      closing ??= serial(async () => {
        closed = true;
        await handle.close();
      });
      return closing;
    },
  };
}

interface Scan<E> {
  readonly events: { event: E; end: number }[];
  /** Offset of a damaged last line to cut off, if any. */
  readonly tornAt?: number;
  readonly size: number;
}

/** Reads every line; only the last line may be damaged (torn by a crash), anything earlier is corruption. */
async function scanLines<E>(file: string, parse: (value: unknown) => Result<E>): Promise<Scan<E>> {
  const { size } = await stat(file);
  const events: { event: E; end: number }[] = [];
  let offset = 0;
  let pendingDamage: { at: number; reason: string } | undefined;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (pendingDamage) throw new Error(`journal ${file} is damaged at byte ${pendingDamage.at}: ${pendingDamage.reason}`);
    const start = offset;
    offset += Buffer.byteLength(line) + 1;
    const terminated = offset <= size;
    const decoded = terminated ? decode(line, parse) : refuse('torn', 'line without an end');
    if (!decoded.ok) {
      pendingDamage = { at: start, reason: decoded.error.message };
      continue;
    }
    events.push({ event: decoded.value, end: offset });
  }
  return pendingDamage ? { events, tornAt: pendingDamage.at, size } : { events, size };
}

function decode<E>(line: string, parse: (value: unknown) => Result<E>): Result<E> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return refuse('not_json', 'not JSON');
  }
  return parse(json);
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
}
