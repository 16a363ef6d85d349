/**
 * Fault suite, crashes: main killed with SIGKILL in the middle of registrations, a torn last journal line, and a
 * window whose request is lost in flight. Real processes, the real HTTP bridge.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../renderer/platform/transport';
import {
  expectFollows,
  expectJournalKeepsPromises,
  journalPath,
  logPath,
  newRequestId,
  numberOf,
  openTab,
  readJournal,
  register,
  setUpBranch,
  signIn,
  startCli,
  stopCli,
  waitFor,
  withWorkspace,
} from './harness';

describe('fault: main is killed (SIGKILL) during registration', () => {
  it('keeps every number it confirmed, takes over the dead lock, cuts a torn line, and numbers on without reuse', async () => {
    await withWorkspace(async ({ dataDir, rendererDir }) => {
      const first = startCli(dataDir, rendererDir);
      const confirmed: string[] = [];
      try {
        const tab = await openTab(await first.url);
        await setUpBranch(tab);
        // Registrations in a loop, several in flight at once (two tabs), until the server dies under them.
        const loop = async (api: Api) => {
          for (;;) {
            const answer = await register(api);
            const number = numberOf(answer);
            if (!number) return answer.ok ? 'no number' : answer.error.code;
            confirmed.push(number);
          }
        };
        const other = await openTab(await first.url);
        await signIn(other);
        const loops = [loop(tab), loop(other)];
        await waitFor(() => confirmed.length >= 8, 30_000);
        first.child.kill('SIGKILL');
        // Each loop ends on the call the kill cut off: no answer, so no number was given for it.
        expect(await Promise.all(loops)).toEqual(['unreachable', 'unreachable']);
        expect(await first.exited).toBeNull();
      } finally {
        await stopCli(first, 'SIGKILL');
      }
      const journalBeforeRestart = (await readJournal(dataDir)).bytes;
      const torn = !journalBeforeRestart.toString('utf8').endsWith('\n');

      const second = startCli(dataDir, rendererDir);
      try {
        const tab = await openTab(await second.url);
        const journal = await expectJournalKeepsPromises(dataDir, confirmed);
        expect(journal.numbers.length).toBeGreaterThanOrEqual(confirmed.length);
        const log = await readFile(logPath(dataDir), 'utf8');
        expect(log).toContain('took over the data folder lock of a desk that is no longer running');
        if (torn) expect(log).toContain('journal: cut off a torn last line left by a crash');
        // The sessions died with the process: the person signs in again, and numbering goes on.
        expect(await register(tab)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
        await signIn(tab);
        const next = numberOf(await register(tab));
        expectFollows(next, journal.numbers);
        confirmed.push(next ?? '');
      } finally {
        await stopCli(second, 'SIGKILL');
      }

      // A torn half line of our own at the end: cut off, logged, and the start goes on as if it never was.
      const whole = (await readJournal(dataDir)).bytes;
      expect(whole.toString('utf8').endsWith('\n')).toBe(true);
      await appendFile(journalPath(dataDir), '{"id":"half-written","complaintId":"c-');
      const third = startCli(dataDir, rendererDir);
      try {
        const tab = await openTab(await third.url);
        expect(await readFile(journalPath(dataDir))).toEqual(whole);
        const log = await readFile(logPath(dataDir), 'utf8');
        expect(log.match(/journal: cut off a torn last line left by a crash/g)?.length).toBe(torn ? 2 : 1);
        await signIn(tab);
        const journal = await readJournal(dataDir);
        const next = numberOf(await register(tab));
        expectFollows(next, journal.numbers);
        confirmed.push(next ?? '');
      } finally {
        expect(await stopCli(third)).toBe(0);
      }
      await expectJournalKeepsPromises(dataDir, confirmed);
    });
  }, 60_000);
});

describe('fault: a window is closed while its request is in flight', () => {
  /** A fetch that sends the request and gives up after `ms`, before the answer arrives, as a closed tab would. */
  const abandoning =
    (ms: number): typeof fetch =>
    (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(ms) });
  /**
   * A fetch whose answer never reaches the caller though main journaled the step: it gives up the moment the
   * journal on disk grows, whatever the answer would have been.
   */
  const lostAfterJournaling =
    (dataDir: string): typeof fetch =>
    async (input, init) => {
      const before = (await readJournal(dataDir)).bytes.length;
      const controller = new AbortController();
      fetch(input, { ...init, signal: controller.signal }).catch(() => undefined);
      await waitFor(async () => (await readJournal(dataDir)).bytes.length > before, 5_000);
      controller.abort();
      throw new Error('the window was closed before the answer arrived');
    };

  it('either journaled the step once (a retry with the same request id gets the same number) or gave nothing', async () => {
    await withWorkspace(async ({ dataDir, rendererDir }) => {
      const first = startCli(dataDir, rendererDir);
      const confirmed: string[] = [];
      const lost: string[] = [];
      let window: string;
      try {
        const url = await first.url;
        const admin = await openTab(url);
        await setUpBranch(admin);
        confirmed.push(numberOf(await register(admin)) ?? 'none');
        // The closing tab signs in normally, then its registration is cut off on the way back.
        window = `win-closing-${Date.now()}`;
        await signIn(await openTab(url, { window }));
        // Cut off at different moments: before it reaches main, while main decides, right after it journaled.
        for (const fetch of [abandoning(1), abandoning(15), abandoning(40), lostAfterJournaling(dataDir)]) {
          const requestId = newRequestId();
          const answer = await register(await openTab(url, { window, fetch }), requestId);
          // An answer that did arrive in time is an ordinary confirmation; otherwise nothing was given.
          if (answer.ok) confirmed.push(numberOf(answer) ?? 'none');
          else expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
          lost.push(requestId);
        }
        // Re-read (no restart): whatever reached the journal is there once; a retry gets that same answer.
        const retrying = await openTab(url, { window });
        await new Promise((resolve) => setTimeout(resolve, 300)); // steps main was still deciding land
        const before = await readJournal(dataDir);
        expect(before.numbers.length).toBeGreaterThanOrEqual(2); // at least the last one was journaled
        const retried: string[] = [];
        for (const requestId of lost) retried.push(numberOf(await register(retrying, requestId)) ?? 'none');
        const after = await expectJournalKeepsPromises(dataDir, [...confirmed, ...retried]);
        // One complaint per request, however often it was sent: a retry of a journaled step got its number back,
        // one that never reached the journal got a new one.
        expect(after.numbers).toHaveLength(1 + lost.length);
        expect([confirmed[0], ...retried].sort()).toEqual([...after.numbers].sort());
        for (const number of [...before.numbers, ...confirmed]) expect([confirmed[0], ...retried]).toContain(number);
      } finally {
        await stopCli(first);
      }
    });
  }, 40_000);

  it('after main is killed and restarted, a retried request id still gets the number already journaled, not a second complaint', async () => {
    await withWorkspace(async ({ dataDir, rendererDir }) => {
      const first = startCli(dataDir, rendererDir);
      const requestId = newRequestId();
      const window = `win-survivor-${Date.now()}`;
      try {
        const url = await first.url;
        await setUpBranch(await openTab(url, { window }));
        const closing = await openTab(url, { window, fetch: lostAfterJournaling(dataDir) });
        expect(await register(closing, requestId)).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      } finally {
        await stopCli(first, 'SIGKILL');
      }
      const journaled = (await readJournal(dataDir)).numbers;
      expect(journaled).toHaveLength(1);

      const second = startCli(dataDir, rendererDir);
      try {
        const tab = await openTab(await second.url, { window });
        await signIn(tab);
        const retried = numberOf(await register(tab, requestId));
        expect(retried).toBe(journaled[0]);
        const fresh = numberOf(await register(tab));
        const journal = await expectJournalKeepsPromises(dataDir, [retried ?? '', fresh ?? '']);
        expect(journal.numbers).toEqual([retried, fresh]);
      } finally {
        expect(await stopCli(second)).toBe(0);
      }
    });
  }, 40_000);
});
