/**
 * Where main keeps the branch's sync secret: never in the renderer, never in the outbox file. A port, so
 * Electron keeps it with the OS keychain (`safeStorage`, electron/main/secretStore.ts) and browser mode in a
 * file only its owner may read.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readTextIfPresent, writeFileAtomic } from '../jsonFile';

export interface SecretStore {
  /** undefined when none is stored, or it cannot be read on this computer (then the admin enrols again). */
  get(): Promise<string | undefined>;
  set(secret: string): Promise<void>;
}

/** Bytes at rest, as a keychain adapter transforms them (identity for the plain file). */
export interface SecretCodec {
  readonly encode: (secret: string) => Uint8Array | string;
  readonly decode: (stored: Buffer) => string | undefined;
}

const PLAIN: SecretCodec = { encode: (secret) => secret, decode: (stored) => stored.toString('utf8').trim() || undefined };

/** A 0600 file (plain for browser mode, or holding what `codec` made of the secret). */
export function createFileSecretStore(file: string, codec: SecretCodec = PLAIN): SecretStore {
  return {
    async get() {
      const text = await readTextIfPresent(file).catch(() => undefined);
      if (text === undefined) return undefined;
      return codec === PLAIN ? PLAIN.decode(Buffer.from(text, 'utf8')) : readEncoded(text, codec);
    },
    async set(secret) {
      await mkdir(dirname(file), { recursive: true });
      const encoded = codec.encode(secret);
      await writeFileAtomic(file, typeof encoded === 'string' ? encoded : Buffer.from(encoded).toString('base64'), 0o600);
    },
  };
}

function readEncoded(text: string, codec: SecretCodec): string | undefined {
  try {
    return codec.decode(Buffer.from(text.trim(), 'base64'));
  } catch {
    return undefined;
  }
}

