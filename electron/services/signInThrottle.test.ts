import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, refuse, type Result } from '../../shared/result';
import { inWindow, memoryLogger, withTempDir } from '../../tests/unit/platform/fixtures';
import { openDesk } from './desk';
import { createSignInThrottle, wrongWhen } from './signInThrottle';
import { createUserStore } from './users';

const START = Date.parse('2026-11-23T08:00:00Z');
const LOCKED = { ok: false, error: { code: 'too_many_attempts', params: { seconds: 30 } } };

const codes = (results: readonly Result<unknown>[]) => {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const code = result.ok ? 'ok' : result.error.code;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
};

describe('sign-in throttle', () => {
  it('checks at most 5 of 40 wrong guesses sent at once against the real user store; the rest wait 30 s', async () => {
    await withTempDir(async (dir) => {
      let clock = START;
      const store = createUserStore(join(dir, 'users.json'), { now: () => new Date(clock), newId: () => 'u-admin' });
      expect(await store.resetTo({ username: 'admin', role: 'admin', password: 'correct horse' })).toMatchObject({ ok: true });
      const throttle = createSignInThrottle(() => new Date(clock));
      let verified = 0;
      const signIn = (password: string) =>
        throttle.attempt(
          'admin',
          () => {
            verified += 1;
            return store.verify('admin', password);
          },
          wrongWhen('bad_credentials'),
        );

      const guesses = await Promise.all(Array.from({ length: 40 }, (_, index) => signIn(`guess-${index}`)));
      expect(verified).toBe(5);
      expect(codes(guesses)).toEqual({ bad_credentials: 5, too_many_attempts: 35 });
      for (const refused of guesses.filter((result) => !result.ok && result.error.code === 'too_many_attempts')) expect(refused).toMatchObject(LOCKED);

      // Locked now: even the right password is not checked.
      clock += 10_000;
      expect(await signIn('correct horse')).toMatchObject({ ok: false, error: { code: 'too_many_attempts', params: { seconds: 20 } } });
      expect(verified).toBe(5);
      clock += 20_000;
      expect(await signIn('correct horse')).toMatchObject({ ok: true, value: { username: 'admin' } });
    });
  });

  it('counts the name as sign-in folds it: full-width and capitals are the same name', async () => {
    const throttle = createSignInThrottle(() => new Date(START));
    const wrong = async (): Promise<Result<never>> => refuse('bad_credentials', 'no');
    for (const name of ['admin', 'ADMIN', 'ａｄｍｉｎ', ' Admin ', 'ＡＤＭＩＮ']) await throttle.attempt(name, wrong, wrongWhen('bad_credentials'));
    expect(await throttle.attempt('admin', async () => ok('in'), wrongWhen('bad_credentials'))).toMatchObject(LOCKED);
    expect(await throttle.attempt('li.na', async () => ok('in'), wrongWhen('bad_credentials'))).toEqual({ ok: true, value: 'in' });
  });

  it('does not count a deactivated account, or a check that failed, as a guess', async () => {
    const throttle = createSignInThrottle(() => new Date(START));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await throttle.attempt('li.na', async () => refuse('account_disabled', 'off'), wrongWhen('bad_credentials'));
      await expect(throttle.attempt('li.na', async () => Promise.reject(new Error('users.json damaged')), wrongWhen('bad_credentials'))).rejects.toThrow('damaged');
    }
    expect(await throttle.attempt('li.na', async () => ok('in'), wrongWhen('bad_credentials'))).toEqual({ ok: true, value: 'in' });
  });

  it('starts counting afresh after a right password', async () => {
    const throttle = createSignInThrottle(() => new Date(START));
    const wrong = async (): Promise<Result<never>> => refuse('bad_credentials', 'no');
    for (let attempt = 0; attempt < 4; attempt += 1) await throttle.attempt('admin', wrong, wrongWhen('bad_credentials'));
    expect(await throttle.attempt('admin', async () => ok('in'), wrongWhen('bad_credentials'))).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 4; attempt += 1) expect(await throttle.attempt('admin', wrong, wrongWhen('bad_credentials'))).toMatchObject({ error: { code: 'bad_credentials' } });
  });
});

describe('auth.signIn under parallel guesses', () => {
  it('answers 40 parallel wrong guesses with 5 bad_credentials and 35 waits; the right password only after the lock', async () => {
    await withTempDir(async (dir) => {
      let clock = START;
      const desk = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), now: () => new Date(clock) });
      try {
        const setup = { branchCode: 'BR01', branchName: '朝阳门店', timeZone: 'Asia/Shanghai', adminUsername: 'admin', password: 'correct horse' };
        expect(await inWindow(desk)('setup.createBranch', setup)).toMatchObject({ ok: true });
        await inWindow(desk)('auth.signOut', {});

        // Some typed full-width, as an IME does: still the one name "admin".
        const guesses = await Promise.all(
          Array.from({ length: 40 }, (_, index) => inWindow(desk)('auth.signIn', { username: index % 2 ? 'ａｄｍｉｎ' : 'admin', password: `guess-${index}` })),
        );
        expect(codes(guesses)).toEqual({ bad_credentials: 5, too_many_attempts: 35 });
        expect(guesses.filter((result) => !result.ok && result.error.code === 'too_many_attempts').every((result) => JSON.stringify(result).includes('"seconds":30'))).toBe(true);

        const right = { username: 'ａｄｍｉｎ', password: 'correct horse' };
        expect(await inWindow(desk)('auth.signIn', right)).toMatchObject(LOCKED);
        expect(await inWindow(desk)('auth.session', {})).toEqual({ ok: true, value: { user: null } });
        clock += 30_000;
        expect(await inWindow(desk)('auth.signIn', right)).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
      } finally {
        await desk.close();
      }
    });
  });
});
