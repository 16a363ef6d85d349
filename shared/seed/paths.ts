/**
 * The workflow paths a sample complaint can take (SPEC §4–5), each a short script of command steps. Between
 * them they cover every state and event type: resolved → followed up → closed, rejected, voided, reopened after a
 * dissatisfied follow-up, appealed after closing, paused awaiting the customer, extended, the customer rejecting
 * a proposal, major complaints on the PR / legal routes, closed as unreachable, assist (third party),
 * corrective actions, and complaints left open (overdue ones climb the tiers by the escalation timer).
 */
import type { UserId } from '../brand';
import type { WorkingCalendar } from '../calendar';
import { unreachableClosableAt } from '../domain/commands';
import { localDateKey } from '../domain/numbering';
import { mayClose, type Policy } from '../policy/policy';
import type { Level, MajorFlag, RejectionReason, Spread, Validity } from '../domain/vocabulary';
import type { Random } from './random';
import type { Story } from './story';
import * as W from './wording';

export const PATHS = [
  'closed_satisfied',
  'resolved_on_the_spot',
  'with_corrective_action',
  'not_liable',
  'assist',
  'rejected',
  'voided',
  'reopened_dissatisfied',
  'appealed',
  'paused',
  'extended',
  'customer_rejected',
  'major',
  'unreachable',
  'left_open',
] as const;
export type PathName = (typeof PATHS)[number];

export const PATH_WEIGHTS: readonly (readonly [PathName, number])[] = [
  ['closed_satisfied', 30],
  ['resolved_on_the_spot', 8],
  ['with_corrective_action', 8],
  ['not_liable', 4],
  ['assist', 3],
  ['rejected', 3],
  ['voided', 2],
  ['reopened_dissatisfied', 5],
  ['appealed', 2],
  ['paused', 7],
  ['extended', 4],
  ['customer_rejected', 5],
  ['major', 3],
  ['unreachable', 4],
  ['left_open', 3],
];

/** What a path needs to know about its complaint. */
export interface Plan {
  readonly path: PathName;
  readonly wording: W.ComplaintWording;
  readonly department: string;
  readonly facts: { readonly severity: Level; readonly urgency: Level; readonly spread: Spread };
  readonly respondHours: number;
  readonly resolveHours: number;
  /** Multiplies every handling delay: below 1 is brisk, above ~2 misses deadlines. */
  readonly pace: number;
  readonly colleague: UserId;
  readonly fill: (template: string) => string;
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  readonly policy: Policy;
}

type Step = (s: Story, p: Plan, r: Random) => void;

const intake = (validity: Validity, flags: MajorFlag[] = []): Step => (s, p, r) => {
  s.wait(p.respondHours * 0.05 * p.pace, p.respondHours * 0.7 * p.pace).do('acknowledge', {});
  if (r.chance(0.3)) s.wait(0.1, 2).do('addNote', { text: '已电话联系顾客，告知正在核实处理。', contactedCustomer: true });
  s.wait(0.1, 2).do('assess', { validity, ...p.facts, flags }, 'supervisor');
  const handing = r.next();
  if (handing < 0.3) s.wait(0.1, 1).do('assign', { to: p.colleague, department: p.department, reason: `按职责指派${p.department}跟进处理` }, 'supervisor');
  else if (handing < 0.4) s.wait(0.1, 1).do('handOver', { to: p.colleague, department: p.department, reason: '交班，移交同事继续跟进' });
  if (r.chance(0.1)) {
    const photo = { hash: r.hex(64), name: `现场照片${r.int(1, 9)}.jpg`, mime: 'image/jpeg', size: r.int(50_000, 3_000_000) };
    s.wait(0.1, 6).do('attachEvidence', { evidence: [photo] });
  }
};

const investigate: Step = (s, p, r) => {
  s.wait(p.resolveHours * 0.05 * p.pace, p.resolveHours * 0.25 * p.pace).do('recordInvestigation', {
    findings: p.wording.findings,
    rootCause: p.wording.rootCause,
    responsibleDepartment: p.department,
    interviewed: r.chance(0.6) ? ['当班员工', '值班主管'] : ['当班员工'],
    // Now and then the department needs help (a grade 1–2 complaint then goes one tier up at once).
    cannotResolveAlone: r.chance(0.08),
  });
};

const proposal = (accepted: boolean): Step => (s, p) => {
  s.wait(p.resolveHours * 0.05 * p.pace, p.resolveHours * 0.2 * p.pace).do('proposeResolution', { offers: p.wording.requests, text: p.fill(p.wording.resolution) });
  s.wait(0.5, p.resolveHours * 0.1 * p.pace + 0.5).do('recordCustomerResponse', accepted ? { accepted } : { accepted, comment: '顾客认为补偿不足，不接受该方案。' });
};

const resolve: Step = (s, p, r) => {
  s.wait(0.2, p.resolveHours * 0.1 * p.pace + 0.2);
  s.do('resolve', { communicatedBy: r.pick(['phone', 'in_person', 'written'] as const), communicatedAt: s.now, summary: p.fill(p.wording.resolution) });
};

const visit = (satisfaction: number | undefined): Step => (s, _p, r) => {
  const reached = satisfaction !== undefined;
  s.wait(20, 60).do('followUp', { method: 'phone', reached, ...(reached ? { satisfaction, comments: r.pick(W.FOLLOW_UP_COMMENTS) } : {}) });
};

