/**
 * node --import tsx tests/bench/browser/write-journal.ts <journal file> <complaints> <backlog> <long events> [page size]
 *
 * Writes the benchmark's data set (tests/bench/dataset.ts) as main's journal: one JSON event per line, seq
 * 1..N, as journal.ts writes them, fsync'd at the end; the file must be empty. Runs as its own process (with
 * the heap a million events need) and prints the Dataset as JSON, with how many complaint rows an import that
 * writes rows page by page (`page size` events) would write: a complaint's row once per page holding its events.
 */
import { closeSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { generateDataset } from '../dataset';

const [file, complaintsText, backlogText, longText, pageText] = process.argv.slice(2);
if (!file) throw new Error('usage: write-journal.ts <journal file> <complaints> <backlog> <long events> [page size]');
const complaints = z.coerce.number().int().min(1).parse(complaintsText);
const backlog = z.coerce.number().int().min(0).parse(backlogText);
const longEvents = z.coerce.number().int().min(2).parse(longText);
const page = z.coerce.number().int().min(1).parse(pageText ?? 5000);

if (statSync(file, { throwIfNoEntry: false })?.size) throw new Error(`${file} already holds events`);
const fd = openSync(file, 'w');
let rowsPerPage = 0;
let pageComplaints = new Set<string>();
let inPage = 0;
try {
  const dataset = generateDataset({ count: complaints, backlog, longEvents }, (events) => {
    writeSync(fd, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    for (const event of events) {
      pageComplaints.add(event.complaintId);
      if (++inPage < page) continue;
      rowsPerPage += pageComplaints.size;
      pageComplaints = new Set();
      inPage = 0;
    }
  });
  rowsPerPage += pageComplaints.size;
  fsyncSync(fd);
  process.stdout.write(`${JSON.stringify({ ...dataset, rowWritesByPage: rowsPerPage })}\n`);
} finally {
  closeSync(fd);
}
