/**
 * Head office's read side over the consolidated store: the register of every branch with filters and paging,
 * one complaint with its timeline, and the KPI table by branch (shared/kpi, the same figures a branch shows).
 * States read back are parsed, never trusted.
 */
import { z } from 'zod';
import { BranchCodeSchema } from '../shared/brand';
import { CN_CALENDAR } from '../shared/calendar/defaults';
import { ComplainantSchema } from '../shared/domain/event-payloads';
import { parseEvent, type DomainEvent } from '../shared/domain/events';
import { ComplaintStateSchema, type ComplaintState } from '../shared/domain/state';
import { GradeSchema, StatusSchema } from '../shared/domain/vocabulary';
import { computeKpis, type KpiTable } from '../shared/kpi/kpi';
import { contactRef, repeatsByCustomer } from '../shared/kpi/repeats';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import type { Db } from './db/db';

const InstantSchema = z.iso.datetime({ offset: true });

export const ComplaintFilterSchema = z.strictObject({
  branch: BranchCodeSchema.optional(),
  status: StatusSchema.optional(),
  grade: z.coerce.number().pipe(GradeSchema).optional(),
  /** Received at or after (ISO instant). */
  from: InstantSchema.optional(),
  /** Received before (ISO instant). */
  to: InstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ComplaintFilter = z.infer<typeof ComplaintFilterSchema>;

export const KpiQuerySchema = z.strictObject({ from: InstantSchema, to: InstantSchema });

/** One line of the register: what the list shows, without the whole record. */
export interface ComplaintSummary {
  readonly branch: string;
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly grade: number;
  readonly tier: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly category: string;
  readonly channel: string;
}

export const parseState = (value: unknown): ComplaintState => ComplaintStateSchema.parse(value) as ComplaintState;

export async function listComplaints(db: Db, filter: ComplaintFilter): Promise<{ total: number; items: ComplaintSummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.branch) add((p) => `branch = ${p}`, filter.branch);
  if (filter.status) add((p) => `status = ${p}`, filter.status);
  if (filter.grade) add((p) => `grade = ${p}`, filter.grade);
  if (filter.from) add((p) => `received_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `received_at < ${p}`, filter.to);
  const condition = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const [count] = await db.query<{ total: number }>(`select count(*)::int as total from complaints ${condition}`, params);
  const rows = await db.query<{ state: unknown }>(
    `select state from complaints ${condition} order by received_at desc, branch, id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  const items = rows.map(({ state }) => {
    const s = parseState(state);
    return { branch: s.branch, id: s.id, number: s.number, status: s.status, grade: s.grade, tier: s.tier, receivedAt: s.receivedAt, updatedAt: s.updatedAt, category: s.category, channel: s.channel };
  });
  return { total: count?.total ?? 0, items };
}

/** The complaint and every event of it in order; undefined when head office has no such complaint. */
export async function complaintWithTimeline(db: Db, branch: string, id: string): Promise<{ complaint: ComplaintState; timeline: DomainEvent[] } | undefined> {
  const [row] = await db.query<{ state: unknown }>('select state from complaints where branch = $1 and id = $2', [branch, id]);
  if (!row) return undefined;
  const events = await db.query<{ body: unknown }>('select body from events where branch = $1 and complaint_id = $2 order by seq', [branch, id]);
  const timeline = events.map(({ body }) => {
    const parsed = parseEvent(body);
    if (!parsed.ok) throw new Error(`stored event of ${branch}/${id} no longer parses: ${parsed.error.message}`);
    return parsed.value;
  });
  return { complaint: parseState(row.state), timeline };
}

/**
/**
 * Every branch's complaints received in [from, to) as the shared reducer folded them (or only `branches`'): what
 * the monthly / quarterly report across branches and the KPI table are computed from, with the same shared code
 * a branch runs over its own.
 */
export async function complaintStatesForPeriod(db: Db, period: { from: string; to: string }, branches?: readonly string[]): Promise<ComplaintState[]> {
  const rows = await db.query<{ state: unknown }>(
    'select state from complaints where received_at >= $1 and received_at < $2 and ($3::text[] is null or branch = any($3::text[])) order by branch, received_at, id',
    [period.from, period.to, branches ?? null],
  );
  return rows.map(({ state }) => parseState(state));
}

/**
 * The KPI table by branch over complaints received in [from, to); every branch has a row. A repeat is also a
 * complaint whose customer (by phone, email or customer number, keyed or in full) complained before, at any
 * branch and at any time before: so every complaint received before `to` is compared.
 */
export async function kpisByBranch(db: Db, period: { from: string; to: string }, now: Date): Promise<KpiTable> {
  const states = await complaintStatesForPeriod(db, period);
  const branches = await db.query<{ code: string }>('select code from branches order by code');
  const contacts = await db.query<{ branch: string; id: string; received_at: Date; complainant: unknown }>(
    `select branch, id, received_at, state->'complainant' as complainant from complaints where received_at < $1`,
    [period.to],
  );
  const repeats = repeatsByCustomer(
    contacts.map((row) => ({ branch: row.branch, id: row.id, receivedAt: row.received_at.toISOString(), complainant: ComplainantSchema.parse(row.complainant) })),
  );
  return computeKpis(states, {
    policy: DEFAULT_POLICY,
    calendar: CN_CALENDAR,
    period,
    groupBy: 'branch',
    now: now.toISOString(),
    groups: branches.map((b) => b.code),
    repeatOfCustomer: (state) => repeats.has(contactRef(state.branch, state.id)),
  });
}
