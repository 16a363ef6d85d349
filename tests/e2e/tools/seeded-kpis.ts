/**
 * node --import tsx tests/e2e/tools/seeded-kpis.ts seed <data dir> <complaints>
 * node --import tsx tests/e2e/tools/seeded-kpis.ts kpis <data dir> <from ISO> <to ISO> <now ISO>
 *
 * For the dashboard spec, in a process of its own (Playwright's loader cannot read the policy's and the
 * calendar's JSON modules): `seed` sets a branch up in the empty folder and writes a year of shared/seed
 * complaints (what `npm run seed` generates) as main's journal; `kpis` folds that journal with the shared
 * reducer and prints `computeKpis`' total for the period at `now` — the KPIs computed without the app's
 * per-complaint facts. Prints JSON.
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

const [command, dataDir = '', ...rest] = process.argv.slice(2);
if (command === 'seed') {
  const complaints = z.coerce.number().int().min(1).parse(rest[0]);
  const seeded = await seedDataFolder(dataDir, { complaints, backlog: 0, longEvents: 2, page: 5000 });
  process.stdout.write(`${JSON.stringify({ complaints: seeded.complaints })}\n`);
} else if (command === 'kpis') {
  const [from, to, now] = z.tuple([z.iso.datetime(), z.iso.datetime(), z.iso.datetime()]).parse(rest);
  const table = computeKpis(statesFromJournal(dataDir), { policy: DEFAULT_POLICY, calendar: CN_CALENDAR, period: { from, to }, groupBy: 'branch', now });
  process.stdout.write(`${JSON.stringify(table.total)}\n`);
} else {
  throw new Error('usage: seeded-kpis.ts seed <data dir> <complaints> | kpis <data dir> <from> <to> <now>');
}