const close: Step = (s, p, r) => {
  // Closing is a supervisor's step unless the policy lets staff close this grade.
  const holder = s.state !== undefined && mayClose(p.policy, s.state.grade, 'staff');
  s.wait(0.5, 24).do('close', {}, holder ? 'holder' : 'supervisor');
  if (r.chance(0.2)) s.wait(0.1, 4).do('printRecord', { purpose: 'filing', output: r.pick(['printer', 'pdf'] as const) });
};

const satisfied = (r: Random): number => r.weighted([[5, 5], [4, 4], [3, 1]]);
const handle = (validity: Validity, flags: MajorFlag[] = []): Step[] => [intake(validity, flags), investigate, proposal(true), resolve];
const happyEnd: Step[] = [(s, p, r) => visit(satisfied(r))(s, p, r), close];

const correctiveAction: Step = (s, p, r) => {
  const due = new Date(Date.parse(s.now) + r.int(7, 30) * 86_400_000).toISOString();
  const dueDate = localDateKey(due, p.timeZone).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  if (!s.do('openCorrectiveAction', { owner: `${p.department}主管`, dueDate, description: p.wording.correctiveAction })) return;
  const action = s.state?.correctiveActions.at(-1);
  if (action && r.chance(0.6)) s.wait(48, 400).do('closeCorrectiveAction', { actionId: action.id, outcome: '整改已完成，经复查有效。' });
};

const SCRIPTS: Readonly<Record<PathName, (r: Random) => Step[]>> = {
  closed_satisfied: () => [...handle('liable'), ...happyEnd],
  resolved_on_the_spot: () => [intake('liable'), resolve, ...happyEnd],
  with_corrective_action: () => [...handle('liable'), ...happyEnd, correctiveAction],
  not_liable: () => [
    intake('not_liable'),
    (s, p) => s.wait(1, p.resolveHours * 0.3 * p.pace).do('resolve', { communicatedBy: 'phone', communicatedAt: s.now, summary: W.NOT_LIABLE_EXPLANATION }),
    close,
  ],
  assist: () => [
    intake('assist'),
    (s, p) => s.wait(2, p.resolveHours * 0.3 * p.pace).do('recordInvestigation', { findings: W.ASSIST_FINDINGS, interviewed: [] }),
    proposal(true),
    resolve,
    ...happyEnd,
  ],
  rejected: (r) => {
    const reason = r.pick(['false_material', 'in_arbitration_or_court', 'not_liable'] as const satisfies readonly RejectionReason[]);
    return [(s, p) => s.wait(p.respondHours * 0.1, p.respondHours * 0.8).do('acknowledge', {}), (s) => s.wait(1, 12).do('reject', { reason, text: W.REJECTION_TEXTS[reason] }, 'supervisor')];
  },
  voided: () => [(s, _p, r) => s.wait(0.05, 3).do('void', { reason: r.pick(W.VOID_REASONS) }, 'supervisor')],
  reopened_dissatisfied: (r) => [...handle('liable'), visit(r.int(1, 2)), investigate, proposal(true), resolve, ...happyEnd],
  appealed: () => [
    ...handle('liable'),
    ...happyEnd,
    (s) => s.wait(24, 240).do('reopen', { appeal: true, reason: '顾客申诉：对处理结果有异议，要求重新核查。' }, 'supervisor'),
    investigate,
    proposal(true),
    resolve,
    ...happyEnd,
  ],
  paused: () => [
    intake('liable'),
    (s, _p, r) => s.wait(1, 8).do('pause', { reason: r.pick(W.PAUSE_REASONS) }),
    (s) => s.wait(12, 120).do('resume', { note: '顾客已提供所需材料。' }),
    investigate,
    proposal(true),
    resolve,
    ...happyEnd,
  ],
  extended: () => [
    intake('liable'),
    investigate,
    (s, p, r) => {
      s.wait(1, 6);
      const wanted = r.int(2, 10);
      const reason = r.pick(W.EXTENSION_REASONS);
      // The days count from the current deadline: one long past needs more of them to lie ahead (up to the limit).
      for (let workingDays = wanted; workingDays <= 10; workingDays++) {
        if (s.attempt('extend', { reason, workingDays, customerInformedBy: 'phone' }, 'supervisor')) break;
      }
    },
    proposal(true),
    resolve,
    ...happyEnd,
  ],
  customer_rejected: () => [intake('liable'), investigate, proposal(false), proposal(true), resolve, ...happyEnd],
  major: (r) => {
    const flag = r.pick(['media', 'regulator', 'legal', 'injury_or_major_loss'] as const);
    return [(s) => s.do('addNote', { text: W.MAJOR_DESCRIPTIONS[flag] ?? '重大投诉' }), ...handle('liable', [flag]), ...happyEnd, correctiveAction];
  },
  unreachable: () => [
    ...handle('liable'),
    visit(undefined),
    (s, p, r) => visit(undefined)(s.wait(4, 30), p, r),
    // Unreachable only once the policy's working days have passed since the first failed call.
    (s, p) => {
      const closableAt = s.state && unreachableClosableAt(s.state, p.policy, p.calendar);
      const hours = closableAt === undefined ? 0 : (Date.parse(closableAt) - Date.parse(s.now)) / 3_600_000;
      if (hours > 0) s.wait(hours);
    },
    close,
  ],
  left_open: () => handle('liable'),
};

/** The steps of a path; `left_open` stories are also cut short by the generator. */
export function scriptFor(path: PathName, random: Random): Step[] {
  return SCRIPTS[path](random);
}

export type { Step };
