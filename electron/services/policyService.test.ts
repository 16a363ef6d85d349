import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_SETUP, inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import type { PolicyCurrent } from '../../shared/api/policy';
import type { PolicyVersion } from '../../shared/policy/book';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { BranchCodeSchema } from '../../shared/brand';
import { encodeEnrolment } from '../../shared/sync/enrolment';
import { fileExists } from './jsonFile';
import { openDesk } from './desk';

const REGISTRATION = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳', phone: '13812345678' },
  description: '收银员态度恶劣',
  requests: ['apology'],
};

const open = (dir: string) => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger() });

/** The shipped policy as the editor sends it: without `version`, with grade 3 resolved in `resolveHours`. */
function edited(resolveHours: number): Record<string, unknown> {
  const { version: _version, ...document } = structuredClone(DEFAULT_POLICY);
  return { ...document, grades: { ...document.grades, 3: { ...document.grades[3], resolveHours } } };
}

function valueOf<T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok: ${result.error?.message ?? ''}`);
  return result.value as T;
}

async function withAdmin(work: (call: ReturnType<typeof inWindow>, dir: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const desk = await open(dir);
    try {
      const call = inWindow(desk);
      valueOf(await call('setup.createBranch', BRANCH_SETUP));
      await work(call, dir);
    } finally {
      await desk.close();
    }
  });
}

let requests = 0;
const register = async (call: ReturnType<typeof inWindow>) =>
  valueOf<{ events: { payload: { policyVersion: number } }[] }>(
    await call('complaints.decide', { requestId: `req-${String(++requests).padStart(8, '0')}`, action: 'register', input: { ...REGISTRATION, receivedAt: new Date().toISOString() } }),
  ).events[0]?.payload.policyVersion;

describe('a branch admin edits the policy', () => {
  it('saves a new version that new complaints are graded under, audited; the earlier one stays in the history', async () => {
    await withAdmin(async (call, dir) => {
      const first = valueOf<PolicyCurrent>(await call('policy.current', {}));
      expect(first).toMatchObject({ inForce: { source: 'default', policy: { version: 1 } }, editable: true });
      expect(await register(call)).toBe(1);

      const saved = valueOf<PolicyCurrent>(await call('policy.save', { basedOn: 1, policy: edited(96) }));
      expect(saved.inForce).toMatchObject({ source: 'branch', savedBy: BRANCH_SETUP.adminUsername, policy: { version: 2, grades: { 3: { resolveHours: 96 } } } });
      expect(await register(call)).toBe(2);

      const audit = (await readFile(join(dir, 'audit', 'policy.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as unknown);
      expect(audit).toEqual([expect.objectContaining({ kind: 'policy-in-force', version: 2, source: 'branch', username: BRANCH_SETUP.adminUsername })]);
    });
  });

  it('keeps every version across a restart', async () => {
    await withTempDir(async (dir) => {
      const first = await open(dir);
      valueOf(await inWindow(first)('setup.createBranch', BRANCH_SETUP));
      valueOf(await inWindow(first)('policy.save', { basedOn: 1, policy: edited(96) }));
      await first.close();
      const again = await open(dir);
      try {
        const call = inWindow(again);
        valueOf(await call('auth.signIn', { username: BRANCH_SETUP.adminUsername, password: BRANCH_SETUP.password }));
        expect(valueOf<{ versions: PolicyVersion[] }>(await call('policy.history', {})).versions.map((v) => [v.policy.version, v.source])).toEqual([
          [1, 'default'],
          [2, 'branch'],
        ]);
        expect(await register(call)).toBe(2);
      } finally {
        await again.close();
      }
    });
  });

  it('refuses a bad field with its path and writes nothing', async () => {
    await withAdmin(async (call, dir) => {
      const refused = await call('policy.save', { basedOn: 1, policy: edited(-5) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_policy', path: 'grades.3.resolveHours' } });
      const weights = await call('policy.save', { basedOn: 1, policy: { ...edited(72), kpiWeights: { timeliness: 0.5, satisfaction: 0.4, resolutionRate: 0.3 } } });
      expect(weights).toMatchObject({ ok: false, error: { code: 'invalid_policy', path: 'kpiWeights' } });
      expect(await fileExists(join(dir, 'policy.json'))).toBe(false);
      expect(valueOf<{ versions: PolicyVersion[] }>(await call('policy.history', {})).versions.map((v) => v.policy.version)).toEqual([1]);
    });
  });

  it('refuses a save based on a version no longer in force', async () => {
    await withAdmin(async (call) => {
      valueOf(await call('policy.save', { basedOn: 1, policy: edited(80) }));
      expect(await call('policy.save', { basedOn: 1, policy: edited(90) })).toMatchObject({ ok: false, error: { code: 'policy_changed', params: { version: 2 } } });
    });
  });

  it('is read-only once the branch is enrolled with head office', async () => {
    await withAdmin(async (call, dir) => {
      const code = encodeEnrolment({ url: 'http://127.0.0.1:9', branch: BranchCodeSchema.parse(BRANCH_SETUP.branchCode), secret: 'x'.repeat(43), issuedAt: new Date().toISOString() });
      valueOf(await call('sync.enrol', { code }));
      expect(valueOf<PolicyCurrent>(await call('policy.current', {}))).toMatchObject({ editable: false, lockedBecause: 'head_office' });
      expect(await call('policy.save', { basedOn: 1, policy: edited(96) })).toMatchObject({ ok: false, error: { code: 'policy_from_head_office' } });
      expect(await fileExists(join(dir, 'policy.json'))).toBe(false);
    });
  });
});
