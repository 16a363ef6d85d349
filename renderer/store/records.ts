/**
 * The shapes the renderer keeps in IndexedDB. They are written only by this folder's code (events come in
 * parsed by the domain's `parseEvent`). Rows are derived and rebuilt from the log, so they are typed on the way
 * out; events are the log itself and outlive the build that wrote them, so they are parsed on the way out
 * (`toDomainEvent`): a line an older build stored is upgraded exactly as one from the wire.
 */
import type { BranchCode, ComplaintId, UserId } from '../../shared/brand';
import type { PublicUser } from '../../shared/api/schemas';
import { parseEvent, type DomainEvent } from '../../shared/domain/events';
import type { KpiFacts } from '../../shared/kpi/facts';
import type { Refusal } from '../../shared/result';
import type { HourBucket } from './hour-buckets';

/** IndexedDB cannot index booleans, so flags that queries select on are 0 | 1. */
export type Bit = 0 | 1;

/**
 * An event of the log, as this build writes it. Whether main has it in the fsync'd journal is the journal
 * watermark's to say (see journal.ts); rows written before schema v3 still carry the per-event flag that
 * preceded it, unused. A row an older build wrote may hold an older payload version than this type says: read
 * it as an event only through `toDomainEvent`.
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
  /** The next deadline lies past the end of the working calendar and may move once its holidays are known. */
  nextDeadlineBeyondCalendar?: 1;
  /** The instant the nearest deadline turns "due soon" (the policy's last share of its clock). */
  dueSoonAt?: string;
  /** When an automatic escalation (tier limit, a month unresolved) can first fall due; the sweep's index. */
  escalationDueAt?: string;
  paused: Bit;
  terminal: Bit;
  updatedAt: string;
  /** Highest event seq folded into this record. */
  lastSeq: number;
  /** The journal blocks holding its events, ascending (journal-blocks.ts): its history is read from these. */
  eventBlocks: number[];
}

/**
 * What the register's search and filters match, kept out of the row and read all at once (a copy is kept in
 * memory, search-docs-cache.ts): lower-cased tokens matched by prefix (number, its day and sequence, name, phone
 * digits, customer number) and the free text (description, request, place, people) matched by substring
 * (search-text.ts); the columns the filters select on; the date received, so thousands of matches are sorted
 * without reading the date index. Stored an hour's docs to a row (`SearchHour`, hour-buckets.ts). The filters
 * read these instead of an index per column on the rows: five indexes cost a restore of 100 000 complaints about
 * 12 s (schema v10).
 */
export interface SearchDoc {
  id: ComplaintId;
  receivedAt: string;
  tokens: string[];
  text: string;
  status: string;
  grade: 1 | 2 | 3 | 4;
  category: string;
  channel: string;
  assignee: UserId;
  /** The major flags (grade 1 only); empty for most complaints. */
  flags: string[];
}

export type SearchHour = HourBucket<SearchDoc>;

/**
 * A complaint's KPI facts as stored: `hasActions` is 1 when it holds corrective actions and absent otherwise
 * (schema v7), so the corrective-actions page reads those complaints off an index, not every complaint's facts.
 */
export type KpiFactsRow = KpiFacts & { hasActions?: 1 };

/**
 * An hour's KPI facts in one row (hour-buckets.ts), with what its indexes need of them: every customer key of its
 * complaints (head office's repeat links) and `hasActions` when any of them holds corrective actions.
 */
export interface KpiHour extends HourBucket<KpiFactsRow> {
  customerKeys: string[];
  hasActions?: 1;
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

/**
 * A stored event that this build cannot read (damaged, or of a type or version a newer build wrote). Folding
 * around it would show a complaint other than the one recorded, so reading stops here; `refusal` is
 * `parseEvent`'s, with the field at fault in `path`. The journal in main is the record: the copy can be rebuilt.
 */
export class StoredEventError extends Error {
  override readonly name = 'StoredEventError';
  constructor(
    readonly eventId: string,
    readonly seq: number,
    readonly refusal: Refusal,
  ) {
    super(`Stored event ${eventId} (seq ${seq}) cannot be read: ${refusal.message}`);
  }
}

/**
 * The event as the domain and main know it: the renderer's bookkeeping stripped, then parsed like any event
 * from outside, so an older payload version is upgraded (e.g. InvestigationRecorded v1 gets `cannotResolveAlone`)
 * and one that does not parse throws `StoredEventError` instead of folding into a wrong state.
 */
export function toDomainEvent(stored: StoredEvent): DomainEvent {
  // `journaled` is the only field this folder ever added to an event (schemas v1–v2); the envelope is strict,
  // so anything else stored beside the event is refused by the parse.
  const { journaled: _journaled, ...event } = stored;
  const parsed = parseEvent(event);
  if (!parsed.ok) throw new StoredEventError(String(stored.id), Number(stored.seq), parsed.error);
  return parsed.value;
}
