/**
 * This window's copy of main's journal, stored as blocks of consecutive events (schema v7). The copy is read
 * in journal order (a restore's resume, a rebuild, the escalation notices) or per complaint (a timeline, a step
 * continuing a history), never by any other key, and IndexedDB's cost here is per row, not per byte: a million
 * one-event rows took a 100 000-complaint restore several minutes, the same events in blocks take a second.
 *
 * The n-th event held (1-based) is the event at position n of main's journal — the copy is gap-free and in
 * journal order (at a branch the position is the seq; at head office the arrival order over every branch) —
 * and lives in block ⌊(n − 1) / EVENTS_PER_BLOCK⌋. Each complaint row lists the blocks holding its events
 * (`ComplaintRecord.eventBlocks`), so a history is a few row reads. Events are parsed on the way out, like any
 * stored event (`toDomainEvent`).
 */
import type { Table } from 'dexie';
import type { BranchCode, ComplaintId } from '../../shared/brand';
import { withoutPersonalData } from '../../shared/domain/anonymise';
import type { DomainEvent } from '../../shared/domain/events';
import type { DeskDb } from './db';
import { toDomainEvent, type StoredEvent } from './records';

/**
 * Events per block: large enough that a restore writes few rows, small enough that a step rewrites a small last
 * block and a timeline reads little (a complaint's dozen events touch at most a dozen blocks).
 */
export const EVENTS_PER_BLOCK = 256;

export interface JournalBlock {
  /** The block's number: it holds the journal positions block × EVENTS_PER_BLOCK + 1 … (block + 1) × EVENTS_PER_BLOCK. */
  block: number;
  events: StoredEvent[];
}

/** Where events were appended: for each complaint, the blocks its new events went to (ascending), and the count held after. */
export interface Appended {
  readonly blocks: ReadonlyMap<ComplaintId, readonly number[]>;
  readonly held: number;
}

export const lastBlock = (db: DeskDb): Promise<JournalBlock | undefined> => db.journalBlocks.orderBy('block').last();

/** How many events the copy holds: also its position in main's journal. */
export async function heldEventCount(db: DeskDb): Promise<number> {
  const last = await lastBlock(db);
  return last ? last.block * EVENTS_PER_BLOCK + last.events.length : 0;
}

/**
 * Whether the copy holds exactly `count` events. When they fill their last block (a restore's pages end where a
 * block ends) the last block's number says so, without reading its 256 events back.
 */
export async function holdsExactly(db: DeskDb, count: number): Promise<boolean> {
  if (count % EVENTS_PER_BLOCK !== 0) return (await heldEventCount(db)) === count;
  const lastKey = await db.journalBlocks.orderBy('block').lastKey();
  return count === 0 ? lastKey === undefined : lastKey === count / EVENTS_PER_BLOCK - 1;
}

/** The last event the copy holds, as stored (its id and seq are all callers read). */
export async function lastHeldEvent(db: DeskDb): Promise<StoredEvent | undefined> {
  return (await lastBlock(db))?.events.at(-1);
}

/** The union of two ascending block lists, ascending. */
export const unionBlocks = (a: readonly number[], b: readonly number[]): number[] => [...new Set([...a, ...b])].sort((x, y) => x - y);

/** Adds `block` to the blocks holding `complaintId`'s events, given blocks in ascending order. */
export function noteBlock(blocks: Map<ComplaintId, number[]>, complaintId: ComplaintId, block: number): void {
  const held = blocks.get(complaintId);
  if (!held) blocks.set(complaintId, [block]);
  else if (held.at(-1) !== block) held.push(block);
}

/**
 * Appends events (already checked to continue the copy) after the last one held, filling the last block first.
 * Call inside a rw transaction over `journalBlocks`.
 */
export async function appendEvents(db: DeskDb, events: readonly StoredEvent[]): Promise<Appended> {
  const last = await lastBlock(db);
  if (events.length === 0) return { blocks: new Map(), held: last ? last.block * EVENTS_PER_BLOCK + last.events.length : 0 };
  const { changed, ...appended } = blocksAppending(last, events);
  await db.journalBlocks.bulkPut(changed);
  return appended;
}

