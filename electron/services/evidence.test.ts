import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger, withTempDir, inWindow } from '../../tests/unit/platform/fixtures';
import { openDesk } from './desk';
import { createEvidenceStore, type EvidenceStoreOptions } from './evidence';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF body')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 1)]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under the folder, relative, sorted (what a person would see in Explorer). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function withStore(work: (store: ReturnType<typeof createEvidenceStore>, dir: string) => Promise<void>, options: Partial<EvidenceStoreOptions> = {}) {
  await withTempDir(async (dir) => {
    const store = createEvidenceStore(join(dir, 'attachments'), { openDir: join(dir, 'open'), ...options });
    await work(store, dir);
  });
}

describe('evidence store', () => {
  it('stores a file under its SHA-256 and gives back the same bytes', async () => {
    await withStore(async (store, dir) => {
      const put = await store.put({ name: '小票.png', mime: 'image/png', data: PNG });
      const hash = sha256(PNG);
      expect(put).toEqual({ ok: true, value: { hash, name: '小票.png', mime: 'image/png', size: PNG.length } });
      expect(await filesUnder(join(dir, 'attachments'))).toEqual([join(hash.slice(0, 2), `${hash}.bin`)]);
      const got = await store.get(hash, 'image/png');
      expect(got.ok && got.value.data.equals(PNG)).toBe(true);
    });
  });

  it('stores the same content once, whatever it is called', async () => {
    await withStore(async (store, dir) => {
      const first = await store.put({ name: 'a.pdf', mime: 'application/pdf', data: PDF });
      const second = await store.put({ name: '投诉信.pdf', mime: 'application/pdf', data: PDF });
      expect(first.ok && second.ok && first.value.hash === second.value.hash).toBe(true);
      expect(second).toMatchObject({ ok: true, value: { name: '投诉信.pdf' } });
      expect(await filesUnder(join(dir, 'attachments'))).toHaveLength(1);
    });
  });

  it('refuses a file over the limit with the limit in MB, and writes nothing', async () => {
    await withStore(async (store, dir) => {
      const oversize = Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]);
      expect(await store.put({ name: 'big.jpg', mime: 'image/jpeg', data: oversize })).toMatchObject({
        ok: false,
        error: { code: 'file_too_large', params: { max: 20 } },
      });
      expect(await filesUnder(dir)).toEqual([]);
    });
  });

  it.each([
    ['a type outside the allow-list', 'evil.exe', 'application/x-msdownload', EXE],
    ['an SVG (it can carry script)', 'logo.svg', 'image/svg+xml', Buffer.from('<svg onload="alert(1)"/>')],
    ['a program renamed to .txt', 'readme.txt', 'text/plain', EXE],
    ['a "photo" that is not an image', 'photo.jpg', 'image/jpeg', Buffer.from('just some text')],
    ['a "PDF" without the PDF signature', 'scan.pdf', 'application/pdf', PNG],
  ])('refuses %s and writes nothing', async (_case, name, mime, data) => {
    await withStore(async (store, dir) => {
      expect(await store.put({ name, mime, data })).toMatchObject({ ok: false, error: { code: 'file_type_not_allowed' } });
      expect(await filesUnder(dir)).toEqual([]);
    });
  });

  it('refuses an empty file', async () => {
    await withStore(async (store) => {
      expect(await store.put({ name: 'empty.txt', mime: 'text/plain', data: Buffer.alloc(0) })).toMatchObject({ ok: false, error: { code: 'file_empty' } });
    });
  });

  it('records what an image really is when a phone named a JPEG .png, and keeps only the name part of a path', async () => {
    await withStore(async (store) => {
      expect(await store.put({ name: 'C:\\Users\\店员\\照片.png', mime: 'image/png', data: JPEG })).toMatchObject({
        ok: true,
        value: { mime: 'image/jpeg', name: '照片.png' },
      });
    });
  });

  it('detects a stored file that was changed on disk, and a missing one', async () => {
    await withStore(async (store, dir) => {
      const put = await store.put({ name: 'scan.pdf', mime: 'application/pdf', data: PDF });
      if (!put.ok) throw new Error('put failed');
      const file = join(dir, 'attachments', put.value.hash.slice(0, 2), `${put.value.hash}.bin`);
      await writeFile(file, Buffer.from('%PDF-1.7 tampered'));
      expect(await store.get(put.value.hash, 'application/pdf')).toMatchObject({ ok: false, error: { code: 'evidence_corrupted' } });
      expect(await store.get('0'.repeat(64), 'application/pdf')).toMatchObject({ ok: false, error: { code: 'evidence_missing' } });

      // Attaching the original again repairs the damaged copy.
      await store.put({ name: 'scan.pdf', mime: 'application/pdf', data: PDF });
      expect(await store.get(put.value.hash, 'application/pdf')).toMatchObject({ ok: true });
    });
  });

  it('opens a verified copy named with the extension of its verified type, never the given one', async () => {
    const opened: string[] = [];
    await withStore(
      async (store, dir) => {
        const put = await store.put({ name: 'invoice.pdf', mime: 'application/pdf', data: PDF });
        if (!put.ok) throw new Error('put failed');
        expect(await store.open({ hash: put.value.hash, name: '..\\..\\run.bat', mime: 'application/pdf' })).toEqual({ ok: true, value: { opened: true } });
        expect(opened).toHaveLength(1);
        const [path = ''] = opened;
        expect(path.startsWith(join(dir, 'open'))).toBe(true);
        expect(path.endsWith(join(put.value.hash.slice(0, 16), 'run.pdf'))).toBe(true);
        expect(await readFile(path)).toEqual(PDF);
      },
      {
        openWithSystem: async (path) => {
          opened.push(path);
          return '';
        },
      },
    );
  });

  it('does not open a damaged file, and says "not opened" where there is no desktop', async () => {
    await withStore(
      async (store, dir) => {
        const put = await store.put({ name: 'a.txt', mime: 'text/plain', data: Buffer.from('投诉记录') });
        if (!put.ok) throw new Error('put failed');
        await writeFile(join(dir, 'attachments', put.value.hash.slice(0, 2), `${put.value.hash}.bin`), 'changed');
        expect(await store.open({ hash: put.value.hash, name: 'a.txt', mime: 'text/plain' })).toMatchObject({ ok: false, error: { code: 'evidence_corrupted' } });
      },
      { openWithSystem: async () => 'should not be called' },
    );
    await withStore(async (store) => {
      const put = await store.put({ name: 'a.txt', mime: 'text/plain', data: Buffer.from('投诉记录') });
      if (!put.ok) throw new Error('put failed');
      expect(await store.open({ hash: put.value.hash, name: 'a.txt', mime: 'text/plain' })).toEqual({ ok: true, value: { opened: false } });
    });
  });
});

