/**
 * USB batch files: the same envelope as the wire, maybe gzipped, read with the same caps; after an import head
 * office writes a signed acknowledgement beside the file so the branch can drop what was delivered.
 */
import { gunzipSync } from 'node:zlib';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BranchCodeSchema } from '../shared/brand';
import { ackFileNameFor } from '../shared/sync/envelope';
import { BATCH_MAX_BYTES, BATCH_MAX_INFLATED_BYTES, type BatchEnvelope, type BatchResult } from '../shared/sync/protocol';
import type { Ingest, Refused } from './ingest';

const GZIP_MAGIC = [0x1f, 0x8b];

/** The file's envelope as JSON, or why it cannot be one (too large, not JSON). */
export function decodeBatchFile(bytes: Uint8Array): { raw: unknown } | { code: 'too_large' | 'malformed_batch'; message: string } {
  if (bytes.length > BATCH_MAX_BYTES) return { code: 'too_large', message: `the file is ${bytes.length} bytes; a batch is at most ${BATCH_MAX_BYTES}` };
  let text = bytes;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      text = gunzipSync(bytes, { maxOutputLength: BATCH_MAX_INFLATED_BYTES });
    } catch (error) {
      const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return tooLarge
        ? { code: 'too_large', message: `the file inflates past ${BATCH_MAX_INFLATED_BYTES} bytes` }
        : { code: 'malformed_batch', message: 'the file is damaged gzip' };
    }
  }
  try {
    return { raw: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text)) };
  } catch {
    return { code: 'malformed_batch', message: 'the file is not a batch (not JSON)' };
  }
}

export interface FileResult {
  readonly name: string;
  readonly result: BatchResult;
  /** The signed acknowledgement for the branch, when the batch is stored (now or before). */
  readonly ack?: BatchEnvelope;
}

/** Imports one file's bytes: the same checks as HTTP except the replay window. */
export async function importBatchBytes(ingest: Ingest, name: string, bytes: Uint8Array): Promise<FileResult> {
  const decoded = decodeBatchFile(bytes);
  const result: BatchResult | Refused = 'raw' in decoded ? await ingest.receive(decoded.raw, 'file') : await ingest.refusedEarly(decoded.code, decoded.message, 'file');
  if (result.status === 'refused') return { name, result };
  const branch = BranchCodeSchema.parse(result.batchId.slice(0, result.batchId.indexOf('-')));
  const ack = await ingest.acknowledgement(branch);
  return ack ? { name, result, ack } : { name, result };
}

/** `npm run headoffice -- import <file…>`: one file, its acknowledgement written beside it when stored. */
export async function importBatchFile(ingest: Ingest, path: string): Promise<FileResult & { ackPath?: string }> {
  const { size } = await stat(path);
  // Not read at all when it cannot be a batch.
  if (size > BATCH_MAX_BYTES) return { name: path, result: await ingest.refusedEarly('too_large', `the file is ${size} bytes; a batch is at most ${BATCH_MAX_BYTES}`, 'file') };
  const imported = await importBatchBytes(ingest, path, await readFile(path));
  if (!imported.ack) return imported;
  const ackPath = join(dirname(path), ackFileNameFor(basename(path)));
  await writeFile(ackPath, JSON.stringify(imported.ack));
  return { ...imported, ackPath };
}

export type ImportOutcome = (FileResult & { ackPath?: string }) | { name: string; unreadable: string };

/**
 * Imports files in whatever order they are named (a stick's listing is not the journal's order): a file that
 * comes before its turn (`sequence_gap`) is tried again after the others, as long as any of them got in.
 * `report` hears each file's final outcome.
 */
export async function importBatchFiles(ingest: Ingest, paths: readonly string[], report: (outcome: ImportOutcome) => void): Promise<void> {
  let pending = [...paths];
  while (pending.length > 0) {
    const early: ImportOutcome[] = [];
    for (const path of pending) {
      let outcome: ImportOutcome;
      try {
        outcome = await importBatchFile(ingest, path);
      } catch (error) {
        outcome = { name: path, unreadable: error instanceof Error ? error.message : String(error) };
      }
      if ('result' in outcome && outcome.result.status === 'refused' && outcome.result.code === 'sequence_gap') early.push(outcome);
      else report(outcome);
    }
    if (early.length === pending.length) {
      early.forEach(report);
      return;
    }
    pending = early.map((outcome) => outcome.name);
  }
}
