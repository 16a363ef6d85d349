/**
 * Register export benchmark (issue 8): the register's rows, the Excel file and the CSV for 50 000 and
 * 200 000 complaints (EXPORT_MAX_COMPLAINTS, the contract's limit), with each file's size. The Excel sheet is
 * also checked for its last row, so a run that "finishes" with a truncated file does not pass for a figure.
 *
 * Data: the seed generator's complaints (5 000 distinct ones, generating more takes minutes), repeated to the
 * size; a repeat lies megabytes of XML from its original, far outside deflate's 32 kB window, so the file size
 * is that of distinct rows. Each step runs once (the 50 000 run warms the JIT for the 200 000 one): at these
 * sizes one run is seconds, and wall time on a shared machine is noisy, so CPU time is printed beside it.
 * `--complaints N` measures N rows instead of the two default sizes.
 */
import os from 'node:os';
import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { EXPORT_MAX_COMPLAINTS } from '../../shared/api/documents';
import { CN_2026_CALENDAR } from '../../shared/calendar';
import type { DomainEvent } from '../../shared/domain/events';
import { foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { toCsv } from '../../shared/export/csv';
import { registerRows } from '../../shared/export/register';
import { toXlsx } from '../../shared/export/xlsx';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { generateSeed } from '../../shared/seed/generator';
import { createRandom } from '../../shared/seed/random';
import type { BenchOptions } from './run';

const DISTINCT = 5000;

interface Once<T> {
  readonly result: T;
  readonly wallMs: number;
  readonly cpuMs: number;
}

function once<T>(fn: () => T): Once<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const line = (name: string, timing: Once<unknown>, size = '') =>
  `  ${name.padEnd(34)} ${timing.wallMs.toFixed(0).padStart(7)} ms ${`${timing.cpuMs.toFixed(0)} ms cpu`.padStart(13)}  ${size.padStart(9)}`;

/** The end of the sheet's XML, inflated a piece at a time (the whole sheet is hundreds of MB). */
function sheetTail(xlsx: Uint8Array): { tail: string; xmlBytes: number } {
  let tail = '';
  let xmlBytes = 0;
  const unzip = new Unzip((file) => {
    if (file.name !== 'xl/worksheets/sheet1.xml') return;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      xmlBytes += chunk.length;
      tail = (tail + strFromU8(chunk.subarray(Math.max(0, chunk.length - 4096)))).slice(-4096);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(xlsx, true);
  return { tail, xmlBytes };
}

export function run(options: BenchOptions): void {
  const sizes = options.complaints ? [options.complaints] : [50_000, EXPORT_MAX_COMPLAINTS];
  console.log(`  node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const started = performance.now();
  const seed = generateSeed({ branches: 1, complaints: DISTINCT }, createRandom(8));
  const streams = new Map<string, DomainEvent[]>();
  for (const event of seed.events) {
    const stream = streams.get(event.complaintId);
    if (stream) stream.push(event);
    else streams.set(event.complaintId, [event]);
  }
  const distinct = [...streams.values()].map((stream) => foldComplaint(JSON.parse(JSON.stringify(stream)) as DomainEvent[]));
  console.log(`  generated ${distinct.length.toLocaleString('en-US')} distinct complaints in ${((performance.now() - started) / 1000).toFixed(1)} s (setup, not timed)`);
  const rowOptions = { language: 'zh-CN', maskPersonalData: false, users: new Map<string, string>(), policies: DEFAULT_POLICY_BOOK, calendar: CN_2026_CALENDAR, now: seed.now } as const;

  for (const size of sizes) {
    const states: ComplaintState[] = Array.from({ length: size }, (_, i) => distinct[i % distinct.length] as ComplaintState);
    console.log(`\n  ${size.toLocaleString('en-US')} complaints ${'wall'.padStart(18)} ${'cpu'.padStart(13)}  ${'size'.padStart(9)}`);
    const rows = once(() => registerRows(states, rowOptions));
    console.log(line('register rows (clocks, masking)', rows));
    const xlsx = once(() => toXlsx(rows.result, '投诉登记簿'));
    const check = sheetTail(xlsx.result);
    const complete = check.tail.includes(`<row r="${size + 1}">`) && check.tail.includes(`<autoFilter ref="A1:Q${size + 1}"/>`);
    console.log(line('Excel (.xlsx, deflated)', xlsx, mb(xlsx.result.length)), ` sheet XML ${mb(check.xmlBytes)}${complete ? '' : ' — INCOMPLETE: the last row or the filter is missing'}`);
    const csv = once(() => new TextEncoder().encode(toCsv(rows.result)));
    console.log(line('CSV (UTF-8 with BOM)', csv, mb(csv.result.length)));
    console.log(`  export total (rows + Excel)         ${(rows.wallMs + xlsx.wallMs).toFixed(0).padStart(7)} ms ${`${(rows.cpuMs + xlsx.cpuMs).toFixed(0)} ms cpu`.padStart(13)}`);
    if (!complete) process.exitCode = 1;
  }
}
