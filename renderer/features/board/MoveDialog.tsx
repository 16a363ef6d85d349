import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whyNot } from '../../../shared/domain/commands';
import type { Refusal } from '../../../shared/result';
import type { ComplaintId } from '../../../shared/brand';
import { useSession } from '../../session/session';
import { useComplaint, useDeskStore, useNow } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useCalendar, usePolicyFor } from '../../ui/policy';
import { EscalateForm } from '../complaint/actions/TriageForms';
import '../complaint/actions/actions.css';
import { isTier, moveRefusal, moveTarget, type ColumnKey } from './boardModel';

export interface MoveRequest {
  id: ComplaintId;
  number: string;
  from: ColumnKey;
  to: ColumnKey;
}

interface MoveDialogProps {
  request: MoveRequest;
  columnName: (key: ColumnKey) => string;
  /** The move is saved; `assigned` is the user id the complaint was also given to. */
  onDone: (assigned?: string) => void;
  /** The move is saved, but the assignment asked with it was refused. */
  onAssignRefused: (refusal: Refusal) => void;
  onRefused: (refusal: Refusal) => void;
  onClose: () => void;
}

/**
 * Moving a card is the escalate step: the complaint page's own form, opened on the target column. A move the
 * command would refuse shows its reason on the board instead, and the card stays where it was.
 */
export function MoveDialog({ request, columnName, onDone, onAssignRefused, onRefused, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const calendar = useCalendar();
  const now = useNow();
  const { store } = useDeskStore();
  const complaint = useComplaint(request.id);
  const policy = usePolicyFor(complaint);
  // A supervisor moving a card up a tier may also say who takes it there (the assign step, after the escalation).
  const offersAssignee = user.role !== 'staff' && isTier(request.to);
  const chosen = useRef<{ assignTo: string; reason: string }>({ assignTo: '', reason: '' });
  const onValues = useCallback((values: { assignTo: string; reason: string }) => {
    chosen.current = values;
  }, []);
  const assignee = useMemo(() => (offersAssignee ? { onValues } : undefined), [offersAssignee, onValues]);
  const escalated = async () => {
    const { assignTo, reason } = chosen.current;
    if (!assignTo || assignTo === complaint?.assignee) return onDone();
    try {
      const result = await store.perform(request.id, 'assign', { to: assignTo, reason });
      if (result.ok) onDone(assignTo);
      else onAssignRefused(result.error);
    } catch (error) {
      console.error('assign after a board move failed', error); // a bug, not a refusal
      onAssignRefused({ code: 'internal', message: String(error) });
    }
  };
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
        <EscalateForm complaint={complaint} onDone={() => void escalated()} target={target} assignee={assignee} />
      </div>
    </Dialog>
  );
}
