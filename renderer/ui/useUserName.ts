import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_USER_ID } from '../../shared/brand';
import { useUsers } from '../store';

/** A user's display name by id; the app's own actor reads 系统 / System; an unknown id (another desk's user) shows as itself. */
export function useUserName(): (id: string) => string {
  const { t } = useTranslation();
  const users = useUsers();
  const names = useMemo(() => new Map((users ?? []).map((user) => [user.id as string, user.displayName || user.username])), [users]);
  return useCallback((id: string) => names.get(id) ?? (id === SYSTEM_USER_ID ? t('common.system') : id), [names, t]);
}
