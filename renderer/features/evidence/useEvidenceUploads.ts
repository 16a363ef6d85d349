import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceRef } from '../../../shared/domain/event-payloads';
import type { Refusal, Result } from '../../../shared/result';
import { uploadEvidence } from './evidenceFiles';

export type UploadStatus =
  | { state: 'waiting' }
  | { state: 'reading'; fraction: number }
  | { state: 'saving' }
  /** Stored in main; waiting for the batch to be recorded on the complaint. */
  | { state: 'stored'; ref: EvidenceRef }
  | { state: 'attached'; ref: EvidenceRef }
  | { state: 'failed'; error: Pick<Refusal, 'code' | 'params'> };

export interface UploadItem {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly status: UploadStatus;
}

/** What to do with the files of one batch that main stored: record them (one event), or hand them to a form. */
export type OnStored = (refs: EvidenceRef[]) => Promise<Result<void>>;

/**
 * Uploads picked or dropped files one after the other (a 20 MB file as base64 is big; a counter PC is small)
 * and tracks each file's progress and error. When a batch is done, the stored files go to `onStored` at once,
 * so several files picked together become one EvidenceAttached event.
 */
export function useEvidenceUploads(onStored: OnStored) {
  const [items, setItems] = useState<readonly UploadItem[]>([]);
  const nextKey = useRef(1);
  const onStoredRef = useRef(onStored);
  useEffect(() => {
    onStoredRef.current = onStored;
  });

  const update = useCallback((key: number, status: UploadStatus) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, status } : item)));
  }, []);

  const add = useCallback(
    async (files: readonly File[]) => {
      const batch = files.map((file) => ({ key: nextKey.current++, name: file.name, size: file.size, status: { state: 'waiting' } as UploadStatus }));
      setItems((current) => [...current.filter((item) => item.status.state !== 'attached'), ...batch]);
      const stored: { key: number; ref: EvidenceRef }[] = [];
      for (const [index, file] of files.entries()) {
        const key = batch[index]?.key ?? 0;
        const result = await uploadEvidence(file, (phase) => update(key, phase.phase === 'reading' ? { state: 'reading', fraction: phase.fraction } : { state: 'saving' }));
        if (result.ok) stored.push({ key, ref: result.value });
        update(key, result.ok ? { state: 'stored', ref: result.value } : { state: 'failed', error: result.error });
      }
      if (stored.length === 0) return;
      const recorded = await onStoredRef.current(stored.map((entry) => entry.ref));
      for (const { key, ref } of stored) update(key, recorded.ok ? { state: 'attached', ref } : { state: 'failed', error: recorded.error });
    },
    [update],
  );

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => item.status.state !== 'attached' && item.status.state !== 'failed'));
  }, []);

  const busy = items.some((item) => ['waiting', 'reading', 'saving', 'stored'].includes(item.status.state));
  return { items, add, clearFinished, busy };
}
