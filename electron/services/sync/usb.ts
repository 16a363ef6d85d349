/**
 * The USB path (SPEC §9): batch files written to a folder the admin chose, and head office's signed
 * acknowledgement files read back. A batch file is the very envelope the network would carry, so head office
 * runs the same checks on it; an acknowledgement counts only when its signature holds with this branch's secret.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ok, refuse, type Result } from '../../../shared/result';
import { AckFileBodySchema, BatchEnvelopeSchema, type BatchEnvelope } from '../../../shared/sync/protocol';
import { signatureHolds } from '../../../shared/sync/signature';
import { writeFileAtomic } from '../jsonFile';
import { ACK_FILE_SUFFIX, BATCH_FILE_SUFFIX } from '../../../shared/sync/envelope';
import type { SeqRange } from './outbox';

/** An acknowledgement is a few hundred bytes; anything far bigger is not one. */
const ACK_FILE_MAX_BYTES = 64 * 1024;

export interface WrittenBatchFile {
  readonly fileName: string;
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** Writes one `<batchId>.cdbatch` per range, each fsync'd (a stick pulled out right after holds whole files). */
export async function writeBatchFiles(
  folder: string,
  ranges: readonly SeqRange[],
  envelopeOf: (range: SeqRange) => Promise<BatchEnvelope>,
): Promise<Result<WrittenBatchFile[]>> {
  const isFolder = await stat(folder).then((found) => found.isDirectory(), () => false);
  if (!isFolder) return refuse('save_failed', `${folder} is not a folder this computer can write to`, { path: 'folder', params: { path: folder } });
  const written: WrittenBatchFile[] = [];
  for (const range of ranges) {
    const envelope = await envelopeOf(range);
    const fileName = `${envelope.branch}-${range.fromSeq}-${range.toSeq}${BATCH_FILE_SUFFIX}`;
    try {
      await writeFileAtomic(join(folder, fileName), JSON.stringify(envelope));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse('save_failed', `could not write ${fileName}: ${reason}`, { path: 'folder', params: { path: join(folder, fileName) } });
    }
    written.push({ fileName, fromSeq: range.fromSeq, toSeq: range.toSeq });
  }
  return ok(written);
}

/**
 * The highest `ackedThroughSeq` among the acknowledgement files at `path` (one file, or every `.cdack` in a
 * folder). Any file that is not a valid acknowledgement of this branch refuses the whole import, naming it.
 */
export async function readAcknowledgement(path: string, branch: string, secret: string): Promise<Result<number>> {
  const files = await ackFilesAt(path);
  if (files.length === 0) return refuse('ack_file_invalid', `${path}: no acknowledgement file (${ACK_FILE_SUFFIX}) there`, { path: 'path', params: { file: basename(path) } });
  let highest = 0;
  for (const file of files) {
    const acked = await readAckFile(file, branch, secret);
    if (!acked.ok) return acked;
    highest = Math.max(highest, acked.value);
  }
  return ok(highest);
}

async function ackFilesAt(path: string): Promise<string[]> {
  const found = await stat(path).catch(() => undefined);
  if (!found) return [];
  if (!found.isDirectory()) return [path];
  const names = await readdir(path);
  return names.filter((name) => name.endsWith(ACK_FILE_SUFFIX)).sort().map((name) => join(path, name));
}

async function readAckFile(file: string, branch: string, secret: string): Promise<Result<number>> {
  const name = basename(file);
  const invalid = (why: string) => refuse('ack_file_invalid', `${file}: ${why}`, { path: 'path', params: { file: name } });
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return invalid('cannot be read');
  if (bytes.length > ACK_FILE_MAX_BYTES) return invalid('too large for an acknowledgement');
  const envelope = BatchEnvelopeSchema.safeParse(parseJson(bytes.toString('utf8')));
  if (!envelope.success) return invalid('not a signed envelope');
  if (envelope.data.branch !== branch) return invalid(`made for branch ${envelope.data.branch}`);
  if (!(await signatureHolds(secret, envelope.data))) {
    return refuse('ack_file_bad_signature', `${file}: the signature does not hold with this branch's secret`, { path: 'path', params: { file: name } });
  }
  const body = AckFileBodySchema.safeParse(parseJson(envelope.data.body));
  return body.success ? ok(body.data.ackedThroughSeq) : invalid('the body is not { ackedThroughSeq }');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
