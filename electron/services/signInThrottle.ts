/**
 * Slows down password guessing at the counter PC: after 5 wrong attempts in a row for one username, that
 * name is refused for 30 s. Counted per name typed (folded as sign-in folds it: width and case), whether or
 * not the account exists, so the refusal says nothing about which accounts exist.
 *
 * A guess takes its place in the count *before* the slow password check (scrypt, ~50–100 ms), synchronously:
 * checking the lock, awaiting the check and only then counting would let 40 guesses sent at once all pass
 * the lock check while none had failed yet. So at most 5 guesses for a name are ever checked before the
 * lock-out, however many arrive together.
 */
import { refuse, type RefusalCode, type Result } from '../../shared/result';
import { usernameKey } from '../../shared/names';

const MAX_FAILURES = 5;
const LOCK_MS = 30_000;

/** How a checked attempt ended: a wrong guess counts towards the lock-out, a success clears the count. */
export type AttemptOutcome = 'wrong' | 'right' | 'neither';

export interface SignInThrottle {
  /**
   * Runs `check` (the password verification) as one attempt for `username`, or refuses it at once with
   * `too_many_attempts` (params.seconds: how long to wait) when the name is locked, or when the attempts
   * already being checked could use up the remaining tries. `outcome` says how the check's result counts.
   */
  attempt<T>(username: string, check: () => Promise<Result<T>>, outcome: (result: Result<T>) => AttemptOutcome): Promise<Result<T>>;
}

/** Success is right; a refusal with `code` is a wrong guess; any other refusal (a deactivated account) is neither. */
export const wrongWhen =
  (code: RefusalCode) =>
  (result: Result<unknown>): AttemptOutcome =>
    result.ok ? 'right' : result.error.code === code ? 'wrong' : 'neither';

interface Entry {
  /** Wrong attempts since the last success or lock-out. */
  failures: number;
  /** Attempts being checked right now: each may still turn out wrong. */
  pending: number;
  lockedUntil: number;
}

export function createSignInThrottle(now: () => Date): SignInThrottle {
  const entries = new Map<string, Entry>();
  const tooMany = (seconds: number) =>
    refuse('too_many_attempts', `Too many wrong attempts: wait ${seconds} s and try again.`, { params: { seconds } });

  /** Takes a place for one attempt, or says how many seconds to wait. Synchronous: no await may come between. */
  function reserve(key: string): Entry | number {
    const entry = entries.get(key) ?? { failures: 0, pending: 0, lockedUntil: 0 };
    const remaining = entry.lockedUntil - now().getTime();
    if (remaining > 0) return Math.ceil(remaining / 1000);
    // Were all the attempts in flight wrong, this one would be past the limit: the lock-out they would start
    // is the longest it may have to wait.
    if (entry.failures + entry.pending >= MAX_FAILURES) return Math.ceil(LOCK_MS / 1000);
    entry.pending += 1;
    entries.set(key, entry);
    return entry;
  }

  function settle(key: string, entry: Entry, outcome: AttemptOutcome) {
    entry.pending -= 1;
    if (outcome === 'wrong') {
      entry.failures += 1;
      if (entry.failures >= MAX_FAILURES) {
        entry.failures = 0;
        entry.lockedUntil = now().getTime() + LOCK_MS;
      }
    } else if (outcome === 'right') {
      // The person has shown they know the password: the count starts afresh, and a lock that wrong guesses
      // in flight beside this one started meanwhile is lifted (as a sign-in after the lock would).
      entry.failures = 0;
      entry.lockedUntil = 0;
    }
    // Forget names with nothing to remember, so names typed once do not pile up.
    if (entry.failures === 0 && entry.pending === 0 && entry.lockedUntil <= now().getTime()) entries.delete(key);
  }

  return {
    async attempt(username, check, outcome) {
      const key = usernameKey(username);
      const entry = reserve(key);
      if (typeof entry === 'number') return tooMany(entry);
      let counted: AttemptOutcome = 'neither';
      try {
        const result = await check();
        counted = outcome(result);
        return result;
      } finally {
        // A check that throws (a bug, a damaged users file) frees its place without counting as a guess.
        settle(key, entry, counted);
      }
    },
  };
}
