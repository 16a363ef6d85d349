/**
 * What the renderer does with a document main has written (`Delivery`): in Electron main already saved it
 * where the person chose; in browser mode the bytes came back and are offered as a download here.
 */
import type { TFunction } from 'i18next';
import type { Delivery } from '../../../shared/api/documents';
import { saveBlob } from '../evidence/evidenceFiles';

export type Received = { outcome: 'saved'; path: string } | { outcome: 'downloaded'; fileName: string } | { outcome: 'cancelled' };

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function receiveDelivery(delivery: Delivery): Received {
  switch (delivery.delivery) {
    case 'saved':
      return { outcome: 'saved', path: delivery.path };
    case 'download':
      saveBlob(new Blob([base64ToBytes(delivery.base64)], { type: delivery.mime }), delivery.fileName);
      return { outcome: 'downloaded', fileName: delivery.fileName };
    case 'cancelled':
      return { outcome: 'cancelled' };
  }
}

/** What happened to an exported file, in words: saved where, downloaded as what, or cancelled. */
export function receivedText(t: TFunction, received: Received): string {
  switch (received.outcome) {
    case 'saved':
      return t('export.saved', { path: received.path });
    case 'downloaded':
      return t('export.downloaded', { fileName: received.fileName });
    case 'cancelled':
      return t('export.cancelled');
  }
}
