import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../shared/audit/entries';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';

let clock = new Date('2026-11-23T02:00:00.000Z');
const openAt = (dir: string) =>
  openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => clock, sessionIdleMinutes: 60 * 24 * 365 });

function valueOf<T>(result: Awaited<ReturnType<Desk['dispatch']>>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

type Listed = { entries: AuditEntry[]; total: number; damagedLines: number };
const list = async (call: ReturnType<typeof inWindow>, filter: Record<string, unknown> = {}) => valueOf<Listed>(await call('audit.list', { filter }));
/** The lines' kinds and people, oldest first, for comparing with what happened. */
const story = (listed: Listed) => [...listed.entries].reverse().map((entry) => [entry.kind, entry.username ?? null]);

async function withBranch(work: (desk: Desk, dir: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    clock = new Date('2026-11-23T02:00:00.000Z');
    const desk = await openAt(join(dir, 'desk'));
    try {
      await work(desk, dir);
    } finally {
      await desk.close();
    }
  });
}

describe('the audit log', () => {
  it('records sign-ins, failed sign-ins and every account change with who and what', async () => {
    await withBranch(async (desk) => {
      const admin = inWindow(desk, 'window-admin');
      const clerk = inWindow(desk, 'window-clerk');
      valueOf(await admin('setup.createBranch', BRANCH_SETUP));
      const { user: liNa } = valueOf<{ user: { id: string } }>(await admin('users.create', { username: 'li.na', displayName: '李娜', role: 'staff', password: 'counter-one' }));
      expect(await clerk('auth.signIn', { username: 'li.na', password: 'wrong one!' })).toMatchObject({ ok: false });
      valueOf(await clerk('auth.signIn', { username: 'li.na', password: 'counter-one' }));
      valueOf(await clerk('users.changeOwnPassword', { currentPassword: 'counter-one', password: 'counter-two' }));
      valueOf(await admin('users.update', { id: liNa.id, role: 'supervisor' }));
      valueOf(await admin('users.resetPassword', { id: liNa.id, password: 'counter-three' }));
      valueOf(await admin('users.update', { id: liNa.id, active: false }));
      expect(await clerk('auth.signIn', { username: 'li.na', password: 'counter-three' })).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      // Refused changes are not changes: nothing is recorded for them.
      expect(await clerk('users.create', { username: 'x.y', role: 'admin', password: 'sneaky-one' })).toMatchObject({ ok: false });

      const all = await list(admin);
      expect(story(all)).toEqual([
        ['account-change', 'admin'],
        ['sign-in', 'admin'],
        ['account-change', 'admin'],
        ['sign-in-failed', 'li.na'],
        ['sign-in', 'li.na'],
        ['account-change', 'li.na'],
        ['account-change', 'admin'],
        ['account-change', 'admin'],
        ['account-change', 'admin'],
        ['sign-in-failed', 'li.na'],
      ]);
      const changes = all.entries.filter((entry) => entry.kind === 'account-change').reverse();
      expect(changes.map((entry) => [entry.action, entry.target.username, entry.changes])).toEqual([
        ['created', 'admin', { role: 'admin' }],
        ['created', 'li.na', { role: 'staff' }],
        ['own-password-changed', 'li.na', undefined],
        ['updated', 'li.na', { role: 'supervisor' }],
        ['password-reset', 'li.na', undefined],
        ['updated', 'li.na', { active: false }],
      ]);
      const failures = all.entries.filter((entry) => entry.kind === 'sign-in-failed').reverse();
      expect(failures.map((entry) => entry.reason)).toEqual(['bad_credentials', 'account_disabled']);
      expect(JSON.stringify(all)).not.toMatch(/counter-(one|two|three)|wrong one/); // never a password
    });
  });

  it('records backups (by whom, or the app) and a restore in the restored folder', async () => {
    await withBranch(async (desk, dir) => {
      const admin = inWindow(desk, 'window-admin');
      valueOf(await admin('setup.createBranch', BRANCH_SETUP));
      valueOf(await admin('backup.setFolder', { folder: join(dir, 'usb') }));
      valueOf(await admin('backup.run', {}));
      const backups = await vi.waitFor(async () => {
        const found = await list(admin, { kind: 'backup' });
        if (found.total === 0) throw new Error('not yet');
        return found;
      });
      expect(backups.entries[0]).toMatchObject({ kind: 'backup', username: 'admin', role: 'admin', trigger: 'manual', ok: true, verified: true, folder: join(dir, 'usb') });
      clock = new Date('2026-11-23T02:05:00.000Z');
      await desk.close(); // backs up once more, as the app

      const [name] = (await readdir(join(dir, 'usb'))).sort().reverse();
      const restored = await openAt(join(dir, 'new-pc'));
      try {
        const window = inWindow(restored, 'window-new');
        valueOf(await window('setup.restore', { path: join(dir, 'usb', name ?? '') }));
        valueOf(await window('auth.signIn', { username: 'admin', password: 'correct horse' }));
        const lines = await list(window);
        expect(lines.entries.find((entry) => entry.kind === 'restore')).toMatchObject({ from: join(dir, 'usb', name ?? ''), backupCreatedAt: '2026-11-23T02:05:00.000Z' });
        expect(lines.entries.find((entry) => entry.kind === 'restore')?.username).toBeUndefined();
        // The backed-up log came along: the manual backup is in it (the closing one was written after its own copy).
        expect(lines.entries.filter((entry) => entry.kind === 'backup').map((entry) => entry.kind === 'backup' && entry.trigger)).toEqual(['manual']);
      } finally {
        await restored.close();
      }
      // Desk is closed already; withBranch closes it again, which is harmless.
    });
  });

  it('filters by kind, person and local day, newest first, and only for admins', async () => {
    await withBranch(async (desk) => {
      const admin = inWindow(desk, 'window-admin');
      valueOf(await admin('setup.createBranch', BRANCH_SETUP));
      valueOf(await admin('users.create', { username: 'li.na', role: 'staff', password: 'counter-one' }));
      clock = new Date('2026-11-24T17:00:00.000Z'); // 25 November, 01:00 in Shanghai
      const clerk = inWindow(desk, 'window-clerk');
      valueOf(await clerk('auth.signIn', { username: 'li.na', password: 'counter-one' }));
      expect(await clerk('audit.list', { filter: {} })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await clerk('audit.export', { filter: {} })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

      expect(story(await list(admin, { kind: 'sign-in' }))).toEqual([
        ['sign-in', 'admin'],
        ['sign-in', 'li.na'],
      ]);
      // A person is the one who acted or the account changed.
      expect(story(await list(admin, { person: 'LI.' }))).toEqual([
        ['account-change', 'admin'],
        ['sign-in', 'li.na'],
      ]);
      expect(story(await list(admin, { from: '2026-11-25' }))).toEqual([['sign-in', 'li.na']]);
      expect(story(await list(admin, { to: '2026-11-24' }))).toHaveLength(3);
      expect(await admin('audit.list', { filter: { kind: 'coffee' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await admin('audit.list', { filter: { from: '25/11/2026' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });

  it('exports the filtered log as CSV, and puts the export itself on record', async () => {
    await withBranch(async (desk) => {
      const admin = inWindow(desk, 'window-admin');
      valueOf(await admin('setup.createBranch', BRANCH_SETUP));
      const file = valueOf<{ delivery: string; fileName: string; base64: string }>(await admin('audit.export', { filter: { kind: 'sign-in' }, language: 'zh-CN' }));
      expect(file.fileName).toBe('审计日志-BR01-20261123.csv');
      const csv = Buffer.from(file.base64, 'base64').toString('utf8');
      expect(csv.split('\r\n')).toEqual(['\uFEFF时间,类别,操作人,角色,内容', '2026-11-23 10:00,登录,admin,管理员,', '']);
      const [exported] = (await list(admin, { kind: 'audit-export' })).entries;
      expect(exported).toMatchObject({ username: 'admin', rowCount: 1, filter: { kind: 'sign-in' }, delivery: 'download', fileName: '审计日志-BR01-20261123.csv' });
    });
  });

  it('reads past a damaged line, counting it', async () => {
    await withBranch(async (desk, dir) => {
      const admin = inWindow(desk, 'window-admin');
      valueOf(await admin('setup.createBranch', BRANCH_SETUP));
      await appendFile(join(dir, 'desk', 'audit', 'exports.jsonl'), '{"v":1,"kind":"sign-in","at":"not a line"}\n');
      valueOf(await admin('auth.signIn', { username: 'admin', password: 'correct horse' }));
      expect(await list(admin)).toMatchObject({ total: 3, damagedLines: 1 });
    });
  });
});
