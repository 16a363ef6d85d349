/** Taking a complaint in: assess and grade, acknowledge, assign or hand over, escalate (SPEC §2, §5). */
import { useCallback } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { majorFlagsFor, suggestGrade, SYSTEM_RAISED_FLAGS } from '../../../../shared/domain/grading';
import { nextTier } from '../../../../shared/domain/commands';
import { GradeSchema, LevelSchema, MajorFlagSchema, RouteSchema, SpreadSchema, TIERS, ValiditySchema, type MajorFlag, type Route, type Tier } from '../../../../shared/domain/vocabulary';
import { GradeChip } from '../../../ui/GradeChip';
import { usePolicyFor } from '../../../ui/policy';
import type { Policy } from '../../../../shared/policy/policy';
import { useUsers } from '../../../store';
import { ActionForm } from './ActionForm';
import type { ActionDialogProps } from './dialogProps';
import { CheckboxGroup, SelectInput, TextArea, TextInput } from '../../../ui/formKit';
import { FormGrid } from './ActionForm';
import { assessInput, noInput, assignInput, escalateInput, type AssessValues, type AssignValues, type EscalateValues } from './formInputs';

export function AcknowledgeForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionForm complaintId={complaint.id} action="acknowledge" defaultValues={{}} toInput={noInput} onDone={onDone}>
      <p className="flush">{t('actions.acknowledgeText', { number: complaint.number })}</p>
    </ActionForm>
  );
}

/** Flags the record itself implies or the system raised: the assessment cannot take them off. */
function lockedFlags(complaint: ActionDialogProps['complaint'], policy: Policy): MajorFlag[] {
  const implied = majorFlagsFor({ collective: complaint.collectiveCount === undefined ? undefined : { count: complaint.collectiveCount }, repeatOf: complaint.repeatOf }, policy);
  return [...new Set([...implied, ...complaint.flags.filter((flag) => SYSTEM_RAISED_FLAGS.includes(flag))])];
}

function SuggestedGrade({ locked }: { locked: readonly MajorFlag[] }) {
  const { t } = useTranslation();
  const [severity, urgency, spread, flags, grade] = useWatch<AssessValues, ['severity', 'urgency', 'spread', 'flags', 'grade']>({
    name: ['severity', 'urgency', 'spread', 'flags', 'grade'],
  });
  const levels = LevelSchema.safeParse(severity).success && LevelSchema.safeParse(urgency).success && SpreadSchema.safeParse(spread).success;
  const chosenFlags = [...new Set([...(flags ?? []), ...locked])].filter((flag): flag is MajorFlag => MajorFlagSchema.safeParse(flag).success);
  const suggested = levels ? suggestGrade({ severity: LevelSchema.parse(severity), urgency: LevelSchema.parse(urgency), spread: SpreadSchema.parse(spread), flags: chosenFlags }) : undefined;
  const overridden = suggested !== undefined && grade !== '' && Number(grade) !== suggested;
  return (
    <>
      <div className="suggested span-all" role="status">
        {t('actions.field.suggestedGrade')} {suggested === undefined ? (
          t('actions.suggestAfterLevels')
        ) : (
          <>
            <GradeChip grade={suggested} /> {t('grade.label', { grade: suggested })}
          </>
        )}
      </div>
      <SelectInput
        name="grade"
        label={t('actions.field.grade')}
        placeholder={suggested === undefined ? t('actions.takeSuggested') : t('actions.takeSuggestedGrade', { grade: suggested })}
        options={GradeSchema.options.map((option) => ({ value: String(option.value), label: t('grade.label', { grade: option.value }) }))}
      />
      {overridden && <TextArea name="overrideReason" label={t('actions.field.overrideReason')} required />}
    </>
  );
}

