/**
 * Policy push end to end (issue 13 items 3 and 6): the real head-office server publishes a version, the branch's
 * real desk (main's services and sync engine) pulls it after a sync round, and only its next complaint is graded
 * under it — the earlier one keeps the version it was graded under, also in main's decisions on it.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyCurrent } from '../../shared/api/policy';
import { BranchCodeSchema } from '../../shared/brand';
import type { PolicyVersion } from '../../shared/policy/book';
import { minimalInput } from '../../shared/domain/testing';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { encodeEnrolment } from '../../shared/sync/enrolment';
import { openDesk } from '../../electron/services/desk';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../unit/platform/fixtures';
import { headOfficeForSuite, valueOf, WALK_IN } from './headOfficeSuite';


describe('a policy published at head office', () => {
  const office = headOfficeForSuite();

  it('reaches the branch with sync and applies to its next complaint only', async () => {
    await withTempDir(async (dir) => {
      const secret = await office().enrol(BRANCH_SETUP.branchCode);
      const { version: _version, ...document } = structuredClone(DEFAULT_POLICY);
      const published = await office().admin('POST', '/api/v1/policies', { policy: { ...document, grades: { ...document.grades, 3: { ...document.grades[3], resolveHours: 120 } } } });
      expect(published).toMatchObject({ status: 201, body: { version: 2 } });

      const desk = await openDesk({ dataDir: join(dir, 'data'), mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });
      try {
        const admin = inWindow(desk);
        valueOf(await admin('setup.createBranch', BRANCH_SETUP));
        const register = async (n: number) =>
          valueOf<{ events: { complaintId: string; payload: { policyVersion: number } }[] }>(
            await admin('complaints.decide', { requestId: `req-0000000${n}`, action: 'register', input: { ...WALK_IN, receivedAt: new Date().toISOString() } }),
          ).events[0];
        const before = await register(1);
        expect(before?.payload.policyVersion).toBe(1);

        const code = encodeEnrolment({ url: office().url, branch: BranchCodeSchema.parse(BRANCH_SETUP.branchCode), secret, issuedAt: new Date().toISOString() });
        valueOf(await admin('sync.enrol', { code }));
        await vi.waitFor(async () => expect(valueOf<PolicyCurrent>(await admin('policy.current', {})).inForce.source).toBe('headOffice'), { timeout: 20_000 });

        const current = valueOf<PolicyCurrent>(await admin('policy.current', {}));
        expect(current).toMatchObject({ inForce: { headOfficeVersion: 2, policy: { version: 2, grades: { 3: { resolveHours: 120 } } } }, editable: false, lockedBecause: 'head_office' });
        const history = valueOf<{ versions: PolicyVersion[] }>(await admin('policy.history', {}));
        expect(history.versions.map((v) => [v.policy.version, v.source])).toEqual([
          [1, 'default'],
          [2, 'headOffice'],
        ]);

        const after = await register(2);
        expect(after?.payload.policyVersion).toBe(2);
        // Main re-grades the earlier complaint under its own version: an assessment stamps v1, not the one in force.
        const assessed = valueOf<{ events: { type: string; payload: { policyVersion?: number } }[] }>(
          await admin('complaints.decide', {
            requestId: 'req-00000003',
            action: 'assess',
            complaintId: before?.complaintId,
            input: minimalInput('assess', undefined, new Date().toISOString()),
          }),
        );
        expect(assessed.events.find((event) => event.type === 'Assessed')?.payload.policyVersion).toBe(1);

        // A second round with nothing new changes nothing.
        valueOf(await admin('sync.now', {}));
        expect(valueOf<{ versions: PolicyVersion[] }>(await admin('policy.history', {})).versions).toHaveLength(2);
      } finally {
        await desk.close();
      }
    });
  }, 60_000);
});
