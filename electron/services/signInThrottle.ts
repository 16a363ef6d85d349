/**
 * Slows down password guessing at the counter PC: after 5 wrong attempts in a row for one username, that
 * name is refused for 30 s. Counted per name typed, whether or not the account exists, so the refusal
 * says nothing about which accounts exist.
 */
const MAX_FAILURES = 5;
const LOCK_MS = 30_000;

export interface SignInThrottle {
  /** Seconds to wait before this name may try again; 0 when it may try now. */
  waitSeconds(username: string): number;
  recordFailure(username: string): void;
  recordSuccess(username: string): void;
}

export function createSignInThrottle(now: () => Date): SignInThrottle {
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  const key = (username: string) => username.trim().normalize('NFC').toLowerCase();
  return {
    waitSeconds(username) {
      const entry = failures.get(key(username));
      const remaining = entry ? entry.lockedUntil - now().getTime() : 0;
      return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
    },
    recordFailure(username) {
      const entry = failures.get(key(username)) ?? { count: 0, lockedUntil: 0 };
      entry.count += 1;
      if (entry.count >= MAX_FAILURES) {
        entry.count = 0;
        entry.lockedUntil = now().getTime() + LOCK_MS;
      }
      failures.set(key(username), entry);
    },
    recordSuccess(username) {
      failures.delete(key(username));
    },
  };
}
