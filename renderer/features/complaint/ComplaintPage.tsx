import { useTranslation } from 'react-i18next';
import type { ComplaintId } from '../../../shared/brand';
import { useComplaint, useTimeline } from '../../store';
import { routeHref } from '../../app/routes';
import { EvidencePanel } from '../evidence';
import { RecordSheetActions } from '../print/RecordSheetActions';
import { ActionToolbar } from './actions/ActionToolbar';
import { ComplaintHeader } from './ComplaintHeader';
import { RecordPanel } from './RecordPanel';
import { Timeline } from './Timeline';
import { Icon } from '../../ui/Icon';

/** One complaint: header with its clocks, the record on the left, the timeline on the right. */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const complaintId = id as ComplaintId; // an id from the URL: an unknown one simply finds nothing
  const events = useTimeline(complaintId);
  const complaint = useComplaint(complaintId);
  const back = (
    <a href={routeHref({ name: 'register' })} className="btn-link">
      <Icon name="back" /> {t('registerList.title')}
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
      <div className="toolbar">
        <ActionToolbar complaint={complaint} />
        <span className="toolbar-spacer" />
        <RecordSheetActions complaint={complaint} />
      </div>
      <div className="columns">
        <div className="stack">
          <RecordPanel complaint={complaint} events={events} />
          <EvidencePanel complaint={complaint} events={events} />
        </div>
        <Timeline events={events} />
      </div>
    </article>
  );
}
