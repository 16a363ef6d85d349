/**
 * npm run bench -- sync: 100 000 events from 20 generated branches pushed to head office over loopback, on
 * PostgreSQL (a throwaway cluster from Debian's package) and on embedded PGlite. End to end = every check of
 * the protocol and the domain, the fold into the consolidated complaints and the commit; raw = the same gzip
 * bytes posted to an endpoint that only inflates, parses and stores the events in the same database, with the
 * same statement shape. The ratio says what head office's checking costs. Targets (issue 12): ≥ 20 000
 * events/s on PostgreSQL, ≥ 0.5 of raw.
 *
 * On a shared machine one run says little, so raw and end to end run in pairs, ROUNDS times on emptied tables:
 * the min and median of each and the median of the pairs' ratios are printed, with the load average.
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { BranchCodeSchema } from '../../shared/brand';
import { decodeEnrolment } from '../../shared/sync/enrolment';
import { BATCH_MAX_EVENTS, BATCH_MAX_INFLATED_BYTES, BatchEnvelopeSchema } from '../../shared/sync/protocol';
import type { DomainEvent } from '../../shared/domain/events';
import { buildHeadOffice, inflate } from '../../server/app';
import { HO_POSITION_LOCK } from '../../server/ingest';
import { eventColumns, eventRows } from '../../server/db/rows';
import { createBranch, issueSecret } from '../../server/branches';
import { openHeadOfficeDatabase } from '../../server/headOffice';
import { branchLog } from '../server/branchLog';
import { batchesOf, openBackend, type Backend } from '../server/harness';
import { postgresUnavailable } from '../server/postgres';
import { median, perSecond } from './harness';

const BRANCHES = 20;
const EVENTS_PER_BRANCH = 5000;
const ROUNDS = 3;

/** Posts each branch's batches in order, all branches at once; the wall time in ms. */
async function push(url: string, perBranch: readonly Buffer[][], expect: (answer: { status: string }) => void): Promise<number> {
  const started = performance.now();
  await Promise.all(
    perBranch.map(async (bodies) => {
      for (const body of bodies) {
        const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
        expect((await response.json()) as { status: string });
      }
    }),
  );
  return performance.now() - started;
}

async function benchOn(backend: Backend, logs: readonly ReturnType<typeof branchLog>[]): Promise<void> {
  const backends = await openBackend(backend);
  const { db } = await openHeadOfficeDatabase(await backends.fresh());
  try {
    const now = new Date();
    const bodies: Buffer[][] = [];
    for (const log of logs) {
      const code = BranchCodeSchema.parse(log[0]?.branch);
      await createBranch(db, code, code, now);
      const enrolment = decodeEnrolment((await issueSecret(db, code, 'http://127.0.0.1', now)) ?? '');
      if (!enrolment.ok) throw new Error(enrolment.error.message);
      bodies.push((await batchesOf(enrolment.value.secret, log, BATCH_MAX_EVENTS)).map((batch) => gzipSync(JSON.stringify(batch))));
    }
    await db.query('create table bench_raw_events (like events including all)');
    const { app } = await buildHeadOffice({ db });
    // The raw endpoint: the same bytes, inflated, parsed and stored as rows — no signature, no checks, no fold.
    await app.register(async (raw) => {
      raw.addHook('preParsing', async (_request, _reply, payload) => inflate(payload));
      raw.post('/bench/raw', { bodyLimit: BATCH_MAX_INFLATED_BYTES }, async (request) => {
        const envelope = BatchEnvelopeSchema.parse(request.body);
        // Unchecked on purpose (that is what raw means): the events are taken to be what a branch sends.
        const body = JSON.parse(envelope.body) as { events: DomainEvent[] };
        // The same statement shape as head office's commit (server/db/rows.ts), so the ratio compares checking, not SQL.
        // Stored events take head office's gap-free positions as in the commit: under the same lock, the same way.
        await db.transaction(async (tx) => {
          await tx.query('select pg_advisory_xact_lock($1)', [HO_POSITION_LOCK]);
          await tx.query(
            `insert into bench_raw_events (branch, seq, event_id, complaint_id, type, at, body, ho_pos)
             select $1, r.*, (select coalesce(max(ho_pos), 0) from bench_raw_events) + row_number() over (order by r.seq) from (${eventRows(3, 2)}) as r`,
            [envelope.branch, JSON.stringify(body.events), ...eventColumns(body.events)],
          );
        });
        return { status: 'stored' };
      });
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const total = logs.reduce((sum, log) => sum + log.length, 0);
    const rounds: { rawMs: number; endToEndMs: number; cpuS: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.query('truncate events, complaints, batches, bench_raw_events');
      await db.query('update branches set acked_through_seq = 0, last_sync_at = null, clock_skew_ms = null');
      const rawMs = await push(`${base}/bench/raw`, bodies, (answer) => {
        if (answer.status !== 'stored') throw new Error(JSON.stringify(answer));
      });
      const cpu = process.cpuUsage();
      const endToEndMs = await push(`${base}/api/v1/batches`, bodies, (answer) => {
        if (answer.status !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(answer)}`);
      });
      const used = process.cpuUsage(cpu);
      const [held] = await db.query<{ n: number }>('select count(*)::int as n from events');
      if (held?.n !== total) throw new Error(`head office holds ${held?.n} events, not ${total}`);
      rounds.push({ rawMs, endToEndMs, cpuS: (used.user + used.system) / 1e6 });
    }
    await app.close();
    const rates = (ms: readonly number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return `best ${perSecond(total, sorted[0] ?? 0).padStart(9)}  median ${perSecond(total, median(sorted)).padStart(9)}`;
    };
    const ratios = rounds.map((r) => r.rawMs / r.endToEndMs);
    console.log(`  ${backend.padEnd(9)} end to end ${rates(rounds.map((r) => r.endToEndMs))}  (head office process cpu ${median(rounds.map((r) => r.cpuS)).toFixed(1)} s per round)`);
    console.log(`  ${''.padEnd(9)} raw ingest ${rates(rounds.map((r) => r.rawMs))}`);
    console.log(`  ${''.padEnd(9)} ratio      ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')} (median ${median(ratios).toFixed(2)})   load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await db.close();
    await backends.stop();
  }
}

export async function run(): Promise<void> {
  const started = performance.now();
  const logs = Array.from({ length: BRANCHES }, (_, i) => branchLog(`BR${String(i + 1).padStart(2, '0')}`, EVENTS_PER_BRANCH));
  console.log(`  ${BRANCHES} branches × ${EVENTS_PER_BRANCH} events generated in ${((performance.now() - started) / 1000).toFixed(1)} s; batches of ${BATCH_MAX_EVENTS}, gzip, loopback`);
  const unavailable = postgresUnavailable();
  if (unavailable) console.log(`  postgres  skipped: ${unavailable}`);
  else await benchOn('postgres', logs);
  await benchOn('pglite', logs);
}
