import { useTranslation } from 'react-i18next';
import type { ComplaintId } from '../../../shared/brand';
import { useComplaint, useTimeline } from '../../store';
import { routeHref } from '../../app/routes';
import { ComplaintHeader } from './ComplaintHeader';
import { RecordPanel } from './RecordPanel';
import { Timeline } from './Timeline';

/** One complaint: header with its clocks, the record on the left, the timeline on the right. */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const complaintId = id as ComplaintId; // an id from the URL: an unknown one simply finds nothing
  const events = useTimeline(complaintId);
  const complaint = useComplaint(complaintId);
  const back = (
    <a href={routeHref({ name: 'register' })} className="btn-link">
      ← {t('registerList.title')}
    </a>
  );

  if (events === undefined) return <p className="page muted">{t('app.loading')}</p>;
  if (!complaint) {
    return (
      <div className="page">
        {back}
        <div className="banner banner-error" role="alert">
          {t('complaint.notFound')}
        </div>
      </div>
    );
  }
  return (
    <article className="page" aria-labelledby="page-title">
      {back}
      <ComplaintHeader complaint={complaint} />
      <div className="toolbar" role="toolbar" aria-label={t('complaint.toolbar')}>
        <strong>{t('complaint.toolbar')}</strong>
        <span>{t('complaint.toolbarLater')}</span>
      </div>
      <div className="columns">
        <RecordPanel complaint={complaint} />
        <Timeline events={events} />
      </div>
    </article>
  );
}
