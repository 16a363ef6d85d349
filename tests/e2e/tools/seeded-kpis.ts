/**
 * node --import tsx tests/e2e/tools/seeded-kpis.ts seed <data dir> <complaints>
 * node --import tsx tests/e2e/tools/seeded-kpis.ts kpis <data dir> <from ISO> <to ISO> <now ISO>
 * node --import tsx tests/e2e/tools/seeded-kpis.ts month <data dir> <now ISO>
 *
 * For the dashboard spec, in a process of its own (Playwright's loader cannot read the policy's and the
 * calendar's JSON modules): `seed` sets a branch up in the empty folder and writes a year of shared/seed
 * complaints (what `npm run seed` generates) as main's journal; `kpis` folds that journal with the shared
 * reducer and prints `computeKpis`' total for the period at `now` — the KPIs computed without the app's
 * per-complaint facts; `month` picks the month the spec looks at. Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CN_CALENDAR } from '../../../shared/calendar/defaults';
import { parseEvent, type DomainEvent } from '../../../shared/domain/events';
import { foldComplaint } from '../../../shared/domain/reducer';
import { computeKpis } from '../../../shared/kpi/kpi';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { seedDataFolder } from '../../bench/browser/seed-folder';

function statesFromJournal(dataDir: string) {
  const byComplaint = new Map<string, DomainEvent[]>();
  for (const line of readFileSync(join(dataDir, 'journal', 'events.v1.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const parsed = parseEvent(JSON.parse(line));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const list = byComplaint.get(parsed.value.complaintId);
    if (list) list.push(parsed.value);
    else byComplaint.set(parsed.value.complaintId, [parsed.value]);
  }
  return [...byComplaint.values()].map(foldComplaint);
}

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The latest whole month before the current one (in Shanghai, from two months back) in which every chart the
 * spec clicks has something to click: more than twenty complaints, one of grade 3, an open corrective action,
 * and ten days with complaints (the volume chart draws a bar only for a day that has some). The seed's `now`
 * is the real clock, so what falls in a given month changes from run to run: about one month in thirty has no
 * open corrective action. The month is chosen from the journal, not assumed.
 */
function pickMonth(dataDir: string, now: string) {
  const states = statesFromJournal(dataDir);
  const local = new Date(Date.parse(now) + SHANGHAI_MS);
  for (let back = 2; back <= 11; back += 1) {
    const first = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1);
    const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back + 1, 1);
    const received = states.filter((s) => {
      const at = Date.parse(s.receivedAt) + SHANGHAI_MS;
      return at >= first && at < next;
    });
    const daysWithComplaints = new Set(received.map((s) => Math.floor((Date.parse(s.receivedAt) + SHANGHAI_MS) / DAY_MS))).size;
    const openAction = received.some((s) => s.correctiveActions.some((action) => action.closedAt === undefined));
    if (received.length > 20 && received.some((s) => s.grade === 3) && openAction && daysWithComplaints >= 10) {
      return { anchor: new Date(first).toISOString().slice(0, 10), from: new Date(first - SHANGHAI_MS).toISOString(), to: new Date(next - SHANGHAI_MS).toISOString() };
    }
  }
  throw new Error('no month of the seed has every chart the dashboard spec needs');
}

const [command, dataDir = '', ...rest] = process.argv.slice(2);
if (command === 'seed') {
  const complaints = z.coerce.number().int().min(1).parse(rest[0]);
  const seeded = await seedDataFolder(dataDir, { complaints, backlog: 0, longEvents: 2, page: 5000 });
  process.stdout.write(`${JSON.stringify({ complaints: seeded.complaints })}\n`);
} else if (command === 'kpis') {
  const [from, to, now] = z.tuple([z.iso.datetime(), z.iso.datetime(), z.iso.datetime()]).parse(rest);
  const table = computeKpis(statesFromJournal(dataDir), { policy: DEFAULT_POLICY, calendar: CN_CALENDAR, period: { from, to }, groupBy: 'branch', now });
  process.stdout.write(`${JSON.stringify(table.total)}\n`);
} else if (command === 'month') {
  const [now] = z.tuple([z.iso.datetime()]).parse(rest);
  process.stdout.write(`${JSON.stringify(pickMonth(dataDir, now))}\n`);
} else {
  throw new Error('usage: seeded-kpis.ts seed <data dir> <complaints> | kpis <data dir> <from> <to> <now> | month <data dir> <now>');
}
