import { createContext, useContext } from 'react';
import type { BranchSetup, PublicUser } from '../../shared/api/schemas';

/** Who is signed in at which branch: every event the UI records names this user as its actor. */
export interface Session {
  user: PublicUser;
  branch: BranchSetup;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
