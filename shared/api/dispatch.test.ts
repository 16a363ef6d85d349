import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../result';
import type { ApiHandlers } from './contract';
import { createDispatcher } from './dispatch';
import { API_METHODS } from './methods';

/** Handlers that record what reached them; any method not overridden answers a fixed settings object. */
function recordingHandlers(overrides: Partial<ApiHandlers> = {}) {
  const calls: string[] = [];
  const fallback = async (): Promise<Result<never>> => ok({ language: 'en', prefs: {} } as never);
  const handlers = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (input: unknown) => {
        calls.push(method);
        const override = overrides[method] as ((input: unknown) => Promise<Result<unknown>>) | undefined;
        return override ? override(input) : fallback();
      },
    ]),
  ) as unknown as ApiHandlers;
  return { handlers, calls };
}

const W = { window: 'window-a' };

describe('createDispatcher', () => {
  it('refuses an unknown method without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, { validateOutput: true, onBug: () => undefined });
    expect(await dispatch('fs.deleteEverything', {}, W)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('constructor', {}, W)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(calls).toEqual([]);
  });

  it('refuses a payload that breaks the contract with the path, before the service runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, { validateOutput: true, onBug: () => undefined });
    expect(await dispatch('journal.read', { afterSeq: -1 }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'afterSeq' } });
    expect(await dispatch('complaints.decide', { requestId: 'r-12345678', action: 'fly' }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'action' } });
    expect(await dispatch('complaints.escalateDue', { complaintIds: [] }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'complaintIds' } });
    expect(await dispatch('settings.get', { sneaky: true }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('auth.signIn', 'admin', W)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('refuses account payloads that break the contract before any service runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, { validateOutput: true, onBug: () => undefined });
    const refused = (path: string) => ({ ok: false, error: { code: 'invalid_input', path } });
    expect(await dispatch('users.update', { id: 'u-1' }, W)).toMatchObject(refused(''));
    expect(await dispatch('users.update', { id: '', active: false }, W)).toMatchObject(refused('id'));
    expect(await dispatch('users.update', { id: 'u-1', role: 'owner' }, W)).toMatchObject(refused('role'));
    expect(await dispatch('users.update', { id: 'u-1', active: false, username: 'renamed' }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('users.resetPassword', { id: 'u-1', password: 'x'.repeat(257) }, W)).toMatchObject(refused('password'));
    expect(await dispatch('users.changeOwnPassword', { password: 'new-pass-1' }, W)).toMatchObject(refused('currentPassword'));
    // The own password is the signed-in user's: a payload cannot name someone else.
    expect(await dispatch('users.changeOwnPassword', { id: 'u-2', currentPassword: 'a', password: 'new-pass-1' }, W)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('passes parsed input through and treats a missing input of an empty method as {}', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, { validateOutput: true, onBug: () => undefined });
    expect(await dispatch('settings.get', undefined, W)).toEqual({ ok: true, value: { language: 'en', prefs: {} } });
    expect(calls).toEqual(['settings.get']);
  });

  it('reports a thrown error as a bug and answers a plain internal refusal without the stack', async () => {
    const bugs: unknown[] = [];
    const { handlers } = recordingHandlers({
      'settings.get': async () => {
        throw new Error('disk on fire at /home/secret/path');
      },
    });
    const dispatch = createDispatcher(handlers, { validateOutput: true, onBug: (_method, error) => bugs.push(error) });
    const result = await dispatch('settings.get', {}, W);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(bugs).toHaveLength(1);
  });

  it('catches an output that breaks the contract when asked to (dev and test)', async () => {
    const bugs: string[] = [];
    const badOutput = { 'settings.get': async () => ok({ language: 'klingon', prefs: {} } as never) };
    const strict = createDispatcher(recordingHandlers(badOutput).handlers, { validateOutput: true, onBug: (method) => bugs.push(method) });
    expect(await strict('settings.get', {}, W)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(bugs).toEqual(['settings.get']);
    const lenient = createDispatcher(recordingHandlers(badOutput).handlers, { validateOutput: false, onBug: (method) => bugs.push(method) });
    expect(await lenient('settings.get', {}, W)).toMatchObject({ ok: true });
  });
});