export function AssessForm({ complaint, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const policy = usePolicyFor(complaint);
  const locked = lockedFlags(complaint, policy);
  const defaults: AssessValues = {
    validity: complaint.validity ?? '',
    severity: complaint.severity ?? '',
    urgency: complaint.urgency ?? '',
    spread: complaint.spread ?? '',
    flags: complaint.flags.filter((flag) => !locked.includes(flag)),
    grade: '',
    overrideReason: '',
  };
  const choose = t('actions.choose');
  return (
    <ActionForm complaintId={complaint.id} action="assess" defaultValues={defaults} toInput={assessInput} onDone={onDone}>
      <FormGrid>
        <SelectInput name="validity" label={t('actions.field.validity')} required placeholder={choose} options={ValiditySchema.options.map((v) => ({ value: v, label: t(`validity.${v}`) }))} />
        <SelectInput name="severity" label={t('actions.field.severity')} required placeholder={choose} options={LevelSchema.options.map((v) => ({ value: v, label: t(`level.${v}`) }))} />
        <SelectInput name="urgency" label={t('actions.field.urgency')} required placeholder={choose} options={LevelSchema.options.map((v) => ({ value: v, label: t(`level.${v}`) }))} />
        <SelectInput name="spread" label={t('actions.field.spread')} required placeholder={choose} options={SpreadSchema.options.map((v) => ({ value: v, label: t(`spread.${v}`) }))} />
      </FormGrid>
      <CheckboxGroup
        name="flags"
        legend={t('actions.field.flags')}
        options={MajorFlagSchema.options.map((flag) => ({ value: flag, label: t(`flag.${flag}`) }))}
        locked={locked}
      />
      <SuggestedGrade locked={locked} />
    </ActionForm>
  );
}

/** Assign (a supervisor) and hand over (the holder, 首问负责制) share one form; the command differs. */
export function AssignForm({ complaint, onDone, action }: ActionDialogProps & { action: 'assign' | 'handOver' }) {
  const { t } = useTranslation();
  const users = useUsers() ?? [];
  const defaults: AssignValues = { to: '', department: complaint.department ?? '', reason: '' };
  // A deactivated account is not offered; its name still shows wherever the history names it.
  const people = users.filter((user) => user.active && user.id !== complaint.assignee).map((user) => ({ value: user.id, label: `${user.displayName || user.username} · ${t(`role.${user.role}`)}` }));
  return (
    <ActionForm complaintId={complaint.id} action={action} defaultValues={defaults} toInput={assignInput} onDone={onDone}>
      <SelectInput
        name="to"
        label={t('actions.field.assignee')}
        required
        placeholder={t('actions.choose')}
        options={people}
        hint={people.length === 0 ? t('actions.noOtherUsers') : undefined}
      />
      <TextInput name="department" label={t('actions.field.department')} />
      <TextArea name="reason" label={t('actions.field.reason')} required />
    </ActionForm>
  );
}

/** What the board's move dialog also asks: who takes the complaint at its new tier (blank keeps the assignee). */
export interface EscalateAssignee {
  /** Called with the form's values each time they are validated; the board assigns after the escalation is saved. */
  onValues: (values: { assignTo: string; reason: string }) => void;
}

/**
 * The escalate dialog's form; the board opens it with the column a card was moved to (`target`), so a drag and
 * the toolbar's button are the same command with the same questions — and, for a supervisor, who takes it there.
 */
export function EscalateForm({
  complaint,
  onDone,
  target,
  assignee,
}: ActionDialogProps & { target?: { toTier?: Tier; route?: Route }; assignee?: EscalateAssignee }) {
  const { t } = useTranslation();
  const users = useUsers() ?? [];
  const tiers = TIERS.slice(TIERS.indexOf(complaint.tier));
  const toTier = target?.toTier ?? (target?.route ? complaint.tier : (nextTier(complaint.tier) ?? complaint.tier));
  const defaults: EscalateValues & { assignTo: string } = { toTier, route: target?.route ?? '', reason: '', assignTo: '' };
  const routes = RouteSchema.options.filter((route) => !complaint.routes.includes(route));
  const onValues = assignee?.onValues;
  const toInput = useCallback(
    (values: EscalateValues & { assignTo: string }) => {
      onValues?.({ assignTo: values.assignTo, reason: values.reason });
      return escalateInput(values);
    },
    [onValues],
  );
  const people = users.filter((user) => user.active && user.id !== complaint.assignee).map((user) => ({ value: user.id, label: `${user.displayName || user.username} · ${t(`role.${user.role}`)}` }));
  return (
    <ActionForm complaintId={complaint.id} action="escalate" defaultValues={defaults} toInput={toInput} onDone={onDone}>
      <SelectInput
        name="toTier"
        label={t('actions.field.targetTier')}
        options={tiers.map((tier) => ({ value: tier, label: `${tier} · ${t(`tier.${tier}`)}${tier === complaint.tier ? ` (${t('actions.currentTier')})` : ''}` }))}
      />
      <SelectInput name="route" label={t('actions.field.route')} placeholder={t('actions.noRoute')} options={routes.map((route) => ({ value: route, label: t(`route.${route}`) }))} />
      {assignee && <SelectInput name="assignTo" label={t('board.assignTo')} placeholder={t('board.keepAssignee')} options={people} />}
      <TextArea name="reason" label={t('actions.field.reason')} required />
    </ActionForm>
  );
}
