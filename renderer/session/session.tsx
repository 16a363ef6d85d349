import { createContext, useContext } from 'react';
import type { BranchSetup, PublicUser } from '../../shared/api/schemas';

/** Who is signed in at which branch: every event the UI records names this user as its actor. */
export interface Session {
  user: PublicUser;
  branch: BranchSetup;
  signOut: () => void;
  /** Head office's screens (`app.info` mode `headOffice`): every branch's records, read-only. */
  headOffice: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}

/**
 * Whether this desk only shows records (head office): each feature hides its own steps, forms and uploads when
 * it is, rather than head office having screens of its own.
 */
export function useReadOnly(): boolean {
  return useSession().headOffice;
}
