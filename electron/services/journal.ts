/**
 * Main's journal (DESIGN.md "Where data lives"): an append-only JSON-lines file holding every event of the
 * branch, one per line, in sequence order. An append is confirmed only after the bytes are fsync'd, so an
 * event the renderer marks "journaled" survives a crash or a wiped browser storage.
 *
 * Invariants: line n holds the event with seq n (gap-free from 1); every event id appears once; all events
 * belong to one branch. A crash can only leave the last line without its newline (torn mid-write): opening
 * cuts that off. Anything else found wrong — a complete line that is not an event, a newer app's event, a
 * broken invariant, a journal shorter than or different from its checkpoint — stops the opening with a
 * `DeskOpenError` naming the file and line, and the bytes stay exactly as they are for a person to restore.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { ok, refuse, type Result } from '../../shared/result';
import { canonicalJson } from './canonicalJson';
import { createCheckpointWriter, lineDigest, readCheckpoint, writeCheckpoint, type Checkpoint } from './journalCheckpoint';
import { fileExists, syncDirectory } from './jsonFile';
import { DeskOpenError } from './openProblem';
import { createSerial } from './serial';
import type { Logger } from './log';

/** The envelope fields the journal relies on; the rest of the event is the domain's business. */
export interface JournalEntry {
  readonly id: string;
  readonly seq: number;
  readonly branch: string;
}

export interface Journal<E extends JournalEntry> {
  /** Random, made with the journal and kept in its checkpoint: which journal this is, for the log and support. */
  readonly id: string;
  readonly lastSeq: () => number;
  /** All or nothing: either every new event is on disk, or none is and the refusal says why. */
  append(events: readonly E[], branch: string): Promise<Result<{ journaledThroughSeq: number }>>;
  read(afterSeq: number, limit: number): Promise<{ events: E[]; lastSeq: number }>;
  /**
   * The stored lines after `afterSeq` (at most `limit`), as the file's UTF-8 bytes without their newlines, each
   * checked to be the line that was parsed when the journal was opened or written since: a page is sent on as it
   * is, without decoding, parsing and serialising it again (issue 8's restore speed).
   */
  readLines(afterSeq: number, limit: number): Promise<{ lines: Uint8Array[]; lastSeq: number }>;
  /**
   * Rewrites stored events in place (same seq, id and line order) with `change`, which returns the event itself
   * when it stays as it is — the one exception to append-only, for removing personal data after retention.
   * The new file is written beside the journal, fsync'd and renamed over it, so a crash leaves either journal
   * whole. The last event may not change: the checkpoint names it, and stays true whatever the crash.
   */
  rewrite(change: (event: E) => E): Promise<{ rewritten: number }>;
  /**
   * A consistent point to copy the journal at (backups): every byte before `bytes` is fsync'd whole events,
   * and `checkpoint` is the checkpoint of exactly those events. Appends after it only add bytes beyond.
   */
  snapshot(): { bytes: number; checkpoint: Checkpoint };
  /** Waits for queued appends, closes the file and writes the checkpoint of the last event. */
  close(): Promise<void>;
}

export interface JournalOptions<E> {
  /**
   * Parses one stored line (already JSON-decoded); a line it refuses is damage. A refusal coded
   * `unsupported_event_version` means a newer app wrote it, which the person fixes differently.
   */
  readonly parse: (value: unknown) => Result<E>;
  readonly log: Logger;
  /** Where the journal's id and confirmed length are kept (journalCheckpoint.ts). */
  readonly checkpointFile: string;
}

interface Indexed {
  readonly seq: number;
  readonly digest: string;
}

const digestOf = (event: unknown): string => createHash('sha256').update(canonicalJson(event)).digest('hex');

/**
 * Lines per checked group. `readLines` checks every whole group it covers against the sha256 of its lines taken
 * when they were parsed (opening) or written (append, rewrite), and parses the lines of the last group, not whole
 * yet. 256, as the renderer's journal blocks (renderer/store/journal-blocks.ts): a catch-up page covers whole groups.
 */
const LINES_PER_GROUP = 256;

/** The sha256 of every whole group of lines, as lines are added in order. */
function groupDigests(): { readonly whole: string[]; add(text: string): void } {
  const whole: string[] = [];
  let open: string[] = [];
  return {
    whole,
    add(text) {
      open.push(text);
      if (open.length < LINES_PER_GROUP) return;
      whole.push(createHash('sha256').update(`${open.join('\n')}\n`).digest('hex'));
      open = [];
    },
  };
}