/**
 * The blocks to write to append `events` after the block `last` (the last one held, if any), as new objects (the
 * last block's too, so one kept in memory can be changed again), and where each complaint's events went.
 */
export function blocksAppending(last: JournalBlock | undefined, events: readonly StoredEvent[]): Appended & { changed: JournalBlock[] } {
  const appended = new Map<ComplaintId, number[]>();
  let current: JournalBlock = last && last.events.length < EVENTS_PER_BLOCK ? { block: last.block, events: [...last.events] } : { block: last ? last.block + 1 : 0, events: [] };
  const changed = [current];
  for (const event of events) {
    if (current.events.length === EVENTS_PER_BLOCK) {
      current = { block: current.block + 1, events: [] };
      changed.push(current);
    }
    current.events.push(event);
    noteBlock(appended, event.complaintId, current.block);
  }
  return { blocks: appended, held: current.block * EVENTS_PER_BLOCK + current.events.length, changed };
}

/** Blocks in journal order, `perRead` at a time, from block `from` on (also inside a schema upgrade, given the table). */
export async function* blocksInOrder(table: Table<JournalBlock, number>, from = 0, perRead = 64): AsyncGenerator<JournalBlock[]> {
  for (let start = from; ; start += perRead) {
    const blocks = await table.where('block').between(start, start + perRead, true, false).toArray();
    if (blocks.length === 0) return;
    yield blocks;
    if (blocks.length < perRead) return;
  }
}

/** One complaint's events, in journal order, read from the blocks its row lists. */
export async function complaintEvents(db: DeskDb, complaintId: ComplaintId, blocks: readonly number[]): Promise<DomainEvent[]> {
  const rows = await db.journalBlocks.bulkGet([...blocks]);
  const events: DomainEvent[] = [];
  for (const row of rows) for (const stored of row?.events ?? []) if (stored.complaintId === complaintId) events.push(toDomainEvent(stored));
  return events;
}

/**
 * The events of `branch` after its seq `afterSeq`, oldest first, as stored. A branch's seqs rise with the
 * journal position, so the blocks are read from the last backwards until one holds an earlier event of it.
 */
export async function branchEventsAfter(db: DeskDb, branch: BranchCode, afterSeq: number): Promise<StoredEvent[]> {
  const found: StoredEvent[][] = [];
  const last = await lastBlock(db);
  for (let block = last?.block ?? -1; block >= 0; block -= 1) {
    const row = block === last?.block ? last : await db.journalBlocks.get(block);
    const events = (row?.events ?? []).filter((event) => event.branch === branch);
    found.push(events.filter((event) => event.seq > afterSeq));
    if (events.some((event) => event.seq <= afterSeq)) break;
  }
  return found.reverse().flat();
}

/**
 * Anonymised complaints' stored events lose their personal fields (main rewrote its journal the same way): the
 * copy must not keep what the records no longer hold. `complaints` gives each complaint's blocks; every block is
 * rewritten once, whichever of them it holds. Call inside a rw transaction over `journalBlocks`.
 */
export async function scrubComplaintEvents(db: DeskDb, complaints: ReadonlyMap<ComplaintId, readonly number[]>): Promise<void> {
  const rows = await db.journalBlocks.bulkGet([...new Set([...complaints.values()].flat())]);
  const changed = rows.flatMap((row) => (row ? (scrubbedBlock(row, complaints) ?? []) : []));
  if (changed.length > 0) await db.journalBlocks.bulkPut(changed);
}

/** `block` with the events of `complaints` without personal data, or undefined when none of them held any. */
export function scrubbedBlock(block: JournalBlock, complaints: { has(id: ComplaintId): boolean }): JournalBlock | undefined {
  let touched = false;
  const events = block.events.map((stored) => {
    if (!complaints.has(stored.complaintId)) return stored;
    const event = toDomainEvent(stored);
    const scrubbed = withoutPersonalData(event);
    if (scrubbed === event) return stored;
    touched = true;
    return scrubbed;
  });
  return touched ? { block: block.block, events } : undefined;
}
