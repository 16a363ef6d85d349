/**
 * Evidence files (SPEC §1), stored by main in the data folder content-addressed by SHA-256:
 * `attachments/ab/ab12….bin`. The bytes are all that is kept; the EvidenceRef in the complaint's event carries
 * name, type and size. A file is written atomically (temp file, fsync, rename), so a crash leaves it whole or
 * absent; storing the same content twice stores it once. Reading re-hashes the bytes, so a file damaged on
 * disk is reported, never shown as evidence. Nothing here deletes a file (SPEC §6: records are retained).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { Caller } from '../../shared/api/dispatch';
import { EVIDENCE_MAX_BYTES, isEvidenceMime, safeFileName, verifiedEvidenceMime, type EvidenceMime } from '../../shared/api/evidence';
import type { EvidenceRef } from '../../shared/domain/event-payloads';
import { ok, refuse, type Result } from '../../shared/result';
import { isMissingFile, syncDirectory, writeFileAtomic } from './jsonFile';

export interface EvidenceStoreOptions {
  /** Where verified copies are put for the system's default app to open (a private temporary folder). */
  readonly openDir: string;
  /** Electron's `shell.openPath`: resolves '' when opened, else the reason. Absent in browser mode. */
  readonly openWithSystem?: (path: string) => Promise<string>;
  readonly maxBytes?: number;
}

export interface EvidenceStore {
  /** Checks and stores one file; answers the EvidenceRef to record in an EvidenceAttached event. */
  put(file: { name: string; mime: string; data: Uint8Array }): Promise<Result<EvidenceRef>>;
  /** The stored bytes, only if they still hash to `hash`. */
  get(hash: string, mime: string): Promise<Result<{ mime: EvidenceMime; data: Buffer }>>;
  /** Opens a verified copy with the system's default app; `opened: false` where there is none. */
  open(file: { hash: string; name: string; mime: string }): Promise<Result<{ opened: boolean }>>;
  /** Deletes a stored file (personal data after retention); a file already gone is fine. */
  remove(hash: string): Promise<void>;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The name as the person gave it, without any folder part or control characters. */
function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 255) || 'file';
}

export function createEvidenceStore(attachmentsDir: string, options: EvidenceStoreOptions): EvidenceStore {
  const maxBytes = options.maxBytes ?? EVIDENCE_MAX_BYTES;
  const pathOf = (hash: string) => join(attachmentsDir, hash.slice(0, 2), `${hash}.bin`);

  async function readVerified(hash: string): Promise<Result<Buffer>> {
    let data: Buffer;
    try {
      data = await readFile(pathOf(hash));
    } catch (error) {
      if (isMissingFile(error)) return refuse('evidence_missing', `The attached file ${hash} is not in this data folder.`);
      throw error;
    }
    if (sha256(data) !== hash) return refuse('evidence_corrupted', `The attached file ${hash} was changed or damaged on disk.`);
    return ok(data);
  }

  async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, data);
  }

  return {
    async put({ name, mime: declared, data }) {
      if (data.length > maxBytes) {
        return refuse('file_too_large', `The file is larger than ${maxBytes} bytes.`, { params: { max: Math.floor(maxBytes / (1024 * 1024)) } });
      }
      if (data.length === 0) return refuse('file_empty', 'The file is empty.');
      const mime = verifiedEvidenceMime(declared, data);
      if (!mime) return refuse('file_type_not_allowed', `Files of this type cannot be attached (${declared.slice(0, 100)}).`);
      const hash = sha256(data);
      const existing = await readVerified(hash);
      // Same content already stored intact: nothing to write. A damaged copy is replaced by the good bytes.
      if (!existing.ok) await writeAtomically(pathOf(hash), data);
      return ok({ hash, name: displayName(name), mime, size: data.length });
    },

    async get(hash, mime) {
      if (!isEvidenceMime(mime)) return refuse('file_type_not_allowed', `Not an evidence type: ${mime.slice(0, 100)}`);
      const data = await readVerified(hash);
      return data.ok ? ok({ mime, data: data.value }) : data;
    },

    async remove(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not an evidence hash: ${hash.slice(0, 80)}`);
      await rm(pathOf(hash), { force: true });
      await syncDirectory(dirname(pathOf(hash))).catch(() => undefined);
    },

    async open({ hash, name, mime }) {
      if (!isEvidenceMime(mime)) return refuse('file_type_not_allowed', `Not an evidence type: ${mime.slice(0, 100)}`);
      if (!options.openWithSystem) return ok({ opened: false });
      const data = await readVerified(hash);
      if (!data.ok) return data;
      // The extension comes from the verified type, never from the name: the copy can only open as that type.
      const copy = join(options.openDir, hash.slice(0, 16), safeFileName(name, mime));
      // A copy opened before may still be open (and locked on Windows): rewrite it only if it differs.
      const previous = await readFile(copy).catch(() => undefined);
      if (!previous || sha256(previous) !== hash) {
        await mkdir(dirname(copy), { recursive: true });
        await writeFile(copy, data.value, { mode: 0o600 });
      }
      const problem = await options.openWithSystem(copy);
      return problem ? refuse('open_failed', `The file could not be opened: ${problem}`) : ok({ opened: true });
    },
  };
}

/** Removes copies left for the system app by an earlier run (best effort: one may still be open). */
export async function clearOpenedCopies(openDir: string): Promise<void> {
  await rm(openDir, { recursive: true, force: true, maxRetries: 0 }).catch(() => undefined);
}

/** A private temporary folder per data folder, so two desks never share opened copies. */
export const openedCopiesDir = (dataRoot: string): string => join(tmpdir(), 'complaint-desk-open', sha256(Buffer.from(dataRoot)).slice(0, 12));

/** The contract's evidence methods over a store: base64 on the wire, bytes in the store, a signed-in user for all. */
export function evidenceHandlers(
  store: EvidenceStore,
  requireUser: (caller: Caller) => Promise<Result<unknown>>,
): Pick<ApiHandlers, 'evidence.put' | 'evidence.get' | 'evidence.open'> {
  return {
    'evidence.put': async ({ name, mime, dataBase64 }, caller) => {
      const user = await requireUser(caller);
      return user.ok ? store.put({ name, mime, data: Buffer.from(dataBase64, 'base64') }) : user;
    },
    'evidence.get': async ({ hash, mime }, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const file = await store.get(hash, mime);
      return file.ok ? ok({ mime: file.value.mime, dataBase64: file.value.data.toString('base64') }) : file;
    },
    'evidence.open': async (input, caller) => {
      const user = await requireUser(caller);
      return user.ok ? store.open(input) : user;
    },
  };
}
