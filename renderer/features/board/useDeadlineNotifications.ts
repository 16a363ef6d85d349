import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../session/routes';
import { useSession } from '../../session/session';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskStore, useNow } from '../../store';
import { loadPastDueSoon } from '../../store/board';
import { deadlineAlerts, freshAlerts, type DeadlineAlert } from './deadlineAlerts';

/** More new alerts than this at once (the first sign-in of the day) become one summary notification. */
const ONE_BY_ONE_MAX = 3;

const notifiedKey = (userId: string): string => `complaint-desk.notified.${userId}`;

function readNotified(userId: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(notifiedKey(userId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

async function permitted(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'default') await Notification.requestPermission().catch(() => 'denied');
  return Notification.permission === 'granted';
}

/**
 * OS notifications for complaints turning due soon or overdue (the bell in the top bar is the in-app side),
 * checked on every change and every half minute. Remembered per user in this browser (all its windows share
 * the memory), so a complaint's state is announced once, not once per window or per start.
 */
export function useDeadlineNotifications(): void {
  const { t } = useTranslation();
  const { user } = useSession();
  const { db } = useDeskStore();
  const now = useNow();
  const records = useLiveQuery(() => loadPastDueSoon(db, now), [db, now]);
  const alerts = useMemo(() => (records ? deadlineAlerts(records, now, { userId: user.id, role: user.role }) : undefined), [records, now, user.id, user.role]);

  useEffect(() => {
    if (!alerts) return;
    const fresh = freshAlerts(alerts, readNotified(user.id));
    // Only the current alerts are kept: a complaint resolved or given a new deadline drops out by itself.
    localStorage.setItem(notifiedKey(user.id), JSON.stringify(alerts.map((alert) => alert.key)));
    if (fresh.length === 0) return;
    void permitted().then((ok) => {
      if (!ok) return;
      const show = (title: string, body: string, tag: string, href: string) => {
        const note = new Notification(title, { body, tag });
        note.onclick = () => {
          window.focus();
          window.location.hash = href;
        };
      };
      if (fresh.length > ONE_BY_ONE_MAX) {
        const overdue = fresh.filter((alert) => alert.state === 'overdue').length;
        show(t('board.notify.summary', { overdue, dueSoon: fresh.length - overdue }), t('board.notify.summaryBody'), 'deadline-summary', routeHref({ name: 'board' }));
        return;
      }
      for (const alert of fresh) show(titleOf(alert), t('board.notify.body'), alert.key, routeHref({ name: 'complaint', id: alert.record.id }));
    });
    function titleOf(alert: DeadlineAlert): string {
      return t(alert.state === 'overdue' ? 'board.notify.overdue' : 'board.notify.dueSoon', { number: alert.record.number });
    }
  }, [alerts, user.id, t]);
}
