import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnonymisationPreview } from '../../../shared/api/records';
import type { PersonalField } from '../../../shared/domain/event-payloads';
import { listText } from '../../../shared/print/text';
import type { Refusal } from '../../../shared/result';
import { formatDay } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { Dialog } from '../../ui/Dialog';
import { RefusalBanner } from '../../ui/RefusalBanner';

const FIELDS: readonly PersonalField[] = ['name', 'phone', 'email', 'address', 'customerNumber'];

/**
 * Retention (admins, SPEC §6): what anonymising would remove now, shown before anything is done, and the step
 * itself behind a confirmation that repeats the count. Main refuses if the count changed in between.
 */
export function RetentionSection() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [preview, setPreview] = useState<AnonymisationPreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ anonymised: number; evidenceFilesDeleted: number } | null>(null);

  // Read again after each run: the preview then says what is left.
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('records.anonymisationPreview', {}).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setRefusal(result.error);
    });
    return () => {
      live = false;
    };
  }, [runs]);

  async function anonymise(confirmed: AnonymisationPreview) {
    setBusy(true);
    const result = await api.call('records.anonymise', { endedBefore: confirmed.endedBefore, complaints: confirmed.complaints });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      setDone(result.value);
      setRefusal(null);
    } else setRefusal(result.error);
    setRuns((count) => count + 1);
  }

  const day = (iso: string) => formatDay(iso, language, branch.timeZone);
  const fieldsHeld = preview ? FIELDS.filter((field) => (preview.fields[field] ?? 0) > 0).map((field) => t(`retention.field.${field}`, { count: preview.fields[field] })) : [];

  return (
    <section className="section retention" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <RefusalBanner refusal={refusal} />
      {done && (
        <div className="banner banner-ok" role="status">
          {t('retention.done', { count: done.anonymised, files: done.evidenceFilesDeleted })}
        </div>
      )}
      {preview && (
        <>
          <p className="hint">{t('retention.policy', { years: Math.round(preview.retentionDays / 365), days: preview.retentionDays })}</p>
          {preview.complaints === 0 ? (
            <p>{t('retention.nothingDue', { date: day(preview.endedBefore) })}</p>
          ) : (
            <>
              <p>
                {t('retention.due', { count: preview.complaints, date: day(preview.endedBefore), fields: listText(fieldsHeld, language) })}
                {preview.evidenceFiles > 0 && ` ${t('retention.files', { count: preview.evidenceFiles })}`}
              </p>
              <p className="hint">
                {t('retention.sample')} <span className="tabular">{preview.sample.join(language === 'en' ? ', ' : '、')}</span>
                {preview.complaints > preview.sample.length && ` ${t('retention.andMore', { count: preview.complaints - preview.sample.length })}`}
              </p>
              <p className="hint">{t('retention.keeps')}</p>
              <button type="button" className="btn" onClick={() => setConfirming(true)}>
                {t('retention.review', { count: preview.complaints })}
              </button>
            </>
          )}
        </>
      )}
      {confirming && preview && (
        <Dialog title={t('retention.confirmTitle')} onClose={() => setConfirming(false)}>
          <p className="flush">{t('retention.confirmText', { count: preview.complaints, date: day(preview.endedBefore) })}</p>
          <div className="banner banner-warning" role="note">
            {t('retention.cannotUndo')}
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void anonymise(preview)}>
              {t('retention.confirm', { count: preview.complaints })}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
