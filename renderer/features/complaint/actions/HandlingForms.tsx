/** Working a complaint: note, investigation, proposal, the customer's answer, resolution, pause/resume, extension (SPEC §3–4). */
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { computeClocks } from '../../../../shared/deadlines/clocks';
import { CommunicationMethodSchema, RequestKindSchema } from '../../../../shared/domain/vocabulary';
import { useSession } from '../../../session/session';
import { formatDateTime, toLocalInputValue } from '../../../i18n/format';
import { parseLanguage } from '../../../i18n/language';
import { useCalendar, usePolicyFor } from '../../../ui/policy';
import { useNow } from '../../../store';
import { ActionForm } from './ActionForm';
import type { ActionDialogProps } from './dialogProps';
import { CheckboxGroup, CheckboxInput, SelectInput, TextArea, TextInput } from '../../../ui/formKit';
import { FormGrid } from './ActionForm';
import {
  answerInput,
  extendedDeadline,
  extendInput,
  investigationInput,
  noteInput,
  proposalInput,
  reasonInput,
  resolveInput,
  resumeInput,
  type ExtendValues,
  type InvestigationValues,
  type ProposalValues,
  type ResolveValues,
} from './formInputs';

/** Communication methods as select options (phone, written, in person, SMS, email). */
export function useMethodOptions() {
  const { t } = useTranslation();
  return CommunicationMethodSchema.options.map((method) => ({ value: method, label: t(`communication.${method}`) }));
}

export function NoteForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="addNote" defaultValues={{ text: '', contactedCustomer: false }} toInput={noteInput} onDone={onDone}>
      <TextArea name="text" label={t('actions.field.note')} required />
      <CheckboxInput name="contactedCustomer" label={t('actions.field.contactedCustomer')} />
    </ActionForm>
  );
}

export function InvestigationForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const previous = complaint.investigation;
  const defaults: InvestigationValues = {
    findings: previous?.findings ?? '',
    rootCause: previous?.rootCause ?? '',
    responsibleDepartment: previous?.responsibleDepartment ?? '',
    responsiblePerson: previous?.responsiblePerson ?? '',
    interviewed: previous?.interviewed.join('\n') ?? '',
    cannotResolveAlone: false,
  };
  return (
    <ActionForm complaintId={complaint.id} action="recordInvestigation" defaultValues={defaults} toInput={investigationInput} onDone={onDone}>
      <TextArea name="findings" label={t('actions.field.findings')} required />
      <TextArea name="rootCause" label={t('actions.field.rootCause')} />
      <FormGrid>
        <TextInput name="responsibleDepartment" label={t('actions.field.responsibleDepartment')} />
        <TextInput name="responsiblePerson" label={t('actions.field.responsiblePerson')} />
      </FormGrid>
      <TextInput name="interviewed" label={t('actions.field.interviewed')} hint={t('actions.interviewedHint')} />
      <CheckboxInput name="cannotResolveAlone" label={t('actions.field.cannotResolveAlone')} />
    </ActionForm>
  );
}

export function ProposalForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const defaults: ProposalValues = { offers: [], amount: '', text: '' };
  return (
    <ActionForm complaintId={complaint.id} action="proposeResolution" defaultValues={defaults} toInput={proposalInput} onDone={onDone}>
      <CheckboxGroup name="offers" legend={t('actions.field.offer')} required options={RequestKindSchema.options.map((kind) => ({ value: kind, label: t(`requestKind.${kind}`) }))} />
      <TextInput name="amount" label={t('actions.field.amount')} inputMode="decimal" fallbackKey="validation.money" />
      <TextArea name="text" label={t('actions.field.proposal')} required />
    </ActionForm>
  );
}

