import { useState } from 'react';
import { usePopover } from '../ui/usePopover';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { noticeTitle, askWebNotificationPermission, webNotificationPermission, type WebPermission } from '../features/notices/osNotifications';
import { DUE_SOON_FILTERS, requestRegisterFilters } from '../features/register/filters';
import { formatDateTime } from '../i18n/format';
import { parseLanguage } from '../i18n/language';
import { useSession } from '../session/session';
import { navigate } from '../session/useRoute';
import { useDeadlineCounts, useDeskStore } from '../store';
import { loadNotices, markNoticesRead, type Notice } from '../store/notices';
import { Icon } from '../ui/Icon';

/** The bell lists the newest this many; older ones are still counted unread until marked. */
export const BELL_LIST_MAX = 50;

/**
 * The top bar's bell (SPEC §5): the person's notifications — due soon, overdue, automatic escalations — with the
 * unread count and the due-soon and overdue counts beside it. Opening a notification marks it read and opens its
 * complaint; each can be marked read, or all at once. Esc or a click outside closes the list.
 */
export function Bell() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const { db } = useDeskStore();
  const counts = useDeadlineCounts();
  const notices = useLiveQuery(() => loadNotices(db), [db]);
  const { open, setOpen, wrapRef, buttonRef, panelId } = usePopover();
  const [permission, setPermission] = useState<WebPermission>(webNotificationPermission);
  const language = parseLanguage(i18n.language) ?? 'zh-CN';


  if (!counts) return null;
  const unread = notices?.filter((notice) => !notice.read).length ?? 0;
  const label = t('notices.bell', { unread, ...counts });
  const markRead = (keys?: string[]) => void markNoticesRead(db, keys).catch((error: unknown) => console.error('Notices could not be marked read', error));
  const go = (action: () => void) => {
    setOpen(false);
    action();
  };
  const openNotice = (notice: Notice) =>
    go(() => {
      markRead([notice.key]);
      navigate({ name: 'complaint', id: notice.complaintId });
    });
  const detail = (notice: Notice) => {
    const at = formatDateTime(notice.at, language, branch.timeZone);
    return notice.kind !== 'escalated' && i18n.exists(`clockKind.${notice.clock}`) ? t('notices.clock', { clock: t(`clockKind.${notice.clock}`), at }) : at;
  };

  return (
    <span ref={wrapRef} className="bell-wrap">
      <button
        ref={buttonRef}
        type="button"
        className="topbar-item bell"
        title={label}
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="bell-unread" aria-hidden="true">
            {unread}
          </span>
        )}
        {/* A zero count is shown but not coloured: red or amber means something needs doing. */}
        <span className="bell-count" data-kind="due_soon" data-zero={counts.dueSoon === 0} aria-hidden="true">
          {t('topbar.dueSoon', { count: counts.dueSoon })}
        </span>
        <span className="bell-count" data-kind="overdue" data-zero={counts.overdue === 0} aria-hidden="true">
          {t('topbar.overdue', { count: counts.overdue })}
        </span>
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="dialog" aria-label={t('notices.title')}>
          <div className="bell-head">
            <h2 className="bell-title">{t('notices.title')}</h2>
            <button type="button" className="btn-link" disabled={unread === 0} onClick={() => markRead()}>
              {t('notices.markAllRead')}
            </button>
          </div>
          {permission === 'default' && (
            <button type="button" className="btn-link bell-desktop" onClick={() => void askWebNotificationPermission().then(setPermission)}>
              {t('notices.desktopAsk')}
            </button>
          )}
          {permission === 'denied' && <p className="muted bell-desktop">{t('notices.desktopDenied')}</p>}
          {notices === undefined ? (
            <p className="muted">{t('notices.loading')}</p>
          ) : notices.length === 0 ? (
            <p className="muted">{t('notices.empty')}</p>
          ) : (
            <ul className="bell-list">
              {notices.slice(0, BELL_LIST_MAX).map((notice) => {
                const title = noticeTitle(t, notice);
                return (
                  <li key={notice.key} className="notice" data-kind={notice.kind} data-unread={!notice.read || undefined}>
                    <button type="button" className="notice-open" onClick={() => openNotice(notice)}>
                      <span className="notice-title">
                        {!notice.read && <span className="visually-hidden">{t('notices.unread')}: </span>}
                        {title}
                      </span>
                      <span className="notice-detail muted">{detail(notice)}</span>
                    </button>
                    {!notice.read && (
                      <button type="button" className="btn-link notice-read" aria-label={t('notices.markReadOf', { title })} onClick={() => markRead([notice.key])}>
                        {t('notices.markRead')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <button
            type="button"
            className="btn-link"
            onClick={() =>
              go(() => {
                requestRegisterFilters(DUE_SOON_FILTERS);
                navigate({ name: 'register' });
              })
            }
          >
            {t('topbar.alertsShowAll')}
          </button>
        </div>
      )}
    </span>
  );
}
