/**
 * 月度/季度报告 on the dashboard (supervisors and admins, as main allows): pick a month or quarter (the last whole
 * month first), then preview it — and print from the preview — or save it as PDF. Main renders the report from its
 * own journal and records every preview, print and save in the audit log; the page only names the period.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_ROLES } from '../../../shared/api/reports';
import type { Refusal } from '../../../shared/result';
import { lastCompletePeriod, reportPeriodChoices, REPORT_KINDS, type ReportKind, type ReportPeriod } from '../../../shared/report/reportPeriod';
import { reportPeriodName } from '../../../shared/report/reportWords';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { Dialog } from '../../ui/Dialog';
import { receiveDelivery } from '../print/delivery';
import { DocumentPreview } from '../print/DocumentPreview';
import { documentRefusalText } from '../print/documentRefusal';
import { useBrowserMode } from '../print/useBrowserMode';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };
type Open = { step: 'closed' } | { step: 'pick' } | { step: 'preview'; html: string };

export function BranchReportAction({ today }: { today: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState<Open>({ step: 'closed' });
  if (!REPORT_ROLES.includes(user.role)) return null;
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen({ step: 'pick' })}>
        {t('branchReport.title')}
      </button>
      {open.step !== 'closed' && <ReportDialog today={today} open={open} setOpen={setOpen} />}
    </>
  );
}

function ReportDialog({ today, open, setOpen }: { today: string; open: Exclude<Open, { step: 'closed' }>; setOpen: (open: Open) => void }) {
  const { t, i18n } = useTranslation();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const browserMode = useBrowserMode();
  const [period, setPeriod] = useState<ReportPeriod>(() => lastCompletePeriod('month', today));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const close = useCallback(() => setOpen({ step: 'closed' }), [setOpen]);
  const fail = (refusal: Refusal) => setStatus({ kind: 'error', text: documentRefusalText(t, refusal) });
  const choices = reportPeriodChoices(period.kind, today);
  const name = reportPeriodName(period, language);
  const input = { ...period, language };

  const preview = async () => {
    setStatus({ kind: 'busy' });
    const report = await api.call('reports.branchHtml', input);
    if (!report.ok) return fail(report.error);
    setStatus({ kind: 'idle' });
    setOpen({ step: 'preview', html: report.value.html });
  };

  const savePdf = async () => {
    setStatus({ kind: 'busy' });
    const saved = await api.call('reports.savePdf', input);
    if (!saved.ok) return fail(saved.error);
    const received = receiveDelivery(saved.value);
    const text =
      received.outcome === 'saved' ? t('branchReport.saved', { path: received.path }) : received.outcome === 'downloaded' ? t('branchReport.downloaded', { fileName: received.fileName }) : t('branchReport.cancelled');
    setStatus({ kind: 'done', text });
  };

  // Electron prints through main's system dialog (main records it); browser mode prints the preview's frame.
  const printWithMain = async () => {
    setOpen({ step: 'pick' });
    setStatus({ kind: 'busy' });
    const printed = await api.call('reports.print', input);
    if (!printed.ok) return fail(printed.error);
    setStatus({ kind: 'done', text: printed.value.printed ? t('branchReport.printed') : t('branchReport.notPrinted') });
  };

  if (open.step === 'preview') {
    return (
      <DocumentPreview
        title={t('branchReport.previewTitle', { name })}
        hint={t('branchReport.printHint')}
        html={open.html}
        onClose={() => setOpen({ step: 'pick' })}
        {...(browserMode ? {} : { printElsewhere: () => void printWithMain() })}
      />
    );
  }

  const busy = status.kind === 'busy';
  return (
    <Dialog title={t('branchReport.title')} onClose={close}>
      <div className="form-grid" style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <div className="field" style={{ width: 'auto' }}>
          <label htmlFor="report-kind">{t('branchReport.kind')}</label>
          <select
            id="report-kind"
            value={period.kind}
            onChange={(event) => setPeriod(lastCompletePeriod(REPORT_KINDS.find((kind) => kind === event.target.value) ?? 'month', today))}
          >
            {REPORT_KINDS.map((kind: ReportKind) => (
              <option key={kind} value={kind}>
                {t(`branchReport.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ width: 'auto' }}>
          <label htmlFor="report-period">{t('branchReport.period')}</label>
          <select id="report-period" value={period.start} onChange={(event) => setPeriod({ kind: period.kind, start: event.target.value })}>
            {choices.map((choice, index) => (
              <option key={choice.start} value={choice.start}>
                {index === 0 ? t('branchReport.unfinished', { name: reportPeriodName(choice, language) }) : reportPeriodName(choice, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" style={{ maxWidth: 520 }}>
        {t('branchReport.explain')}
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="btn btn-primary" onClick={() => void preview()} disabled={busy}>
          {t('branchReport.preview')}
        </button>
        <button type="button" className="btn" onClick={() => void savePdf()} disabled={busy}>
          {t('branchReport.savePdf')}
        </button>
        <span role="status" aria-live="polite" className={status.kind === 'error' ? 'field-error' : 'muted'}>
          {busy ? t('branchReport.preparing') : status.kind === 'idle' ? '' : status.text}
        </span>
      </div>
    </Dialog>
  );
}