export function AnswerForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="recordCustomerResponse" defaultValues={{ accepted: '', comment: '' }} toInput={answerInput} onDone={onDone}>
      {complaint.proposal && <p className="flush muted">{complaint.proposal.text}</p>}
      <SelectInput
        name="accepted"
        label={t('actions.field.accepted')}
        required
        placeholder={t('actions.choose')}
        options={[
          { value: 'yes', label: t('actions.acceptedYes') },
          { value: 'no', label: t('actions.acceptedNo') },
        ]}
        hint={t('actions.rejectEscalates')}
      />
      <TextArea name="comment" label={t('actions.field.comment')} />
    </ActionForm>
  );
}

export function ResolveForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const { branch } = useSession();
  const now = useNow();
  const defaults: ResolveValues = { communicatedBy: '', communicatedAt: toLocalInputValue(Date.parse(now), branch.timeZone), summary: '' };
  const toInput = useMemo(() => (values: ResolveValues) => resolveInput(values, branch.timeZone), [branch.timeZone]);
  return (
    <ActionForm complaintId={complaint.id} action="resolve" defaultValues={defaults} toInput={toInput} onDone={onDone}>
      <FormGrid>
        <SelectInput name="communicatedBy" label={t('actions.field.howCommunicated')} required placeholder={t('actions.choose')} options={useMethodOptions()} />
        <TextInput name="communicatedAt" label={t('actions.field.when')} required type="datetime-local" fallbackKey="validation.dateTime" />
      </FormGrid>
      <TextArea name="summary" label={t('actions.field.summary')} required />
    </ActionForm>
  );
}

export function PauseForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="pause" defaultValues={{ reason: '' }} toInput={reasonInput} onDone={onDone}>
      <p className="flush muted">{t('actions.pauseText')}</p>
      <TextArea name="reason" label={t('actions.field.reason')} required />
    </ActionForm>
  );
}

export function ResumeForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="resume" defaultValues={{ note: '' }} toInput={resumeInput} onDone={onDone}>
      <TextArea name="note" label={t('actions.field.note')} />
    </ActionForm>
  );
}

function NewDeadline({ current }: { current: string }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const calendar = useCalendar();
  const days = useWatch<ExtendValues, 'workingDays'>({ name: 'workingDays' });
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const next = extendedDeadline(calendar, current, days ?? '');
  const beyond = next !== undefined && Date.parse(next) > calendar.coveredUntilMs;
  return (
    <p className="flush span-all" role="status">
      {t('actions.currentDeadline', { when: formatDateTime(current, language, branch.timeZone) })} →{' '}
      <strong>{t('actions.newDeadline', { when: next ? formatDateTime(next, language, branch.timeZone) : '—' })}</strong>
      {beyond && (
        <>
          <span className="clock-beyond">{t('calendar.beyondMark')}</span>
          <small className="muted calendar-beyond-hint">{t('calendar.beyondHint')}</small>
        </>
      )}
    </p>
  );
}

export function ExtendForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const policy = usePolicyFor(complaint);
  const calendar = useCalendar();
  const now = useNow();
  const current = useMemo(() => computeClocks(complaint, policy, calendar, now).resolution.deadline, [complaint, policy, calendar, now]);
  const defaults: ExtendValues = { workingDays: '', reason: '', customerInformedBy: '' };
  const max = policy.extension.maxWorkingDays;
  return (
    <ActionForm complaintId={complaint.id} action="extend" defaultValues={defaults} toInput={extendInput} onDone={onDone}>
      <FormGrid>
        <TextInput
          name="workingDays"
          label={t('actions.field.workingDays')}
          required
          inputMode="numeric"
          hint={t('actions.workingDaysHint', { max })}
          fallbackKey="actions.workingDaysInvalid"
        />
        <SelectInput name="customerInformedBy" label={t('actions.field.customerInformedBy')} required placeholder={t('actions.choose')} options={useMethodOptions()} />
      </FormGrid>
      <NewDeadline current={current} />
      <TextArea name="reason" label={t('actions.field.reason')} required />
    </ActionForm>
  );
}
