/**
 * "Export CSV" / "Export Excel" for the complaint register: exports exactly the complaints of the current filter,
 * in register order. Main builds the file from its journal, masks personal data by the signed-in role, and
 * records the export in its audit log with `filter`, the description of the filter that chose the rows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterFilter } from '../../../shared/api/documents';
import type { ComplaintId } from '../../../shared/brand';
import { canSeePersonalData } from '../../../shared/export/personalData';
import { useSession } from '../../session/session';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { receiveDelivery, receivedText } from '../print/delivery';
import { documentRefusalText } from '../print/documentRefusal';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function RegisterExportButtons({ ids, filter }: { ids: readonly ComplaintId[]; filter: RegisterFilter }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const masked = !canSeePersonalData(user.role);

  async function exportAs(format: 'csv' | 'xlsx') {
    setStatus({ kind: 'busy' });
    const result = await api.call('exports.register', { format, complaintIds: [...ids], language, filter });
    if (!result.ok) return setStatus({ kind: 'error', text: documentRefusalText(t, result.error) });
    const received = receiveDelivery(result.value);
    const text = receivedText(t, received);
    setStatus({ kind: 'done', text: masked && received.outcome !== 'cancelled' ? `${text} ${t('export.masked')}` : text });
  }

  const disabled = status.kind === 'busy' || ids.length === 0;
  const message = status.kind === 'busy' ? t('export.exporting') : status.kind === 'idle' ? '' : status.text;
  return (
    <div role="group" aria-label={t('export.label')} style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" className="btn" onClick={() => void exportAs('csv')} disabled={disabled} title={ids.length === 0 ? t('export.empty') : t('export.count', { count: ids.length })}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn" onClick={() => void exportAs('xlsx')} disabled={disabled} title={ids.length === 0 ? t('export.empty') : t('export.count', { count: ids.length })}>
        {t('export.xlsx')}
      </button>
      <span role="status" aria-live="polite" className={status.kind === 'error' ? 'field-error' : 'muted'}>
        {message}
      </span>
    </div>
  );
}
