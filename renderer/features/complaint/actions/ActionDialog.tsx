import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { AcknowledgeForm, AssessForm, AssignForm, EscalateForm } from './TriageForms';
import { AnswerForm, ExtendForm, InvestigationForm, NoteForm, PauseForm, ProposalForm, ResolveForm, ResumeForm } from './HandlingForms';
import {
  CloseCorrectiveForm,
  CloseForm,
  FollowUpForm,
  OpenCorrectiveForm,
  RejectForm,
  ReopenForm,
  VoidForm,
} from './AftercareForms';
import type { ActionDialogProps } from './dialogProps';
import type { ToolbarAction } from './toolbarModel';

const HandOverForm = (props: ActionDialogProps) => <AssignForm {...props} action="handOver" />;
const AssignOnlyForm = (props: ActionDialogProps) => <AssignForm {...props} action="assign" />;

const FORMS: Readonly<Record<ToolbarAction, ComponentType<ActionDialogProps>>> = {
  assess: AssessForm,
  acknowledge: AcknowledgeForm,
  assign: AssignOnlyForm,
  handOver: HandOverForm,
  escalate: EscalateForm,
  addNote: NoteForm,
  recordInvestigation: InvestigationForm,
  proposeResolution: ProposalForm,
  recordCustomerResponse: AnswerForm,
  resolve: ResolveForm,
  pause: PauseForm,
  resume: ResumeForm,
  extend: ExtendForm,
  followUp: FollowUpForm,
  reopen: ReopenForm,
  close: CloseForm,
  reject: RejectForm,
  void: VoidForm,
  openCorrectiveAction: OpenCorrectiveForm,
  closeCorrectiveAction: CloseCorrectiveForm,
};

/** The dialog of one toolbar step: its title is the same name as the button that opened it. */
export function ActionDialog({ action, complaint, onDone, onClose }: ActionDialogProps & { action: ToolbarAction; onClose: () => void }) {
  const { t } = useTranslation();
  const Form = FORMS[action];
  return (
    <Dialog title={t(`actions.title.${action}`)} onClose={onClose}>
      <div className="action-dialog">
        <Form complaint={complaint} onDone={onDone} />
      </div>
    </Dialog>
  );
}
