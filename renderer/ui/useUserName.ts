import { useCallback, useMemo } from 'react';
import { useUsers } from '../store';

/** A user's display name by id; an unknown id (a user from another desk) shows as itself. */
export function useUserName(): (id: string) => string {
  const users = useUsers();
  const names = useMemo(() => new Map((users ?? []).map((user) => [user.id as string, user.displayName || user.username])), [users]);
  return useCallback((id: string) => names.get(id) ?? id, [names]);
}
