import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../shared/kpi/period';
import { routeHref } from '../../session/routes';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useActionHolders, useNow } from '../../store';
import { ACTION_STATUSES, actionRows, filterRows, ownersOf, type ActionFilter, type ActionRow } from './actionList';
import { CloseActionDialog } from './CloseActionDialog';
import './actions.css';

const NO_FILTER: ActionFilter = { owner: '', status: '' };

/** 整改措施: every corrective action across complaints, overdue first, filtered by owner and status; closed from here. */
export function ActionsPage() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const now = useNow();
  const today = localDayOf(now, branch.timeZone);
  const facts = useActionHolders();
  const [filter, setFilter] = useState<ActionFilter>(NO_FILTER);
  const [closing, setClosing] = useState<ActionRow>();
  const all = useMemo(() => (facts ? actionRows(facts, today) : undefined), [facts, today]);
  const rows = useMemo(() => (all ? filterRows(all, filter) : []), [all, filter]);
  const owners = useMemo(() => (all ? ownersOf(all, i18n.language) : []), [all, i18n.language]);
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const filtered = filter.owner !== '' || filter.status !== '';

  return (
    <section className="page actions-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('correctiveActions.title')}</h1>
        <span className="muted">{t('correctiveActions.intro')}</span>
      </div>
      <div className="filter-bar" role="search">
        <div className="field">
          <label htmlFor="actions-owner">{t('correctiveActions.owner')}</label>
          <select id="actions-owner" value={filter.owner} onChange={(event) => setFilter({ ...filter, owner: event.target.value })}>
            <option value="">{t('correctiveActions.statusAll')}</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actions-status">{t('correctiveActions.status')}</label>
          <select id="actions-status" value={filter.status} onChange={(event) => setFilter({ ...filter, status: ACTION_STATUSES.find((s) => s === event.target.value) ?? '' })}>
            <option value="">{t('correctiveActions.statusAll')}</option>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`correctiveActions.statusValue.${status}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="btn-link" onClick={() => setFilter(NO_FILTER)}>
            {t('correctiveActions.clear')}
          </button>
        )}
        <span className="result-count" role="status" aria-live="polite">
          {all === undefined ? t('correctiveActions.loading') : t('correctiveActions.count', { count: rows.length })}
        </span>
      </div>
      {all !== undefined && rows.length === 0 ? (
        <p className="chart-empty" role="status">
          {filtered ? t('correctiveActions.empty') : t('correctiveActions.emptyAll')}
        </p>
      ) : (
        <div className="actions-scroll">
          <table className="actions-table">
            <thead>
              <tr>
                <th scope="col">{t('correctiveActions.status')}</th>
                <th scope="col">{t('correctiveActions.dueDate')}</th>
                <th scope="col">{t('correctiveActions.owner')}</th>
                <th scope="col">{t('correctiveActions.description')}</th>
                <th scope="col">{t('correctiveActions.complaint')}</th>
                <th scope="col">{t('correctiveActions.openedAt')}</th>
                <th scope="col">{t('correctiveActions.outcome')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('correctiveActions.closeAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.complaintId}:${row.action.id}`} data-status={row.status}>
                  <td>
                    <span className={`action-status ${row.status}`}>{t(`correctiveActions.statusValue.${row.status}`)}</span>
                  </td>
                  <td className="tabular">{row.action.dueDate}</td>
                  <td>{row.action.owner}</td>
                  <td className="action-text" title={row.action.description}>
                    {row.action.description}
                  </td>
                  <td>
                    <a href={routeHref({ name: 'complaint', id: row.complaintId })}>{row.complaintNumber}</a>
                  </td>
                  <td className="tabular">{formatDateTime(row.action.openedAt, language, branch.timeZone)}</td>
                  <td className="action-outcome" title={row.action.outcome}>
                    {row.action.closedAt ? `${t('correctiveActions.closedOn', { date: localDayOf(row.action.closedAt, branch.timeZone) })}${row.action.outcome ? ` · ${row.action.outcome}` : ''}` : ''}
                  </td>
                  <td>
                    {row.status !== 'closed' && (
                      <button type="button" className="btn btn-small" onClick={() => setClosing(row)}>
                        {t('correctiveActions.closeAction')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closing && <CloseActionDialog row={closing} onClose={() => setClosing(undefined)} />}
    </section>
  );
}
