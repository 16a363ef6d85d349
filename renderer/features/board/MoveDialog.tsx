import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { whyNot } from '../../../shared/domain/commands';
import type { ComplaintState } from '../../../shared/domain/state';
import { TIERS } from '../../../shared/domain/vocabulary';
import type { Refusal } from '../../../shared/result';
import type { ComplaintId } from '../../../shared/brand';
import { useSession } from '../../app/session';
import { useComplaint, useNow } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useCalendar, usePolicy } from '../../ui/policy';
import { EscalateForm } from '../complaint/actions/TriageForms';
import '../complaint/actions/actions.css';
import { isTier, moveTarget, type ColumnKey } from './boardModel';

export interface MoveRequest {
  id: ComplaintId;
  number: string;
  from: ColumnKey;
  to: ColumnKey;
}

/**
 * Why the escalate command would refuse this move before anyone types a reason: the command's own gate (a clerk
 * on someone else's complaint, an ended one) and its rule that escalation only goes up. Main still decides on save.
 */
export function moveRefusal(state: ComplaintState, to: ColumnKey, refusedByGate: Refusal | undefined): Refusal | undefined {
  if (refusedByGate) return refusedByGate;
  if (isTier(to) && TIERS.indexOf(to) < TIERS.indexOf(state.tier)) {
    return { code: 'not_higher_tier', message: `Escalation goes up from ${state.tier}`, params: { tier: state.tier } };
  }
  return undefined;
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
  const refusal = useMemo(
    () => (complaint ? moveRefusal(complaint, request.to, whyNot('escalate', complaint, { id: user.id, role: user.role }, policy, { now, calendar })) : undefined),
    [complaint, request.to, user.id, user.role, policy, now, calendar],
  );
  useEffect(() => {
    if (refusal) onRefused(refusal);
  }, [refusal, onRefused]);

  const target = complaint ? moveTarget({ tier: complaint.tier, routes: complaint.routes }, request.to) : undefined;
  if (!complaint || refusal || !target) return null;
  return (
    <Dialog title={t('board.moveTitle', { number: request.number, to: columnName(request.to) })} onClose={onClose}>
      <div className="action-dialog">
        <EscalateForm complaint={complaint} onDone={onDone} target={target} />
      </div>
    </Dialog>
  );
}
