/**
 * Which workflow steps the complaint page's toolbar shows, and how: one emphasised next step, a few frequent
 * steps beside it, the rest under "More". Pure, so a test can hold it to `allowedActions` for every role.
 */
import type { ActionName } from '../../../../shared/domain/commands';
import type { ComplaintState } from '../../../../shared/domain/state';

/** Offered elsewhere on the page: registration, the evidence panel, the record-sheet print actions. */
const OFFERED_ELSEWHERE: ReadonlySet<ActionName> = new Set<ActionName>(['register', 'attachEvidence', 'printRecord', 'anonymise']);

/** The steps this toolbar opens a dialog for. */
export type ToolbarAction = Exclude<ActionName, 'register' | 'attachEvidence' | 'printRecord' | 'anonymise'>;

/** Always beside the next step when allowed: what a clerk reaches for on any complaint. */
const FREQUENT: readonly ToolbarAction[] = ['addNote', 'escalate', 'assess', 'assign'];

/**
 * Alt+key per step (`event.code` key letter, so it works whatever the keyboard layout types). Steps that are
 * never offered together may share a key (pause / resume). F, E and D are left to the browser's own menus.
 */
export const SHORTCUT_KEYS: Readonly<Record<ToolbarAction, string>> = {
  assess: 'G',
  acknowledge: 'A',
  assign: 'S',
  handOver: 'H',
  escalate: 'U',
  addNote: 'N',
  recordInvestigation: 'I',
  proposeResolution: 'P',
  recordCustomerResponse: 'C',
  resolve: 'R',
  pause: 'W',
  resume: 'W',
  extend: 'X',
  followUp: 'B',
  reopen: 'O',
  close: 'L',
  reject: 'J',
  void: 'V',
  openCorrectiveAction: 'K',
  closeCorrectiveAction: 'M',
};

export interface ToolbarLayout {
  /** The step the workflow expects next, emphasised (undefined when none of those is allowed). */
  readonly primary: ToolbarAction | undefined;
  /** Frequent steps shown as buttons beside it. */
  readonly inline: readonly ToolbarAction[];
  /** Everything else allowed, in workflow order, under "More". */
  readonly more: readonly ToolbarAction[];
}

const isToolbarAction = (action: ActionName): action is ToolbarAction => !OFFERED_ELSEWHERE.has(action);

/** What the workflow expects next in this status, in order of preference. */
function nextSteps(state: ComplaintState): ToolbarAction[] {
  switch (state.status) {
    case 'registered':
      return ['acknowledge', 'assess'];
    case 'acknowledged':
    case 'reopened':
    case 'appealed':
      return ['recordInvestigation', 'proposeResolution'];
    case 'investigating':
      return ['proposeResolution'];
    case 'resolution_proposed':
      return ['recordCustomerResponse', 'resolve'];
    case 'awaiting_customer':
      return ['resume'];
    case 'resolved':
      return ['followUp', 'close'];
    case 'followed_up':
      return ['close'];
    default:
      return [];
  }
}

/** The toolbar for `allowed` (from `allowedActions`): every allowed toolbar step appears exactly once. */
export function toolbarLayout(state: ComplaintState, allowed: readonly ActionName[]): ToolbarLayout {
  const offered = allowed.filter(isToolbarAction);
  const primary = nextSteps(state).find((step) => offered.includes(step));
  const inline = FREQUENT.filter((step) => step !== primary && offered.includes(step));
  const more = offered.filter((step) => step !== primary && !inline.includes(step));
  return { primary, inline, more };
}

/** The toolbar step an Alt+key press opens, if that key belongs to an offered step. */
export function actionForShortcut(layout: ToolbarLayout, key: string): ToolbarAction | undefined {
  const offered = [...(layout.primary ? [layout.primary] : []), ...layout.inline, ...layout.more];
  return offered.find((step) => SHORTCUT_KEYS[step] === key);
}
