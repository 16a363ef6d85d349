import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../../tests/unit/platform/fixtures';
import { createFileSecretStore } from './secretStore';

describe('file secret store', () => {
  it('keeps the secret in a file only its owner may read, and reads it back', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'sync', 'secret');
      const store = createFileSecretStore(file);
      expect(await store.get()).toBeUndefined();
      await store.set('s3cr3t-value');
      expect(await store.get()).toBe('s3cr3t-value');
      if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    });
  });

  it('with a keychain codec, stores only what the codec made, and a secret it cannot decode reads as missing', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'secret.keychain');
      const codec = { encode: (secret: string) => new TextEncoder().encode([...secret].reverse().join('')), decode: (stored: Buffer) => [...stored.toString('utf8')].reverse().join('') };
      const store = createFileSecretStore(file, codec);
      await store.set('abc123');
      expect(await store.get()).toBe('abc123');
      expect(await readFile(file, 'utf8')).not.toContain('abc123');
      await writeFile(file, 'not base64 at all!');
      const failing = createFileSecretStore(file, { ...codec, decode: () => { throw new Error('cannot decrypt'); } });
      expect(await failing.get()).toBeUndefined();
    });
  });
});
