import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { useDeskStore, useNow } from '../../store';
import type { NoticeViewer } from '../../store/notice-candidates';
import { keepNoticeCandidates, readNoticeCandidates } from '../../store/notice-feed';
import { osNotificationsFor, showOsNotifications } from './osNotifications';

/**
 * Keeps the person's notices (the bell's list) in step with their copy, on every change and every half minute:
 * what is new is added once — by whichever of their windows sees it first — and only that window shows it as an
 * OS notification. Escalations are looked for after the person's mark, which then moves on.
 */
export function useNoticeFeed(): void {
  const { t } = useTranslation();
  const { user, branch } = useSession();
  const { db } = useDeskStore();
  const now = useNow();
  const viewer = useMemo<NoticeViewer>(() => ({ userId: user.id, role: user.role }), [user.id, user.role]);
  const candidates = useLiveQuery(() => readNoticeCandidates(db, branch.code, now, viewer), [db, branch.code, now, viewer]);

  useEffect(() => {
    if (!candidates) return;
    keepNoticeCandidates(db, candidates, now)
      .then((added) => (added.length > 0 ? showOsNotifications(osNotificationsFor(t, added)) : undefined))
      .catch((error: unknown) => console.error('Notices could not be kept', error));
  }, [candidates, db, now, t]);
}
