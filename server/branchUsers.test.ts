/**
 * A branch's user directory at head office: a signed `POST /api/v1/users` stores the branch's accounts (names,
 * roles, active) keyed by branch and id, a later one updates them and never drops one, and head office's
 * `users.list` names them, so its screens show people instead of ids. An unsigned, malformed or oversized
 * directory is refused and stores nothing; nothing but the four fields is kept.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEnvelope } from '../shared/sync/envelope';
import { newBranchSecret } from '../shared/sync/signature';
import { USER_DIRECTORY_MAX } from '../shared/sync/users';
import { BACKENDS, httpSend, openBackend, postEnvelope, startTestHeadOffice, type Backends, type TestHeadOffice } from '../tests/server/harness';
import { createAccounts } from './accounts';

const WANG = { id: 'u-wang', displayName: '王芳', role: 'staff', active: true };
const LI = { id: 'u-li', displayName: '李主管', role: 'supervisor', active: true };

describe.each(BACKENDS)('branch user directories on %s', (backend) => {
  let backends: Backends;
  let office: TestHeadOffice;
  let secret: string;
  let secondSecret: string;
  const send = async (body: unknown, signWith = secret, branch = 'UD01') =>
    postEnvelope(office.url, await sealEnvelope(signWith, branch, typeof body === 'string' ? body : JSON.stringify(body), new Date().toISOString()), { path: '/api/v1/users' });
  const stored = () => office.running.db.query('select branch, id, display_name, role, active from branch_users order by branch, id');

  /** head office's `users.list` as its screens call it, signed in. */
  async function usersListed(): Promise<{ id: string; displayName: string; role: string; active: boolean; username: string }[]> {
    const window = randomUUID();
    const call = async (method: string, input: unknown) =>
      (await httpSend(`${office.url}/api/${method}`, { body: JSON.stringify(input), headers: { 'content-type': 'application/json', 'x-desk-window': window } })).body as {
        ok: boolean;
        value: { users: { id: string; displayName: string; role: string; active: boolean; username: string }[] };
      };
    expect(await call('auth.signIn', { username: 'zongbu', password: 'zongbu-2026' })).toMatchObject({ ok: true });
    const listed = await call('users.list', {});
    expect(listed.ok).toBe(true);
    return listed.value.users;
  }

  beforeAll(async () => {
    backends = await openBackend(backend);
    office = await startTestHeadOffice(await backends.fresh());
    secret = await office.enrol('UD01');
    secondSecret = await office.enrol('UD02');
    const made = await createAccounts(office.running.db).create({ username: 'zongbu', role: 'admin', password: 'zongbu-2026' }, new Date());
    if (!made.ok) throw new Error(made.error.message);
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  });

  it('refuses a directory that is unsigned, malformed, carries more than a name or is too long, and stores nothing', async () => {
    expect(await send({ users: [WANG] }, newBranchSecret())).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    expect(await send('not json')).toMatchObject({ status: 400, body: { code: 'malformed_batch' } });
    expect(await send({ users: [{ ...WANG, passwordHash: 'scrypt$…' }] })).toMatchObject({ status: 400, body: { code: 'malformed_batch' } });
    expect(await send({ users: [{ ...WANG, role: 'owner' }] })).toMatchObject({ status: 400, body: { code: 'malformed_batch' } });
    expect(await send({ users: [{ ...WANG, displayName: '' }] })).toMatchObject({ status: 400, body: { code: 'malformed_batch' } });
    const tooMany = Array.from({ length: USER_DIRECTORY_MAX + 1 }, (_, i) => ({ ...WANG, id: `u-${i}` }));
    expect(await send({ users: tooMany })).toMatchObject({ status: 400, body: { code: 'malformed_batch' } });
    expect(await stored()).toEqual([]);
    expect((await usersListed()).map((user) => user.id)).not.toContain(WANG.id);
  });

  it("stores a branch's accounts by branch and id, updates them, keeps one no longer sent, and lists them with head office's own", async () => {
    expect(await send({ users: [WANG, LI] })).toMatchObject({ status: 200, body: { stored: 2 } });
    // Another branch may hold the same id: it is that branch's account, kept apart.
    expect(await send({ users: [{ ...WANG, displayName: '王小芳' }] }, secondSecret, 'UD02')).toMatchObject({ status: 200, body: { stored: 1 } });
    // Renamed and deactivated; Li is no longer listed but still named what Li did.
    expect(await send({ users: [{ ...WANG, displayName: '王芳芳', active: false }] })).toMatchObject({ status: 200, body: { stored: 2 } });
    expect(await stored()).toEqual([
      { branch: 'UD01', id: 'u-li', display_name: '李主管', role: 'supervisor', active: true },
      { branch: 'UD01', id: 'u-wang', display_name: '王芳芳', role: 'staff', active: false },
      { branch: 'UD02', id: 'u-wang', display_name: '王小芳', role: 'staff', active: true },
    ]);
    const listed = await usersListed();
    expect(listed.map((user) => [user.id, user.displayName, user.role, user.active])).toEqual(
      expect.arrayContaining([
        ['u-li', '李主管', 'supervisor', true],
        ['u-wang', '王芳芳', 'staff', false],
      ]),
    );
    expect(listed.find((user) => user.role === 'admin')?.username).toBe('zongbu');
    // Head office never learns a branch username.
    expect(listed.filter((user) => user.id.startsWith('u-')).every((user) => user.username === '')).toBe(true);
  });
});
