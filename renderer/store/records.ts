/**
 * The shapes the renderer keeps in IndexedDB. They are written only by this folder's code (events come in
 * parsed by the domain's `parseEvent`), so they are typed, not re-parsed, on the way out.
 */
import type { BranchCode, ComplaintId, UserId } from '../../shared/brand';
import type { PublicUser } from '../../shared/api/schemas';
import type { DomainEvent } from '../../shared/domain/events';

/** IndexedDB cannot index booleans, so flags that queries select on are 0 | 1. */
export type Bit = 0 | 1;

/**
 * An event of the log. Whether main has it in the fsync'd journal is the journal watermark's to say (see
 * journal.ts); rows written before schema v3 still carry the per-event flag that preceded it, unused.
 */
export type StoredEvent = DomainEvent & { journaled?: Bit };

/**
 * One complaint as the register, the board and the charts read it: small on purpose (a window of rows is
 * read per scroll step at 100 000 rows). The full state is folded from the complaint's events on demand.
 */
export interface ComplaintRecord {
  id: ComplaintId;
  number: string;
  branch: BranchCode;
  receivedAt: string;
  channel: string;
  category: string;
  subCategory?: string;
  grade: 1 | 2 | 3 | 4;
  status: string;
  tier: string;
  flags: string[];
  /** The legal / PR routes the complaint is on (the board's lanes); absent on rows written before schema v5. */
  routes?: string[];
  /** When the complaint entered its current tier (the board's "time in tier"); absent before schema v5. */
  tierSince?: string;
  assignee: UserId;
  customerName: string;
  /** Already masked (SPEC §8): the register never holds a full phone number. */
  phoneMasked: string;
  /** The nearest running deadline; absent when no clock runs (terminal, or paused awaiting the customer). */
  nextDeadlineAt?: string;
  nextDeadlineKind?: string;
  /** The instant the nearest deadline turns "due soon" (the policy's last share of its clock). */
  dueSoonAt?: string;
  /** When an automatic escalation (tier limit, a month unresolved) can first fall due; the sweep's index. */
  escalationDueAt?: string;
  paused: Bit;
  terminal: Bit;
  updatedAt: string;
  /** Highest event seq folded into this record. */
  lastSeq: number;
  /** Lower-cased tokens matched by prefix: number, its day and sequence, name, phone digits, words of the text. */
  searchText: string[];
}

/**
 * Lower-cased free text (description, request, place, people) for substring search, kept out of the row; with
 * the date received, so a search that matches thousands sorts them without reading the whole date index.
 */
export interface SearchDoc {
  id: ComplaintId;
  receivedAt: string;
  text: string;
}

/** `${branch}:${YYYYMMDD}` → last daily sequence used; `seq:${branch}` → last event seq of the branch. */
export interface CounterRecord {
  key: string;
  last: number;
}

export type UserRecord = PublicUser;

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The event as the domain and main know it (without the renderer's bookkeeping). */
export function toDomainEvent(stored: StoredEvent): DomainEvent {
  const { journaled: _journaled, ...event } = stored;
  // Removing the one field this file once added leaves the parsed event as it was; TS loses the union through the spread.
  return event as DomainEvent;
}
