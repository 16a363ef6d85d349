import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/api/schemas';
import type { Refusal } from '../../../shared/result';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { refusalText } from '../../i18n/refusal';
import { useDeskStore } from '../../store';
import { AccountDialog, type AccountDialogState, type SavedNotice } from './AccountDialogs';
import './users.css';

const byCreation = (a: PublicUser, b: PublicUser) => a.createdAt.localeCompare(b.createdAt) || a.username.localeCompare(b.username);

/**
 * After main saved an account change, the renderer's mirror of users is refreshed, so the table, the assign
 * dialog and every name shown follow at once; the notice says what was done (or that the refresh failed).
 */
function useRefreshAfterChange() {
  const { store } = useDeskStore();
  const [notice, setNotice] = useState<{ saved: SavedNotice; refreshRefused?: Refusal } | null>(null);
  const refreshAfter = useCallback(
    async (saved: SavedNotice) => {
      const refreshed = await store.refreshUsers();
      setNotice({ saved, refreshRefused: refreshed.ok ? undefined : refreshed.error });
    },
    [store],
  );
  return { notice, refreshAfter };
}

/**
 * Settings → Staff accounts (admin only; main refuses everyone else anyway): every account of the branch with
 * its role and state, and the admin's actions on it. Accounts are deactivated, never deleted, so the names
 * in the history keep resolving.
 */
export function StaffAccounts({ users }: { users: readonly PublicUser[] }) {
  const { t, i18n } = useTranslation();
  const { user: me, branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [dialog, setDialog] = useState<AccountDialogState | null>(null);
  const { notice, refreshAfter } = useRefreshAfterChange();
  const rows = useMemo(() => [...users].sort(byCreation), [users]);

  const saved = (notice: SavedNotice) => {
    setDialog(null);
    void refreshAfter(notice);
  };

  return (
    <section className="section staff-accounts" aria-labelledby="staff-accounts-title">
      <div className="section-head">
        <h2 id="staff-accounts-title">{t('users.title')}</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'add' })}>
          {t('users.add')}
        </button>
      </div>
      <p className="muted flush">{t('users.intro')}</p>
      {notice && !notice.refreshRefused && (
        <div className="account-notice" role="status">
          {t(notice.saved.key, { name: notice.saved.name })}
        </div>
      )}
      {notice?.refreshRefused && (
        <div className="banner banner-error" role="alert">
          {t('users.refreshFailed', { reason: refusalText(t, notice.refreshRefused) })}
        </div>
      )}
      <table className="accounts-table" aria-label={t('users.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => {
            const own = user.id === me.id;
            return (
              <tr key={user.id} data-active={user.active}>
                <td>
                  {user.username}
                  {own && <span className="tag account-you">{t('users.you')}</span>}
                </td>
                <td>{user.displayName}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>
                  <span className="account-state" data-active={user.active}>
                    {user.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td className="tabular">{formatDateTime(user.createdAt, language, branch.timeZone)}</td>
                <td>
                  <div className="account-actions" title={own ? t('users.ownRowHint') : undefined}>
                    <button type="button" className="btn" onClick={() => setDialog({ kind: 'edit', user })}>
                      {t('users.edit')}
                    </button>
                    <button type="button" className="btn" disabled={own} onClick={() => setDialog({ kind: 'resetPassword', user })}>
                      {t('users.resetPassword')}
                    </button>
                    <button type="button" className="btn" disabled={own} onClick={() => setDialog({ kind: 'setActive', user })}>
                      {user.active ? t('users.deactivate') : t('users.reactivate')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {dialog && <AccountDialog dialog={dialog} onClose={() => setDialog(null)} onSaved={saved} />}
    </section>
  );
}
