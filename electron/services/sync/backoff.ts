/**
 * How long to wait after `failures` failed attempts in a row: doubling from BACKOFF_BASE_MS up to
 * BACKOFF_CAP_MS, with "equal jitter" (half fixed, half random) so many branches coming back online at once do
 * not knock on head office in step, while a retry is never sooner than half the nominal delay.
 */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

export function backoffDelayMs(failures: number, random: () => number): number {
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  return Math.round(nominal / 2 + (nominal / 2) * random());
}
