/**
 * Publishing a policy at head office and a branch pulling it: a bad policy is refused with the path of the bad
 * field and stores nothing; a branch gets the latest version only if it is newer than its own, and only with a
 * request signed with its secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import { sealEnvelope } from '../shared/sync/envelope';
import { newBranchSecret } from '../shared/sync/signature';
import { BACKENDS, httpSend, openBackend, postEnvelope, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';

/** The shipped policy without its version, grade 2 resolved in `resolveHours`. */
function document(resolveHours: number): Record<string, unknown> {
  const { version: _version, ...rest } = structuredClone(DEFAULT_POLICY);
  return { ...rest, grades: { ...rest.grades, 2: { ...rest.grades[2], resolveHours } } };
}

describe.each(BACKENDS)('policy publication on %s', (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  let secret: string;
  const pull = async (knownVersion: number, signWith = secret) =>
    postEnvelope(office.url, await sealEnvelope(signWith, 'PL01', JSON.stringify({ knownVersion }), new Date().toISOString()), { path: '/api/v1/policy' });

  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
    secret = await office.enrol('PL01');
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  it('refuses a policy with a bad field, naming its path, and publishes nothing', async () => {
    expect(await office.admin('POST', '/api/v1/policies', { policy: document(-1) })).toMatchObject({ status: 422, body: { error: 'invalid_policy', path: 'grades.2.resolveHours' } });
    expect(await office.admin('POST', '/api/v1/policies', { policy: { ...document(48), categories: [] } })).toMatchObject({ status: 422, body: { path: 'categories' } });
    expect(await office.admin('GET', '/api/v1/policies')).toMatchObject({ status: 200, body: { versions: [] } });
    expect((await pull(0)).body).toMatchObject({ latest: null });
  });

  it('numbers publications after the shipped default; a branch pulls the latest only when it is newer than its own', async () => {
    expect(await office.admin('POST', '/api/v1/policies', { policy: document(60) })).toMatchObject({ status: 201, body: { version: 2 } });
    expect(await office.admin('POST', '/api/v1/policies', { policy: document(96) })).toMatchObject({ status: 201, body: { version: 3 } });
    const history = (await office.admin('GET', '/api/v1/policies')).body as { versions: { version: number }[] };
    expect(history.versions.map((v) => v.version)).toEqual([3, 2]);

    const fresh = await pull(0);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ latest: { version: 3, policy: { version: 3, grades: { 2: { resolveHours: 96 } } } } });
    expect((await pull(2)).body).toMatchObject({ latest: { version: 3 } });
    expect((await pull(3)).body).toMatchObject({ latest: null });
  });

  it('answers only a request signed with the branch’s secret', async () => {
    expect(await pull(0, newBranchSecret())).toMatchObject({ status: 401, body: { status: 'refused', code: 'bad_signature' } });
    expect((await office.admin('POST', '/api/v1/policies', { policy: document(30) })).status).toBe(201);
    const unsigned = await postEnvelope(office.url, { v: 1, branch: 'PL01', timestamp: new Date().toISOString(), body: '{"knownVersion":0}' }, { path: '/api/v1/policy' });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses publishing without the admin token', async () => {
    expect((await httpSend(`${office.url}/api/v1/policies`, { method: 'POST', body: JSON.stringify({ policy: document(10) }), headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});
