/**
 * Who is signed in, per window (an Electron webContents, a browser tab). A second window starts signed out; a
 * session ends after the policy's idle time without a person's action, and on every call the account is read
 * again, so a deactivated (or demoted) person loses what their open window could do at once.
 *
 * Background calls (the window catching up with the journal, the escalation sweep naming candidates) do not count
 * as activity: a desk left open overnight must still lock itself.
 */
import type { ApiHandlers } from '../../shared/api/contract';
import type { PublicUser } from '../../shared/api/schemas';
import type { UserId } from '../../shared/brand';
import { ok, refuse, type Result } from '../../shared/result';

interface Session {
  readonly userId: UserId;
  lastActiveMs: number;
}

export interface SessionDeps {
  readonly findUser: (id: UserId) => Promise<PublicUser | undefined>;
  readonly now: () => Date;
  /** How long a window may stay without a person's action before its session ends. */
  readonly idleMs: number;
}

export interface Sessions {
  start(window: string, user: PublicUser): void;
  end(window: string): void;
  /**
   * The window's signed-in person, read fresh. Refused with `not_signed_in`, `session_expired` (idle too long:
   * params.minutes) or `account_disabled`; the session is gone after any of them. `activity` counts the call as
   * the person's own (it restarts the idle time).
   */
  current(window: string, activity: boolean): Promise<Result<PublicUser>>;
}

export function createSessions(deps: SessionDeps): Sessions {
  const sessions = new Map<string, Session>();
  return {
    start(window, user) {
      sessions.set(window, { userId: user.id, lastActiveMs: deps.now().getTime() });
    },
    end(window) {
      sessions.delete(window);
    },
    async current(window, activity) {
      const session = sessions.get(window);
      if (!session) return refuse('not_signed_in', 'Sign in first.');
      const nowMs = deps.now().getTime();
      if (nowMs - session.lastActiveMs > deps.idleMs) {
        sessions.delete(window);
        const minutes = Math.round(deps.idleMs / 60_000);
        return refuse('session_expired', `Signed out after ${minutes} minutes without activity: sign in again.`, { params: { minutes } });
      }
      const user = await deps.findUser(session.userId);
      if (!user || !user.active) {
        sessions.delete(window);
        return refuse(user ? 'account_disabled' : 'not_signed_in', user ? 'This account has been deactivated.' : 'Sign in first.');
      }
      if (activity) session.lastActiveMs = nowMs;
      return ok(user);
    },
  };
}

/** Signing out and asking who is signed in, answered alike by every desk (a branch's main, head office). */
export function sessionHandlers(sessions: Sessions): Pick<ApiHandlers, 'auth.signOut' | 'auth.session'> {
  return {
    'auth.signOut': async (_input, caller) => {
      sessions.end(caller.window);
      return ok({});
    },
    'auth.session': async (_input, caller) => {
      const user = await sessions.current(caller.window, true);
      return ok({ user: user.ok ? user.value : null });
    },
  };
}