export async function openJournal<E extends JournalEntry>(file: string, options: JournalOptions<E>): Promise<Journal<E>> {
  const stored = await readCheckpoint(options.checkpointFile);
  const existed = await fileExists(file);
  if (!existed && stored && stored.seq > 0) throw new DeskOpenError({ code: 'journal_missing', file, expected: stored.seq });
  const byId = new Map<string, Indexed>();
  // offsets[n] is the byte offset where the line of seq n+1 starts; offsets[lastSeq] is the end of the file.
  const offsets: number[] = [0];
  let groups = groupDigests();
  let branchOfJournal: string | undefined;
  // The last event's id and stored line, for the checkpoint.
  let lastEvent: { readonly id: string; readonly line: string } | undefined;

  if (existed) {
    const scan = await scanLines(file);
    const damaged = (line: number, reason: string) => new DeskOpenError({ code: 'journal_damaged', file, line, reason });
    for (const { text, line, end } of scan.lines) {
      const event = decode(text, options.parse);
      if (!event.ok) {
        const code = event.error.code === 'unsupported_event_version' ? 'journal_newer_version' : 'journal_damaged';
        throw new DeskOpenError({ code, file, line, reason: event.error.message });
      }
      const { seq, id, branch } = event.value;
      if (seq !== line) throw damaged(line, `holds seq ${seq}`);
      if (byId.has(id)) throw damaged(line, `event ${id} appears twice`);
      branchOfJournal ??= branch;
      if (branch !== branchOfJournal) throw damaged(line, `event of branch ${branch} in the journal of ${branchOfJournal}`);
      byId.set(id, { seq, digest: digestOf(event.value) });
      offsets.push(end);
      groups.add(text);
      lastEvent = { id, line: text };
      if (seq === stored?.seq && (stored.last?.id !== id || stored.last.lineSha256 !== lineDigest(text))) {
        throw new DeskOpenError({ code: 'journal_replaced', file, seq });
      }
    }
    if (stored && offsets.length - 1 < stored.seq) throw new DeskOpenError({ code: 'journal_shortened', file, found: offsets.length - 1, expected: stored.seq });
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

  const checkpointOf = (journalId: string): Checkpoint => ({
    version: 1,
    journalId,
    seq: offsets.length - 1,
    last: lastEvent ? { id: lastEvent.id, lineSha256: lineDigest(lastEvent.line) } : null,
  });
  let onDisk = stored;
  if (!onDisk) {
    // A new journal, or one from before checkpoints existed: from now on its length is recorded.
    onDisk = checkpointOf(randomUUID());
    await writeCheckpoint(options.checkpointFile, onDisk);
    if (existed) options.log.warn('journal: it had no checkpoint yet; recorded one', { file, seq: onDisk.seq });
  }
  const journalId = onDisk.journalId;
  const checkpoints = createCheckpointWriter(options.checkpointFile, onDisk, options.log);

  let handle: FileHandle = await open(file, 'a');
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
          return refuse('duplicate_event_id', `event ${event.id} is already journaled with different content`);
        }
        continue; // a retry of something already on disk
      }
      if (idsInBatch.has(event.id)) return refuse('duplicate_event_id', `event ${event.id} appears twice in the batch`);
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
      // A nearly full disk takes part of a write without an error (a short write): write the rest, and the
      // next write reports ENOSPC. One call alone could confirm a torn line.
      const data = Buffer.from(lines.join(''));
      for (let written = 0; written < data.length; ) {
        const { bytesWritten } = await handle.write(data, written);
        if (bytesWritten === 0) throw new Error(`journal ${file}: the disk took none of the bytes`);
        written += bytesWritten;
      }
      await handle.sync();
    } catch (error) {
      // Never leave half a batch behind: the next append would continue after a torn line.
      await handle.truncate(start).catch(() => undefined);
      throw error;
    }
    let end = start;
    for (const [index, event] of fresh.entries()) {
      const line = lines[index] ?? '';
      end += Buffer.byteLength(line);
      offsets.push(end);
      byId.set(event.id, { seq: event.seq, digest: digestOf(event) });
      groups.add(line.slice(0, -1));
      lastEvent = { id: event.id, line: line.slice(0, -1) };
    }
    branchOfJournal ??= fresh[0]?.branch;
    checkpoints.advance(checkpointOf(journalId));
  }

  async function rewrite(change: (event: E) => E): Promise<{ rewritten: number }> {
    const temp = `${file}.rewrite`;
    const out = await open(temp, 'w');
    const newOffsets = [0];
    const newGroups = groupDigests();
    const changed = new Map<string, Indexed>();
    let end = 0;
    try {
      let buffered: string[] = [];
      const flush = async () => {
        const data = Buffer.from(buffered.join(''));
        buffered = [];
        for (let written = 0; written < data.length; ) written += (await out.write(data, written)).bytesWritten;
      };
      if (lastSeq() > 0) {
        for await (const line of createInterface({ input: createReadStream(file, { start: 0, end: fileEnd() - 1 }), crlfDelay: Infinity })) {
          const stored = options.parse(JSON.parse(line));
          if (!stored.ok) throw new Error(`journal ${file}: a stored event no longer parses (${stored.error.message})`);
          const next = change(stored.value);
          let text = line;
          if (next !== stored.value) {
            if (next.id !== stored.value.id || next.seq !== stored.value.seq) throw new Error(`journal rewrite changed the id or seq of event ${stored.value.id}`);
            if (next.seq === lastSeq()) throw new Error('journal rewrite may not change the last event');
            text = JSON.stringify(next);
            changed.set(next.id, { seq: next.seq, digest: digestOf(next) });
          }
          buffered.push(`${text}\n`);
          newGroups.add(text);
          end += Buffer.byteLength(text) + 1;
          newOffsets.push(end);
          if (buffered.length >= 1000) await flush();
        }
      }
      await flush();
      await out.sync();
    } finally {
      await out.close();
    }
    if (changed.size === 0) {
      await rm(temp, { force: true });
      return { rewritten: 0 };
    }
    await handle.close();
    await rename(temp, file);
    await syncDirectory(dirname(file));
    handle = await open(file, 'a');
    // Same lines in the same order: only the offsets after the first changed line move.
    newOffsets.forEach((offset, index) => (offsets[index] = offset));
    groups = newGroups;
    for (const [id, indexed] of changed) byId.set(id, indexed);
    return { rewritten: changed.size };
  }

  return {
    id: journalId,
    lastSeq,
    rewrite: (change) =>
      serial(async () => {
        if (closed) throw new Error('The journal is closed (the app is shutting down).');
        return rewrite(change);
      }),
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
      for (const line of await linesBetween(file, start, end)) {
        const parsed = options.parse(JSON.parse(line));
        if (!parsed.ok) throw new Error(`journal ${file}: a stored event no longer parses (${parsed.error.message})`);
        events.push(parsed.value);
      }
      return { events, lastSeq: last };
    },
    async readLines(afterSeq, limit) {
      const last = lastSeq();
      const from = Math.min(afterSeq, last);
      const through = Math.min(from + limit, last);
      if (through <= from) return { lines: [], lastSeq: last };
      // Lines are read from the start of the group holding the first one asked for, so every group is checked whole.
      const start = from - (from % LINES_PER_GROUP);
      const wholeEnd = groups.whole.length * LINES_PER_GROUP;
      const end = through <= wholeEnd ? Math.ceil(through / LINES_PER_GROUP) * LINES_PER_GROUP : through;
      const base = offsets[start] ?? 0;
      const bytes = await bytesBetween(file, base, offsets[end] ?? fileEnd());
      for (let group = start / LINES_PER_GROUP; group * LINES_PER_GROUP < Math.min(end, wholeEnd); group += 1) {
        const lines = bytes.subarray((offsets[group * LINES_PER_GROUP] ?? 0) - base, (offsets[(group + 1) * LINES_PER_GROUP] ?? 0) - base);
        if (createHash('sha256').update(lines).digest('hex') !== groups.whole[group]) {
          throw new Error(`journal ${file}: lines ${group * LINES_PER_GROUP + 1}–${(group + 1) * LINES_PER_GROUP} changed on disk since they were read`);
        }
      }
      const lineAt = (seq: number) => bytes.subarray((offsets[seq - 1] ?? 0) - base, (offsets[seq] ?? 0) - base - 1);
      // The last group is not whole yet: its lines are parsed, as `read` does.
      for (let seq = Math.max(from, wholeEnd) + 1; seq <= through; seq += 1) {
        if (!decode(lineAt(seq).toString('utf8'), options.parse).ok) throw new Error(`journal ${file}: the stored event at line ${seq} no longer parses`);
      }
      const lines: Uint8Array[] = [];
      for (let seq = from + 1; seq <= through; seq += 1) lines.push(lineAt(seq));
      return { lines, lastSeq: last };
    },
    snapshot: () => ({ bytes: fileEnd(), checkpoint: checkpointOf(journalId) }),
    close() {
      // Appends already queued finish first; later ones are refused.
      closing ??= serial(async () => {
        closed = true;
        await handle.close();
        await checkpoints.flush();
      });
      return closing;
    },
  };
}

