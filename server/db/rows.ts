/**
 * Many rows in one statement: each indexed column passed as one array (`unnest`), the JSON document of each row
 * as one JSON array read once (`json_array_elements`), matched by position. The database then takes each column
 * as it is instead of digging it out of the document's text again per column — which cost more than the insert
 * itself (measured on PostgreSQL for a batch: 1000 events 21 → 16 ms, ~185 complaints inserted and updated
 * 44 → 26 ms).
 */
import type { ComplaintState } from '../../shared/domain/state';

/** The envelope fields of an event that are columns of `events`. */
interface EventColumns {
  readonly seq: number;
  readonly id: string;
  readonly complaintId: string;
  readonly type: string;
  readonly at: string;
}

/** Rows of `events` (without `branch`) from `$columns`…`$columns+4` (eventColumns) and `$bodies` (a JSON array of the events as stored). */
export const eventRows = (columns: number, bodies: number): string =>
  `select c.seq, c.event_id, c.complaint_id, c.type, c.at, d.body
   from unnest($${columns}::int[], $${columns + 1}::text[], $${columns + 2}::text[], $${columns + 3}::text[], $${columns + 4}::timestamptz[])
       with ordinality as c (seq, event_id, complaint_id, type, at, n)
     join json_array_elements($${bodies}::json) with ordinality as d (body, n) using (n)`;

export function eventColumns(events: readonly EventColumns[]): unknown[][] {
  return [events.map((e) => e.seq), events.map((e) => e.id), events.map((e) => e.complaintId), events.map((e) => e.type), events.map((e) => e.at)];
}

/** Rows of `complaints` (without `branch`) from `$columns`…`$columns+7` (complaintColumns) and `$states` (a JSON array of the states). */
export const complaintRows = (columns: number, states: number): string =>
  `select c.id, c.number, c.status, c.grade, c.tier, c.received_at, c.updated_at, c.last_seq, d.state
   from unnest($${columns}::text[], $${columns + 1}::text[], $${columns + 2}::text[], $${columns + 3}::smallint[], $${columns + 4}::text[],
               $${columns + 5}::timestamptz[], $${columns + 6}::timestamptz[], $${columns + 7}::int[])
       with ordinality as c (id, number, status, grade, tier, received_at, updated_at, last_seq, n)
     join json_array_elements($${states}::json) with ordinality as d (state, n) using (n)`;

export function complaintColumns(states: readonly ComplaintState[]): unknown[][] {
  const pick = <T>(of: (state: ComplaintState) => T) => states.map(of);
  return [pick((s) => s.id), pick((s) => s.number), pick((s) => s.status), pick((s) => s.grade), pick((s) => s.tier), pick((s) => s.receivedAt), pick((s) => s.updatedAt), pick((s) => s.lastSeq)];
}
