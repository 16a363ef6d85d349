import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedActions, whyNot } from '../../../shared/domain/commands';
import { refusalText } from '../../i18n/refusal';
import { useSession } from '../../session/session';
import { useComplaint, useNow } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useCalendar, usePolicyFor } from '../../ui/policy';
import { CloseCorrectiveForm } from '../complaint/actions/AftercareForms';
import type { ActionRow } from './actionList';

/**
 * Closing one corrective action from the list: the complaint page's own form and command (closeCorrectiveAction,
 * decided by main), with this action chosen. Someone the command would refuse is told why instead.
 */
export function CloseActionDialog({ row, onClose }: { row: ActionRow; onClose: () => void }) {
  const { t } = useTranslation();
  const complaint = useComplaint(row.complaintId);
  const policy = usePolicyFor(complaint);
  const { user } = useSession();
  const calendar = useCalendar();
  const now = useNow();
  const refusal = useMemo(() => {
    if (!complaint) return undefined;
    const actor = { id: user.id, role: user.role };
    return allowedActions(complaint, actor, policy, { now, calendar }).includes('closeCorrectiveAction')
      ? undefined
      : whyNot('closeCorrectiveAction', complaint, actor, policy, { now, calendar });
  }, [complaint, user.id, user.role, policy, now, calendar]);
  return (
    <Dialog title={t('correctiveActions.closeTitle', { number: row.complaintNumber })} onClose={onClose}>
      <p className="flush">{row.action.description}</p>
      {complaint === undefined ? (
        <p className="muted">{t('correctiveActions.loading')}</p>
      ) : refusal ? (
        <div className="banner banner-warning" role="alert">
          {refusalText(t, refusal)}
        </div>
      ) : (
        <CloseCorrectiveForm complaint={complaint} onDone={onClose} actionId={row.action.id} />
      )}
    </Dialog>
  );
}
