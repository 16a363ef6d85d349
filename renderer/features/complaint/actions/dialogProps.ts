import type { ComplaintState } from '../../../../shared/domain/state';

/** What every action dialog's form gets: the complaint as it stands, and what to do once the step is saved. */
export interface ActionDialogProps {
  complaint: ComplaintState;
  onDone: () => void;
}
