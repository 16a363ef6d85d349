/**
 * The branch's user directory reaches head office with sync (docs/sync-protocol.md "User directory"): the real
 * desk's sync engine sends its accounts (id, display name, role, active) to the real head-office server before
 * its batches, so head office names the people its events name; a renamed account arrives on the next round.
 * No username and no password hash leaves the branch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BranchCodeSchema } from '../../shared/brand';
import { encodeEnrolment } from '../../shared/sync/enrolment';
import { openDesk } from '../../electron/services/desk';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../unit/platform/fixtures';
import { headOfficeForSuite, valueOf } from './headOfficeSuite';

describe("a branch's user directory", () => {
  const office = headOfficeForSuite();

  const held = () => office().running.db.query<{ id: string; display_name: string; role: string; active: boolean }>('select id, display_name, role, active from branch_users order by role, id');

  it('reaches head office with sync, names only, and follows a rename', async () => {
    await withTempDir(async (dir) => {
      const secret = await office().enrol(BRANCH_SETUP.branchCode);
      const dataDir = join(dir, 'data');
      const desk = await openDesk({ dataDir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      try {
        const admin = inWindow(desk);
        valueOf(await admin('setup.createBranch', BRANCH_SETUP));
        valueOf(await admin('auth.signIn', { username: BRANCH_SETUP.adminUsername, password: BRANCH_SETUP.password }));
        const { user: clerk } = valueOf<{ user: { id: string } }>(await admin('users.create', { username: 'wangfang', displayName: '王芳', role: 'staff', password: 'wangfang-2026!' }));

        const code = encodeEnrolment({ url: office().url, branch: BranchCodeSchema.parse(BRANCH_SETUP.branchCode), secret, issuedAt: new Date().toISOString() });
        valueOf(await admin('sync.enrol', { code }));
        await vi.waitFor(async () => expect(await held()).toHaveLength(2), { timeout: 20_000 });
        const [adminRow, clerkRow] = await held();
        expect(adminRow).toMatchObject({ role: 'admin', active: true });
        expect(clerkRow).toEqual({ id: clerk.id, display_name: '王芳', role: 'staff', active: true });
        // Nothing of the sign-in leaves the branch: neither the clerk's username nor a password hash is in head office's table.
        const everything = JSON.stringify(await office().running.db.query('select * from branch_users'));
        const hashes = (JSON.parse(readFileSync(join(dataDir, 'users.json'), 'utf8')) as { users: { passwordHash: string }[] }).users.map((user) => user.passwordHash);
        expect(hashes.length).toBeGreaterThan(0);
        for (const secretText of ['wangfang', ...hashes]) expect(everything).not.toContain(secretText);

        valueOf(await admin('users.update', { id: clerk.id, displayName: '王芳芳', active: false }));
        valueOf(await admin('sync.now', {}));
        await vi.waitFor(async () => expect((await held())[1]).toMatchObject({ display_name: '王芳芳', active: false }), { timeout: 20_000 });
      } finally {
        await desk.close();
      }
    });
  }, 60_000);
});
