/** After the resolution and ending a record: follow-up, reopen/appeal, close, reject, void, corrective actions (SPEC §4). */
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DISSATISFIED_AT_MOST } from '../../../../shared/domain/commands';
import { RejectionReasonSchema } from '../../../../shared/domain/vocabulary';
import { ActionForm } from './ActionForm';
import type { ActionDialogProps } from './dialogProps';
import { CheckField, FormGrid, SelectField, TextField } from './formKit';
import {
  closeCorrectiveInput,
  followUpInput,
  noInput,
  openCorrectiveInput,
  reasonInput,
  rejectInput,
  reopenInput,
  type CloseCorrectiveValues,
  type FollowUpValues,
  type OpenCorrectiveValues,
} from './formInputs';
import { useMethodOptions } from './HandlingForms';

const SATISFACTION = [1, 2, 3, 4, 5] as const;

function Satisfaction() {
  const { t } = useTranslation();
  const [reached, satisfaction] = useWatch<FollowUpValues, ['reached', 'satisfaction']>({ name: ['reached', 'satisfaction'] });
  const dissatisfied = reached && satisfaction !== '' && Number(satisfaction) <= DISSATISFIED_AT_MOST;
  return (
    <>
      <SelectField
        name="satisfaction"
        label={t('actions.field.satisfaction')}
        required={reached}
        disabled={!reached}
        placeholder={t('actions.choose')}
        options={SATISFACTION.map((score) => [String(score), t(`actions.satisfaction.${score}`)] as const)}
      />
      {dissatisfied && (
        <p className="banner banner-info span-all flush" role="status">
          {t('actions.dissatisfiedReopens')}
        </p>
      )}
    </>
  );
}

export function FollowUpForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const defaults: FollowUpValues = { method: '', reached: true, satisfaction: '', comments: '' };
  return (
    <ActionForm complaintId={complaint.id} action="followUp" defaultValues={defaults} toInput={followUpInput} onDone={onDone}>
      <FormGrid>
        <SelectField name="method" label={t('actions.field.method')} required placeholder={t('actions.choose')} options={useMethodOptions()} />
        <div className="align-end">
          <CheckField name="reached" label={t('actions.field.reached')} />
        </div>
        <Satisfaction />
      </FormGrid>
      <TextField name="comments" label={t('actions.field.comments')} multiline />
    </ActionForm>
  );
}

export function ReopenForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="reopen" defaultValues={{ appeal: false, reason: '' }} toInput={reopenInput} onDone={onDone}>
      <CheckField name="appeal" label={t('actions.field.appeal')} />
      <TextField name="reason" label={t('actions.field.reason')} required multiline />
    </ActionForm>
  );
}

export function CloseForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  // The command records "unreachable" itself when a resolved, liable or assist complaint closes without a visit.
  const unreachable = complaint.status === 'resolved' && complaint.validity !== 'not_liable';
  return (
    <ActionForm complaintId={complaint.id} action="close" defaultValues={{}} toInput={noInput} onDone={onDone}>
      <p className="flush">{t(unreachable ? 'actions.closeUnreachable' : 'actions.closeText', { number: complaint.number })}</p>
    </ActionForm>
  );
}

export function RejectForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="reject" defaultValues={{ reason: '', text: '' }} toInput={rejectInput} onDone={onDone}>
      <SelectField
        name="reason"
        label={t('actions.field.reason')}
        required
        placeholder={t('actions.choose')}
        options={RejectionReasonSchema.options.map((reason) => [reason, t(`rejectionReason.${reason}`)] as const)}
      />
      <TextField name="text" label={t('actions.field.details')} required multiline />
    </ActionForm>
  );
}

export function VoidForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="void" defaultValues={{ reason: '' }} toInput={reasonInput} onDone={onDone}>
      <p className="flush muted">{t('actions.voidText')}</p>
      <TextField name="reason" label={t('actions.field.reason')} required multiline />
    </ActionForm>
  );
}

export function OpenCorrectiveForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const defaults: OpenCorrectiveValues = { owner: '', dueDate: '', description: '' };
  return (
    <ActionForm complaintId={complaint.id} action="openCorrectiveAction" defaultValues={defaults} toInput={openCorrectiveInput} onDone={onDone}>
      <FormGrid>
        <TextField name="owner" label={t('actions.field.owner')} required />
        <TextField name="dueDate" label={t('actions.field.dueDate')} required type="date" />
      </FormGrid>
      <TextField name="description" label={t('actions.field.description')} required multiline />
    </ActionForm>
  );
}

/** `actionId`: the action already chosen (the corrective-action list closes the row clicked). */
export function CloseCorrectiveForm({ complaint, onDone, actionId }: ActionDialogProps & { actionId?: string }) {
  const { t } = useTranslation();
  const open = complaint.correctiveActions.filter((action) => action.closedAt === undefined);
  const defaults: CloseCorrectiveValues = { actionId: actionId ?? (open.length === 1 ? (open[0]?.id ?? '') : ''), outcome: '' };
  return (
    <ActionForm complaintId={complaint.id} action="closeCorrectiveAction" defaultValues={defaults} toInput={closeCorrectiveInput} onDone={onDone}>
      <SelectField
        name="actionId"
        label={t('actions.field.correctiveAction')}
        required
        placeholder={t('actions.choose')}
        options={open.map((action) => [action.id, `${action.description.slice(0, 60)} · ${action.owner} · ${action.dueDate}`] as const)}
      />
      <TextField name="outcome" label={t('actions.field.outcome')} required multiline />
    </ActionForm>
  );
}
