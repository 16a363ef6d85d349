import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api/contract';
import { auditPerson, describeAuditEntry } from '../../../shared/audit/describe';
import type { AuditFilter } from '../../../shared/audit/filter';
import { AUDIT_KINDS } from '../../../shared/audit/kinds';
import type { Refusal } from '../../../shared/result';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { refusalText } from '../../i18n/refusal';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { receiveDelivery, receivedText } from '../print/delivery';
import { documentRefusalText } from '../print/documentRefusal';
import './audit.css';

type Listed = ApiOutput<'audit.list'>;
type ExportStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** Empty fields are no filter; the contract takes only what is set. */
function filterOf(form: { kind: string; person: string; from: string; to: string }): AuditFilter {
  const kind = AUDIT_KINDS.find((known) => known === form.kind);
  return {
    ...(kind ? { kind } : {}),
    ...(form.person.trim() ? { person: form.person.trim() } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
}

const EMPTY_FORM = { kind: '', person: '', from: '', to: '' };

/**
 * Settings → Audit log (admin only): every print, PDF, export, backup, restore, sign-in, failed sign-in and
 * account change, newest first, filtered by kind, person and local days; the filtered lines export as CSV
 * (main records that export too).
 */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [form, setForm] = useState(EMPTY_FORM);
  const [listed, setListed] = useState<Listed | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [exported, setExported] = useState<ExportStatus>({ kind: 'idle' });
  const [reloads, setReloads] = useState(0);
  const filter = filterOf(form);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    void api.call('audit.list', { filter: JSON.parse(filterKey) as AuditFilter }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setListed(result.value);
        setRefusal(null);
      } else setRefusal(result.error);
    });
    return () => {
      live = false;
    };
  }, [filterKey, reloads]);

  const change = (field: keyof typeof EMPTY_FORM) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value }));

  const exportCsv = useCallback(async () => {
    setExported({ kind: 'busy' });
    const result = await api.call('audit.export', { filter: JSON.parse(filterKey) as AuditFilter, language });
    if (!result.ok) return setExported({ kind: 'error', text: documentRefusalText(t, result.error) });
    const received = receiveDelivery(result.value);
    const text = receivedText(t, received);
    setExported({ kind: 'done', text });
    setReloads((count) => count + 1); // the export is on record now
  }, [filterKey, language, t]);

  return (
    <section className="section audit-log" aria-labelledby="audit-title">
      <div className="section-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <span className="spacer" />
        <span role="status" aria-live="polite" className={exported.kind === 'error' ? 'field-error' : 'muted'}>
          {exported.kind === 'busy' ? t('audit.exporting') : exported.kind === 'idle' ? '' : exported.text}
        </span>
        <button type="button" className="btn" onClick={() => setReloads((count) => count + 1)}>
          {t('audit.refresh')}
        </button>
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={exported.kind === 'busy' || !listed || listed.total === 0}>
          {t('audit.exportCsv')}
        </button>
      </div>
      <p className="muted flush">{t('audit.intro')}</p>
      <div className="audit-filters" role="search">
        <label>
          <span>{t('audit.kind')}</span>
          <select value={form.kind} onChange={change('kind')}>
            <option value="">{t('audit.allKinds')}</option>
            {AUDIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`auditKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.person')}</span>
          <input type="search" value={form.person} placeholder={t('audit.personHint')} maxLength={64} onChange={change('person')} />
        </label>
        <label>
          <span>{t('audit.from')}</span>
          <input type="date" value={form.from} max={form.to || undefined} onChange={change('from')} />
        </label>
        <label>
          <span>{t('audit.to')}</span>
          <input type="date" value={form.to} min={form.from || undefined} onChange={change('to')} />
        </label>
        <button type="button" className="btn" onClick={() => setForm(EMPTY_FORM)} disabled={filterKey === '{}'}>
          {t('audit.clear')}
        </button>
      </div>
      {refusal && (
        <div className="banner banner-error" role="alert">
          {t('audit.loadFailed', { reason: refusalText(t, refusal) })}
        </div>
      )}
      {listed && listed.damagedLines > 0 && (
        <div className="banner banner-warning" role="alert">
          {t('audit.damaged', { count: listed.damagedLines })}
        </div>
      )}
      {listed && (
        <>
          <div className="audit-table-wrap">
            <table className="audit-table" aria-label={t('audit.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.kind')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.role')}</th>
                  <th scope="col">{t('audit.what')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.entries.map((entry, index) => (
                  <tr key={`${entry.at}-${index}`} data-kind={entry.kind}>
                    <td className="tabular">{formatDateTime(entry.at, language, branch.timeZone)}</td>
                    <td>{t(`auditKind.${entry.kind}`)}</td>
                    <td>{auditPerson(entry, language)}</td>
                    <td>{'role' in entry && entry.role ? t(`role.${entry.role}`) : ''}</td>
                    <td className="audit-what">{describeAuditEntry(entry, language, branch.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted flush">{listed.total === 0 ? t('audit.empty') : t('audit.shown', { shown: listed.entries.length, total: listed.total })}</p>
        </>
      )}
    </section>
  );
}
