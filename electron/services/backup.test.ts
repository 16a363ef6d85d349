import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';
import { restoreBackup } from './backupRestore';
import { apiContract } from '../../shared/api/contract';

const REGISTRATION = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳', phone: '13812345678' },
  description: '收银员态度恶劣',
  requests: ['apology'],
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR receipt photo')]);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const request = (n: number) => `req-${String(n).padStart(8, '0')}`;

let clock = new Date('2026-11-23T02:00:00.000Z');
// Days pass in these tests: the session outlives them.
const openAt = (dir: string) =>
  openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => clock, sessionIdleMinutes: 60 * 24 * 365 });
type Call = ReturnType<typeof inWindow>;

function valueOf<T>(result: Awaited<ReturnType<Desk['dispatch']>>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A branch with a clerk, two complaints and a photo attached to the first. */
async function busyDesk(dir: string) {
  clock = new Date('2026-11-23T02:00:00.000Z');
  const desk = await openAt(dir);
  const admin = inWindow(desk, 'window-admin');
  valueOf(await admin('setup.createBranch', BRANCH_SETUP));
  valueOf(await admin('users.create', { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' }));
  const register = (n: number) => admin('complaints.decide', { requestId: request(n), action: 'register', input: { ...REGISTRATION, receivedAt: clock.toISOString() } });
  const first = valueOf<{ events: { complaintId: string }[] }>(await register(1));
  valueOf(await register(2));
  const photo = valueOf<{ hash: string }>(await admin('evidence.put', { name: '小票.png', mime: 'image/png', dataBase64: PNG.toString('base64') }));
  const complaintId = first.events[0]?.complaintId;
  valueOf(await admin('complaints.decide', { requestId: request(3), action: 'attachEvidence', complaintId, input: { evidence: [{ ...photo, name: '小票.png', mime: 'image/png', size: PNG.length }] } }));
  return { desk, admin, photo };
}

interface Status {
  running: unknown;
  folder: string | null;
  warning: string | null;
  last: { ok: boolean; name?: string; sizeBytes?: number; fileCount?: number; verified: boolean; failure?: string; journalSeq?: number } | null;
  lastGood: { name?: string } | null;
}

/** Starts a backup and waits until `backup.status` says it has finished. */
async function backUpNow(admin: Call): Promise<Status> {
  valueOf(await admin('backup.run', {}));
  return vi.waitFor(async () => {
    const status = valueOf<Status>(await admin('backup.status', {}));
    if (status.running) throw new Error('still running');
    return status;
  });
}

/** Every file under `dir` with its SHA-256, to prove a folder did not change. */
async function contentsOf(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found[relative(dir, path)] = sha256(await readFile(path));
  }
  return found;
}

async function withBackup(work: (backupDir: string, root: string) => Promise<void>) {
  await withTempDir(async (root) => {
    const { desk, admin } = await busyDesk(join(root, 'desk'));
    valueOf(await admin('backup.setFolder', { folder: join(root, 'usb') }));
    await desk.close(); // which backs up
    const [name] = await readdir(join(root, 'usb'));
    await work(join(root, 'usb', name ?? ''), root);
  });
}

describe('automatic backups', () => {
  it('backs up the data folder into the chosen folder, verified, and says so in the status', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      try {
        expect(valueOf<Status>(await admin('backup.status', {}))).toMatchObject({ folder: null, warning: 'never', last: null });
        expect(await admin('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup_folder_not_set' } });
        valueOf(await admin('backup.setFolder', { folder: join(root, 'usb', 'desk-backups') }));
        const status = await backUpNow(admin);
        expect(status).toMatchObject({ warning: null, last: { ok: true, verified: true, name: 'complaint-desk-BR01-20261123-100000' } });
        expect(status.last?.fileCount).toBeGreaterThanOrEqual(6); // journal, checkpoint, branch, users, attachment, audit log
        const backup = join(root, 'usb', 'desk-backups', status.last?.name ?? '');
        const files = Object.keys(await contentsOf(backup)).sort();
        expect(files).toEqual(expect.arrayContaining(['manifest.json', 'journal/events.v1.jsonl', 'journal.checkpoint.json', 'branch.json', 'users.json', `attachments/${sha256(PNG).slice(0, 2)}/${sha256(PNG)}.bin`]));
        expect(files).not.toContain('desk.lock');
        expect(files.some((file) => file.startsWith('logs/'))).toBe(false);
        // The copy's journal is the desk's, byte for byte.
        expect(await readFile(join(backup, 'journal', 'events.v1.jsonl'))).toEqual(await readFile(join(root, 'desk', 'journal', 'events.v1.jsonl')));
      } finally {
        await desk.close();
      }
    });
  });

  it('lets only an admin see or change backups, and refuses a folder that cannot hold them', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      try {
        const clerk = inWindow(desk, 'window-clerk');
        valueOf(await clerk('auth.signIn', { username: 'li.na', password: 'counter-one' }));
        expect(await clerk('backup.status', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
        expect(await clerk('backup.run', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
        expect(await admin('backup.setFolder', { folder: 'backups' })).toMatchObject({ ok: false, error: { code: 'backup_folder_not_absolute' } });
        expect(await admin('backup.setFolder', { folder: join(root, 'desk', 'backups') })).toMatchObject({ ok: false, error: { code: 'backup_folder_inside_data' } });
        await writeFile(join(root, 'a-file'), 'not a folder');
        expect(await admin('backup.setFolder', { folder: join(root, 'a-file') })).toMatchObject({ ok: false, error: { code: 'backup_folder_unwritable', params: { path: join(root, 'a-file') } } });
        expect(valueOf<Status>(await admin('backup.status', {})).folder).toBeNull();
      } finally {
        await desk.close();
      }
    });
  });

  it('takes the folder from Electron’s folder dialog, changes nothing when it is cancelled, and has none in browser mode', async () => {
    await withTempDir(async (root) => {
      let answer: string | undefined = join(root, 'chosen');
      const desk = await openDesk({ dataDir: join(root, 'desk'), mode: 'electron', version: '0.1.0', validateOutput: true, log: memoryLogger(), chooseFolder: async () => answer });
      try {
        const admin = inWindow(desk, 'window-admin');
        valueOf(await admin('setup.createBranch', BRANCH_SETUP));
        expect(valueOf<Status>(await admin('backup.chooseFolder', {})).folder).toBe(join(root, 'chosen'));
        answer = undefined;
        expect(valueOf<Status>(await admin('backup.chooseFolder', {})).folder).toBe(join(root, 'chosen'));
        answer = join(root, 'desk', 'inside');
        expect(await admin('backup.chooseFolder', {})).toMatchObject({ ok: false, error: { code: 'backup_folder_inside_data' } });
      } finally {
        await desk.close();
      }
      const { desk: browser, admin } = await busyDesk(join(root, 'browser-desk'));
      try {
        expect(await admin('backup.chooseFolder', {})).toMatchObject({ ok: false, error: { code: 'folder_dialog_unavailable' } });
      } finally {
        await browser.close();
      }
    });
  });

  it('records a failed backup (the USB stick was pulled) with a warning, keeping the earlier good one', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      try {
        valueOf(await admin('backup.setFolder', { folder: join(root, 'usb') }));
        const good = await backUpNow(admin);
        await rm(join(root, 'usb'), { recursive: true });
        const failed = await backUpNow(admin);
        expect(failed).toMatchObject({ warning: 'failed', last: { ok: false, verified: false, failure: 'folder_missing' }, lastGood: { name: good.last?.name } });
      } finally {
        await desk.close();
      }
    });
  });

  it('backs up when the desk closes, and warns once the last backup is older than the policy’s interval', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      valueOf(await admin('backup.setFolder', { folder: join(root, 'usb') }));
      await desk.close();
      expect((await readdir(join(root, 'usb'))).filter((name) => name.startsWith('complaint-desk-BR01-'))).toHaveLength(1);

      const reopened = await openAt(join(root, 'desk'));
      try {
        const again = inWindow(reopened, 'window-admin');
        valueOf(await again('auth.signIn', { username: 'admin', password: 'correct horse' }));
        expect(valueOf<Status>(await again('backup.status', {}))).toMatchObject({ warning: null, last: { ok: true } });
        clock = new Date('2026-11-25T02:00:00.000Z');
        expect(valueOf<Status>(await again('backup.status', {})).warning).toBe('overdue');
      } finally {
        await reopened.close();
      }
    });
  });

  it('keeps 7 daily backups and removes older ones of this branch, never another branch’s or other files', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      try {
        await mkdir(join(root, 'usb', 'complaint-desk-BR02-20261101-100000'), { recursive: true });
        await mkdir(join(root, 'usb', 'family photos'), { recursive: true });
        valueOf(await admin('backup.setFolder', { folder: join(root, 'usb') }));
        for (let day = 0; day < 10; day += 1) {
          clock = new Date(Date.parse('2026-12-01T02:00:00.000Z') + day * 86_400_000); // Tuesday 1 … Thursday 10 December
          await backUpNow(admin);
        }
        const names = (await readdir(join(root, 'usb'))).sort();
        // 4–10 December are the 7 days; the newest of each week and of December are among them; 1–3 December go.
        expect(names).toEqual([
          'complaint-desk-BR01-20261204-100000',
          'complaint-desk-BR01-20261205-100000',
          'complaint-desk-BR01-20261206-100000',
          'complaint-desk-BR01-20261207-100000',
          'complaint-desk-BR01-20261208-100000',
          'complaint-desk-BR01-20261209-100000',
          'complaint-desk-BR01-20261210-100000',
          'complaint-desk-BR02-20261101-100000',
          'family photos',
        ]);
      } finally {
        await desk.close();
      }
    });
  });
  it('takes a consistent copy while complaints are being registered, which opens as a desk', async () => {
    await withTempDir(async (root) => {
      const { desk, admin } = await busyDesk(join(root, 'desk'));
      valueOf(await admin('backup.setFolder', { folder: join(root, 'usb') }));
      const registering = Array.from({ length: 30 }, (_, n) =>
        admin('complaints.decide', { requestId: request(100 + n), action: 'register', input: { ...REGISTRATION, receivedAt: clock.toISOString() } }),
      );
      const [status] = await Promise.all([backUpNow(admin), ...registering]);
      const restored = await restoreBackup(join(root, 'usb', status.last?.name ?? ''), join(root, 'copy'));
      await desk.close();
      if (!restored.ok) throw new Error(restored.error.message);
      const copy = await openAt(join(root, 'copy'));
      try {
        const window = inWindow(copy, 'window-copy');
        valueOf(await window('auth.signIn', { username: 'admin', password: 'correct horse' }));
        const journal = valueOf<{ lastSeq: number }>(await window('journal.read', { afterSeq: 0, limit: 1 }));
        expect(journal.lastSeq).toBe(restored.value.journal.seq);
        expect(journal.lastSeq).toBe(status.last?.journalSeq);
      } finally {
        await copy.close();
      }
    });
  });
});

