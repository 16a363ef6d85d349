/**
 * Signing and checking batches with the branch's secret. WebCrypto (global in Node ≥ 20 and in browsers), so
 * the branch's main, head office and tests share one implementation; `verify` compares in constant time.
 */
import { signingText } from './protocol';

/** What a signature covers; plain strings, so a branch can sign before its envelope is parsed back. */
interface Signed {
  readonly v: number;
  readonly branch: string;
  readonly timestamp: string;
  readonly body: string;
}

const encoder = new TextEncoder();

/** A new branch secret: 32 random bytes, base64url. */
export function newBranchSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

export async function signBatch(secret: string, envelope: Signed): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(signingText(envelope)));
  return toHex(new Uint8Array(mac));
}

export async function signatureHolds(secret: string, envelope: Signed & { signature: string }): Promise<boolean> {
  const mac = fromHex(envelope.signature);
  if (!mac) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), mac, encoder.encode(signingText(envelope)));
}

/** SHA-256 of `JSON.stringify(events)` in lowercase hex: the body's `payloadHash`. */
export async function payloadHashOf(events: readonly unknown[]): Promise<string> {
  return sha256Hex(JSON.stringify(events));
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
