/**
 * Notices as OS notifications (SPEC §5). Inside Electron main shows them (`notifications.show`); in browser mode
 * main may run on another desk, so the page uses the web Notification API — only once the person has allowed it
 * from the bell (a browser asks only on a click).
 */
import type { TFunction } from 'i18next';
import { api } from '../../platform/api';
import { routeHref } from '../../session/routes';
import type { Notice } from '../../store/notices';

/** More new notices than this at once (the first sign-in of the day, a desk waking up) become one summary. */
const ONE_BY_ONE_MAX = 3;

export interface OsNotification {
  title: string;
  body: string;
  /** Where a click on it leads (a route hash). */
  href: string;
}

export function noticeTitle(t: TFunction, notice: Notice): string {
  if (notice.kind === 'escalated') return t('notices.escalated', { number: notice.number, tier: t(`tier.${notice.toTier}`), toTier: notice.toTier });
  return t(notice.kind === 'overdue' ? 'notices.overdue' : 'notices.dueSoon', { number: notice.number });
}

/** What to show for the notices just added: each on its own, or one summary when there are many. */
export function osNotificationsFor(t: TFunction, added: readonly Notice[]): OsNotification[] {
  if (added.length > ONE_BY_ONE_MAX) {
    const count = (kind: Notice['kind']) => added.filter((notice) => notice.kind === kind).length;
    return [{ title: t('notices.summary', { overdue: count('overdue'), dueSoon: count('due_soon'), escalated: count('escalated') }), body: t('notices.summaryBody'), href: routeHref({ name: 'board' }) }];
  }
  return added.map((notice) => ({ title: noticeTitle(t, notice), body: t('notices.body'), href: routeHref({ name: 'complaint', id: notice.complaintId }) }));
}

/** Whether the web Notification API may be used, may be asked for, or is out of reach. */
export type WebPermission = 'granted' | 'default' | 'denied' | 'unsupported';

export function webNotificationPermission(): WebPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askWebNotificationPermission(): Promise<WebPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission().catch(() => 'denied' as const);
}

export async function showOsNotifications(notes: readonly OsNotification[]): Promise<void> {
  for (const note of notes) {
    const shown = await api.call('notifications.show', { title: note.title, body: note.body });
    if (shown.ok && shown.value.shown) continue;
    if (webNotificationPermission() !== 'granted') continue;
    const web = new Notification(note.title, { body: note.body, tag: note.href });
    web.onclick = () => {
      window.focus();
      window.location.hash = note.href;
    };
  }
}