/**
 * The bytes between two line offsets, read at once: a page is a few MB, and a stream through readline cost as
 * much as parsing the page (a restore reads the whole journal page by page).
 */
async function bytesBetween(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
    if (bytesRead !== bytes.length) throw new Error(`journal ${file}: ${bytes.length} bytes expected at ${start}, ${bytesRead} read`);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The complete lines between two line offsets. */
async function linesBetween(file: string, start: number, end: number): Promise<string[]> {
  const lines = (await bytesBetween(file, start, end)).toString('utf8').split('\n');
  // The range ends with a line's newline: the text after it is empty.
  lines.pop();
  return lines;
}

interface Scan {
  /** The complete (newline-terminated) lines, numbered from 1, with the offset where each ends. */
  readonly lines: { text: string; line: number; end: number }[];
  /** Offset of a last line without its newline (torn by a crash), if any. */
  readonly tornAt?: number;
  readonly size: number;
}

async function scanLines(file: string): Promise<Scan> {
  const { size } = await stat(file);
  const lines: Scan['lines'] = [];
  let offset = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const start = offset;
    offset += Buffer.byteLength(text) + 1;
    if (offset > size) return { lines, tornAt: start, size }; // only the last line can lack its newline
    lines.push({ text, line: lines.length + 1, end: offset });
  }
  return { lines, size };
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
