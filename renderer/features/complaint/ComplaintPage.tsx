import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintId } from '../../../shared/brand';
import { useComplaint, useTimeline } from '../../store';
import { hashQuery, parseRoute, routeHref, type Route } from '../../session/routes';
import { EvidencePanel } from '../evidence';
import { RecordSheetActions } from '../print/RecordSheetActions';
import { ActionToolbar } from './actions/ActionToolbar';
import { ComplaintHeader } from './ComplaintHeader';
import { RecordPanel } from './RecordPanel';
import { Timeline } from './Timeline';
import { Icon } from '../../ui/Icon';
import { useReadOnly } from '../../session/session';

/** The board this page was opened from (`#/complaints/<id>?from=board&branch=BJ02`), or undefined. */
function useFromBoard(): Route | undefined {
  const query = hashQuery(window.location.hash);
  const board = query.get('from') === 'board' ? parseRoute(`#/board?${query.toString()}`) : undefined;
  const boardHref = board && routeHref(board);
  useEffect(() => {
    if (!boardHref) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Esc closes an open dialog or menu first; only on the bare page does it go back to the board.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('[aria-modal="true"], [role="menu"]')) return;
      window.location.hash = boardHref;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [boardHref]);
  return board;
}

/** One complaint: header with its clocks, the record on the left, the timeline on the right. */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const complaintId = id as ComplaintId; // an id from the URL: an unknown one simply finds nothing
  const events = useTimeline(complaintId);
  const complaint = useComplaint(complaintId);
  // Opened from the escalation board: back, and Esc, return to the board as it was (its branch too).
  const fromBoard = useFromBoard();
  // Head office shows the whole record and timeline; the branch that handles the complaint takes its steps.
  const readOnly = useReadOnly();
  const back = (
    <a href={routeHref(fromBoard ?? { name: 'register' })} className="btn-link">
      <Icon name="back" /> {fromBoard ? t('board.title') : t('registerList.title')}
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
      {readOnly ? (
        <div className="banner banner-info complaint-read-only" role="note">
          {t('headOffice.readOnly', { branch: complaint.branch })}
        </div>
      ) : (
        <div className="toolbar">
          <ActionToolbar complaint={complaint} />
          <span className="toolbar-spacer" />
          <RecordSheetActions complaint={complaint} />
        </div>
      )}
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
