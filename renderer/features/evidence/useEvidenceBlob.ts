import { useEffect, useState } from 'react';
import type { EvidenceRef } from '../../../shared/domain/event-payloads';
import type { Refusal } from '../../../shared/result';
import { fetchEvidence } from './evidenceFiles';

export type BlobState = { state: 'idle' | 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; error: Refusal };

/**
 * A `blob:` URL of a stored file (the CSP allows `img-src blob:`; nothing is served from a URL main would have to
 * guard). Fetched only when `enabled`, and freed when the component goes away.
 */
export function useEvidenceBlob(ref: Pick<EvidenceRef, 'hash' | 'mime'>, enabled: boolean): BlobState {
  const [loaded, setLoaded] = useState<{ hash: string; result: BlobState }>();
  const { hash, mime } = ref;
  useEffect(() => {
    if (!enabled) return undefined;
    let url: string | undefined;
    let live = true;
    void fetchEvidence({ hash, mime }).then((blob) => {
      if (!live) return;
      if (!blob.ok) return setLoaded({ hash, result: { state: 'failed', error: blob.error } });
      url = URL.createObjectURL(blob.value);
      setLoaded({ hash, result: { state: 'ready', url } });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [hash, mime, enabled]);
  if (!enabled) return { state: 'idle' };
  return loaded?.hash === hash ? loaded.result : { state: 'loading' };
}
