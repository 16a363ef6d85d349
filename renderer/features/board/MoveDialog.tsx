import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whyNot } from '../../../shared/domain/commands';
import type { Refusal } from '../../../shared/result';
import type { ComplaintId } from '../../../shared/brand';
import { useSession } from '../../app/session';
import { useComplaint, useNow } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useCalendar, usePolicy } from '../../ui/policy';
import { EscalateForm } from '../complaint/actions/TriageForms';
import '../complaint/actions/actions.css';
import { moveRefusal, moveTarget, type ColumnKey } from './boardModel';

export interface MoveRequest {
  id: ComplaintId;
  number: string;
  from: ColumnKey;
  to: ColumnKey;
}

interface MoveDialogProps {
  request: MoveRequest;
  columnName: (key: ColumnKey) => string;
  onDone: () => void;
  onRefused: (refusal: Refusal) => void;
  onClose: () => void;
}

/**
 * Moving a card is the escalate step: the complaint page's own form, opened on the target column. A move the
 * command would refuse shows its reason on the board instead, and the card stays where it was.
 */
export function MoveDialog({ request, columnName, onDone, onRefused, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const policy = usePolicy();
  const calendar = useCalendar();
  const now = useNow();
  const complaint = useComplaint(request.id);
  // Judged once, on the complaint as it stood when the card moved: after the save the complaint has changed
  // (a complaint at T4 on both routes would now be refused) and that must not turn a success into a refusal.
  const [verdict, setVerdict] = useState<{ refusal?: Refusal; target?: ReturnType<typeof moveTarget> }>();
  if (complaint && !verdict) {
    // Adjusting state while rendering (React's "storing information from previous renders"), not in an effect.
    const refusal = moveRefusal(complaint, request.to, whyNot('escalate', complaint, { id: user.id, role: user.role }, policy, { now, calendar }));
    setVerdict({ refusal, target: moveTarget({ tier: complaint.tier, routes: complaint.routes }, request.to) });
  }
  useEffect(() => {
    if (verdict?.refusal) onRefused(verdict.refusal);
    else if (verdict && !verdict.target) onClose(); // already there (another window moved it meanwhile): nothing to ask
  }, [verdict, onRefused, onClose]);

  if (!complaint || !verdict || verdict.refusal || !verdict.target) return null;
  const target = verdict.target;
  return (
    <Dialog title={t('board.moveTitle', { number: request.number, to: columnName(request.to) })} onClose={onClose}>
      <div className="action-dialog">
        <EscalateForm complaint={complaint} onDone={onDone} target={target} />
      </div>
    </Dialog>
  );
}
