/**
 * Bugs windows report (`app.reportBug`): written to main's log, at most a few per window and per minute, so a
 * window stuck in a render loop — or a page on localhost calling the bridge — cannot flood the log.
 */
import { ok, refuse, type Result } from '../../shared/result';

/** Reports one window may make per minute, and all windows together. */
export const BUG_REPORTS_PER_WINDOW = 5;
export const BUG_REPORTS_IN_ALL = 20;
const WINDOW_MS = 60_000;

export interface BugReportLimiter {
  /** Counts one report of `window` now, or refuses it with `too_many_bug_reports`. */
  admit(window: string): Result<void>;
}

export function createBugReportLimiter(now: () => Date): BugReportLimiter {
  let recent: { window: string; at: number }[] = [];
  return {
    admit(window) {
      const at = now().getTime();
      recent = recent.filter((report) => at - report.at < WINDOW_MS);
      const mine = recent.filter((report) => report.window === window).length;
      if (mine >= BUG_REPORTS_PER_WINDOW || recent.length >= BUG_REPORTS_IN_ALL) {
        return refuse('too_many_bug_reports', `More than ${mine >= BUG_REPORTS_PER_WINDOW ? BUG_REPORTS_PER_WINDOW : BUG_REPORTS_IN_ALL} bug reports in a minute; this one is not logged.`);
      }
      recent.push({ window, at });
      return ok(undefined);
    },
  };
}