describe('restore from a backup', () => {
  it('restores complaints, numbering, users and attachments onto a fresh data folder', async () => {
    await withBackup(async (backup, root) => {
      const fresh = await openAt(join(root, 'new-pc'));
      try {
        const window = inWindow(fresh, 'window-new');
        expect(valueOf(await window('setup.status', {}))).toEqual({ configured: false });
        expect(valueOf(await window('setup.restore', { path: backup }))).toEqual({ branch: { code: 'BR01', name: '朝阳门店', timeZone: 'Asia/Shanghai' } });
        expect(valueOf(await window('setup.status', {}))).toMatchObject({ configured: true, branch: { code: 'BR01' } });
        // The restored branch's own people sign in; nobody is signed in by the restore.
        expect(valueOf(await window('auth.session', {}))).toEqual({ user: null });
        valueOf(await window('auth.signIn', { username: 'li.na', password: 'counter-one' }));
        const journal = apiContract['journal.read'].output.parse(valueOf(await window('journal.read', { afterSeq: 0 })));
        expect(journal.events.filter((event) => event.type === 'EvidenceAttached')).toHaveLength(1);
        expect(journal.events.flatMap((event) => (event.type === 'Registered' ? [event.payload.number] : []))).toEqual(['BR01-20261123-0001', 'BR01-20261123-0002']);
        const next = valueOf<{ events: { payload: { number?: string } }[] }>(
          await window('complaints.decide', { requestId: request(50), action: 'register', input: { ...REGISTRATION, receivedAt: clock.toISOString() } }),
        );
        expect(next.events[0]?.payload.number).toBe('BR01-20261123-0003');
        const photo = valueOf<{ dataBase64: string }>(await window('evidence.get', { hash: sha256(PNG), mime: 'image/png' }));
        expect(Buffer.from(photo.dataBase64, 'base64')).toEqual(PNG);
        const users = valueOf<{ users: { username: string }[] }>(await window('users.list', {}));
        expect(users.users.map((user) => user.username).sort()).toEqual(['admin', 'li.na']);
      } finally {
        await fresh.close();
      }
      // And it opens again after a restart, journal and checkpoint agreeing.
      const restarted = await openAt(join(root, 'new-pc'));
      await restarted.close();
    });
  });

  it('refuses a damaged backup naming the file, and leaves the data folder exactly as it was', async () => {
    await withBackup(async (backup, root) => {
      const target = join(root, 'new-pc');
      const fresh = await openAt(target);
      try {
        const window = inWindow(fresh, 'window-new');
        const before = await contentsOf(target);
        const attachment = `attachments/${sha256(PNG).slice(0, 2)}/${sha256(PNG)}.bin`;
        await writeFile(join(backup, attachment), Buffer.concat([PNG, Buffer.from('x')]));
        expect(await window('setup.restore', { path: backup })).toMatchObject({ ok: false, error: { code: 'backup_file_changed', params: { file: attachment } } });
        await rm(join(backup, 'users.json'));
        await writeFile(join(backup, attachment), PNG);
        expect(await window('setup.restore', { path: backup })).toMatchObject({ ok: false, error: { code: 'backup_file_missing', params: { file: 'users.json' } } });
        expect(await window('setup.restore', { path: join(root, 'nowhere') })).toMatchObject({ ok: false, error: { code: 'backup_not_found' } });
        const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
        manifest.files.push({ ...manifest.files[0], path: '../../escaped.txt' } as { path: string });
        await writeFile(join(backup, 'manifest.json'), JSON.stringify(manifest));
        expect(await window('setup.restore', { path: backup })).toMatchObject({ ok: false, error: { code: 'backup_manifest_invalid' } });
        expect(await contentsOf(target)).toEqual(before);
        expect(valueOf(await window('setup.status', {}))).toEqual({ configured: false });
      } finally {
        await fresh.close();
      }
    });
  });

  it('restores only into an empty data folder', async () => {
    await withBackup(async (backup, root) => {
      const { desk } = await busyDesk(join(root, 'other-desk'));
      try {
        expect(await inWindow(desk, 'window-x')('setup.restore', { path: backup })).toMatchObject({ ok: false, error: { code: 'already_configured' } });
      } finally {
        await desk.close();
      }
    });
  });
});