describe('evidence methods through the desk dispatcher', () => {
  const SETUP = { branchCode: 'BR01', branchName: '朝阳门店', timeZone: 'Asia/Shanghai', adminUsername: 'admin', password: 'correct horse' };

  it('refuses a bad payload before the service runs, and needs a signed-in user', async () => {
    await withTempDir(async (dir) => {
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      try {
        const png = { name: 'a.png', mime: 'image/png', dataBase64: PNG.toString('base64') };
        expect(await inWindow(desk)('evidence.put', png)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
        await inWindow(desk)('setup.createBranch', SETUP);
        expect(await inWindow(desk)('evidence.put', { ...png, dataBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'dataBase64' } });
        expect(await inWindow(desk)('evidence.put', { ...png, name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'name' } });
        expect(await inWindow(desk)('evidence.put', { ...png, path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(await inWindow(desk)('evidence.get', { hash: '../../users.json', mime: 'image/png' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'hash' } });
        expect(await filesUnder(join(dir, 'attachments'))).toEqual([]);

        const put = await inWindow(desk)('evidence.put', png);
        expect(put).toMatchObject({ ok: true, value: { hash: sha256(PNG), mime: 'image/png', size: PNG.length } });
        expect(await inWindow(desk)('evidence.get', { hash: sha256(PNG), mime: 'image/png' })).toEqual({
          ok: true,
          value: { mime: 'image/png', dataBase64: PNG.toString('base64') },
        });
        expect(await inWindow(desk)('evidence.open', { hash: sha256(PNG), name: 'a.png', mime: 'image/png' })).toEqual({ ok: true, value: { opened: false } });
      } finally {
        await desk.close();
      }
    });
  });
});
