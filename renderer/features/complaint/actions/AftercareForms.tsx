/** After the resolution and ending a record: follow-up, reopen/appeal, close, reject, void, corrective actions (SPEC §4). */
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DISSATISFIED_AT_MOST } from '../../../../shared/domain/commands';
import { RejectionReasonSchema } from '../../../../shared/domain/vocabulary';
import { ActionForm } from './ActionForm';
import type { ActionDialogProps } from './dialogProps';
import { CheckboxInput, SelectInput, TextArea, TextInput } from '../../../ui/formKit';
import { FormGrid } from './ActionForm';
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
      <SelectInput
        name="satisfaction"
        label={t('actions.field.satisfaction')}
        required={reached}
        disabled={!reached}
        placeholder={t('actions.choose')}
        options={SATISFACTION.map((score) => ({ value: String(score), label: t(`actions.satisfaction.${score}`) }))}
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
        <SelectInput name="method" label={t('actions.field.method')} required placeholder={t('actions.choose')} options={useMethodOptions()} />
        <div className="align-end">
          <CheckboxInput name="reached" label={t('actions.field.reached')} />
        </div>
        <Satisfaction />
      </FormGrid>
      <TextArea name="comments" label={t('actions.field.comments')} />
    </ActionForm>
  );
}

export function ReopenForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="reopen" defaultValues={{ appeal: false, reason: '' }} toInput={reopenInput} onDone={onDone}>
      <CheckboxInput name="appeal" label={t('actions.field.appeal')} />
      <TextArea name="reason" label={t('actions.field.reason')} required />
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
      <SelectInput
        name="reason"
        label={t('actions.field.reason')}
        required
        placeholder={t('actions.choose')}
        options={RejectionReasonSchema.options.map((reason) => ({ value: reason, label: t(`rejectionReason.${reason}`) }))}
      />
      <TextArea name="text" label={t('actions.field.details')} required />
    </ActionForm>
  );
}

export function VoidForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="void" defaultValues={{ reason: '' }} toInput={reasonInput} onDone={onDone}>
      <p className="flush muted">{t('actions.voidText')}</p>
      <TextArea name="reason" label={t('actions.field.reason')} required />
    </ActionForm>
  );
}

export function OpenCorrectiveForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const defaults: OpenCorrectiveValues = { owner: '', dueDate: '', description: '' };
  return (
    <ActionForm complaintId={complaint.id} action="openCorrectiveAction" defaultValues={defaults} toInput={openCorrectiveInput} onDone={onDone}>
      <FormGrid>
        <TextInput name="owner" label={t('actions.field.owner')} required />
        <TextInput name="dueDate" label={t('actions.field.dueDate')} required type="date" />
      </FormGrid>
      <TextArea name="description" label={t('actions.field.description')} required />
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
      <SelectInput
        name="actionId"
        label={t('actions.field.correctiveAction')}
        required
        placeholder={t('actions.choose')}
        options={open.map((action) => ({ value: action.id, label: `${action.description.slice(0, 60)} · ${action.owner} · ${action.dueDate}` }))}
      />
      <TextArea name="outcome" label={t('actions.field.outcome')} required />
    </ActionForm>
  );
}
