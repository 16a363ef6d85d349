/**
 * Moving evidence between the page and main: read a picked file as base64 (with progress), store it, fetch a
 * stored file back as a Blob, and save one as a download. Every answer from main is a Result; nothing throws.
 */
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_MB, evidenceMimeOf } from '../../../shared/api/evidence';
import type { EvidenceRef } from '../../../shared/domain/event-payloads';
import { refuse, type Result } from '../../../shared/result';
import { api } from '../../platform/api';

/** Checks a picked file before anything is read, so a refusal is instant (main checks again). */
export function precheck(file: File): Result<{ mime: string }> {
  if (file.size > EVIDENCE_MAX_BYTES) return refuse('file_too_large', 'The file is too large.', { params: { max: EVIDENCE_MAX_MB } });
  if (file.size === 0) return refuse('file_empty', 'The file is empty.');
  const mime = evidenceMimeOf(file.type, file.name);
  return mime ? { ok: true, value: { mime } } : refuse('file_type_not_allowed', 'Files of this type cannot be attached.');
}

/** The file's bytes as base64; `onProgress` gets 0–1 while reading. */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<Result<string>> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    reader.onerror = () => resolve(refuse('read_failed', `The file could not be read: ${reader.error?.message ?? ''}`));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve({ ok: true, value: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

export type UploadPhase = { phase: 'reading'; fraction: number } | { phase: 'saving' };

/** Checks, reads and stores one file in main; answers the EvidenceRef to record. */
export async function uploadEvidence(file: File, onPhase: (phase: UploadPhase) => void): Promise<Result<EvidenceRef>> {
  const checked = precheck(file);
  if (!checked.ok) return checked;
  onPhase({ phase: 'reading', fraction: 0 });
  const data = await readAsBase64(file, (fraction) => onPhase({ phase: 'reading', fraction }));
  if (!data.ok) return data;
  onPhase({ phase: 'saving' });
  return api.call('evidence.put', { name: file.name, mime: checked.value.mime, dataBase64: data.value });
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A stored file as a Blob of its recorded type; main refuses it if its hash no longer matches. */
export async function fetchEvidence(ref: Pick<EvidenceRef, 'hash' | 'mime'>): Promise<Result<Blob>> {
  const answer = await api.call('evidence.get', { hash: ref.hash, mime: ref.mime });
  if (!answer.ok) return answer;
  return { ok: true, value: new Blob([base64ToBytes(answer.value.dataBase64)], { type: answer.value.mime }) };
}

/** Saves a blob under `fileName` through the browser's download (browser mode's "open"). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a little for slow disks, then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "1.2 MB", "340 KB", "12 B" in the UI language's digits. */
export function formatSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'KB');
  return `${bytes} B`;
}
