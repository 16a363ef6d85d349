/**
 * Sync through the contract, on the real desk (openDesk): who may do what, bad input changing nothing, and the
 * desk answering its other calls at once while head office holds a request open.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BranchCodeSchema } from '../../../shared/brand';
import { encodeEnrolment } from '../../../shared/sync/enrolment';
import { newBranchSecret } from '../../../shared/sync/signature';
import { openDesk, type Desk } from '../../../electron/services/desk';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../platform/fixtures';
import { startFakeHeadOffice, type FakeHeadOffice } from './headOffice';
import { manualTimers } from './branch';

const REGISTRATION = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳' },
  receivedAt: new Date(Date.now() - 60_000).toISOString(),
  description: '收银员态度恶劣',
  requests: ['apology'],
};

async function withDesk(work: (context: { desk: Desk; office: FakeHeadOffice; code: string; admin: ReturnType<typeof inWindow> }) => Promise<void>) {
  await withTempDir(async (dir) => {
    const secret = newBranchSecret();
    const office = await startFakeHeadOffice('BR01', secret);
    const desk = await openDesk({ dataDir: join(dir, 'data'), mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), sync: { tuning: { schedule: manualTimers().schedule, requestTimeoutMs: 120_000 } } });
    const admin = inWindow(desk, 'window-admin');
    expect(await admin('setup.createBranch', BRANCH_SETUP)).toMatchObject({ ok: true });
    const code = encodeEnrolment({ url: office.url, branch: BranchCodeSchema.parse('BR01'), secret, issuedAt: '2026-12-01T08:00:00.000Z' });
    try {
      await work({ desk, office, code, admin });
    } finally {
      await desk.close();
      await office.close();
    }
  });
}

describe('sync through the contract', () => {
  it('answers complaints.decide at once while head office hangs, and closes without waiting for it', async () => {
    await withDesk(async ({ desk, office, code, admin }) => {
      office.faults.hang = true;
      expect(await admin('complaints.decide', { requestId: 'req-00000001', action: 'register', input: REGISTRATION })).toMatchObject({ ok: true });
      expect(await admin('sync.enrol', { code })).toMatchObject({ ok: true, value: { state: 'pending', pending: 1 } });
      await vi.waitFor(() => expect(office.hanging()).toBe(1));

      const decided = await admin('complaints.decide', { requestId: 'req-00000002', action: 'register', input: REGISTRATION });
      expect(decided).toMatchObject({ ok: true, value: { journaledThroughSeq: 2 } });
      expect(await admin('journal.read', { afterSeq: 0 })).toMatchObject({ ok: true, value: { lastSeq: 2 } });
      expect(await admin('sync.status', {})).toMatchObject({ ok: true, value: { running: true, pending: 2 } });
      expect(office.hanging()).toBe(1); // still unanswered: nothing above waited for it
      expect(office.stored.size).toBe(0);
      await desk.close(); // aborts the request in flight (the test would time out otherwise)
    });
  });

  it('only an admin enrols, configures and exports; anyone signed in sees the state; bad input changes nothing', async () => {
    await withDesk(async ({ desk, code, admin }) => {
      expect(await admin('users.create', { username: 'li.na', role: 'staff', password: 'counter-one-2026' })).toMatchObject({ ok: true });
      const clerk = inWindow(desk, 'window-clerk');
      expect(await clerk('sync.status', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(await clerk('auth.signIn', { username: 'li.na', password: 'counter-one-2026' })).toMatchObject({ ok: true });
      expect(await clerk('sync.status', {})).toMatchObject({ ok: true, value: { state: 'not_enrolled' } });
      for (const [method, input] of [
        ['sync.enrol', { code }],
        ['sync.configure', { enabled: false }],
        ['sync.exportBatchFile', { folder: '/tmp' }],
        ['sync.importAck', { path: '/tmp' }],
      ] as const) {
        expect(await clerk(method, input)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      }
      expect(await clerk('sync.now', {})).toMatchObject({ ok: true });

      expect(await admin('sync.configure', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await admin('sync.configure', { intervalMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'intervalMinutes' } });
      expect(await admin('sync.enrol', { code: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'code' } });
      expect(await admin('sync.exportBatchFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'folder' } }); // browser mode: no dialog
      expect(await admin('sync.exportBatchFile', { folder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'not_enrolled' } });
      expect(await admin('sync.status', {})).toMatchObject({ ok: true, value: { state: 'not_enrolled', intervalMinutes: 5, enabled: true } });
    });
  });
});
