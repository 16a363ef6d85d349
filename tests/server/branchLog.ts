/**
 * A branch's journal for sync tests and the sync benchmark, made by the real commands (register, acknowledge,
 * notes, and now and then a resolution): valid for head office's checks, and cheap enough to make 100 000
 * events in a second or two. Complaints are worked on side by side, so one batch touches many complaints
 * and a complaint's events span batches, as at a real counter.
 */
import { BranchCodeSchema, UserIdSchema, type BranchCode } from '../../shared/brand';
import { CN_CALENDAR } from '../../shared/calendar/defaults';
import { COMMANDS, type ActionName, type CommandContext } from '../../shared/domain/commands';
import { stampEvents, type DomainEvent } from '../../shared/domain/events';
import { formatComplaintNumber, localDateKey } from '../../shared/domain/numbering';
import { applyEvent } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { registerInput } from '../bench/dataset';

const ACTOR = { id: UserIdSchema.parse('u-counter'), role: 'supervisor' as const };
/** Complaints open at once; each gets its next step in turn. */
const OPEN_AT_ONCE = 40;
const STEPS: readonly (readonly [ActionName, unknown])[] = [
  ['acknowledge', {}],
  ['addNote', { text: '已电话联系顾客，说明处理进度', contactedCustomer: true }],
  ['recordInvestigation', { findings: '收银系统价格未更新' }],
  ['addNote', { text: '等待门店核实' }],
  ['proposeResolution', { offers: ['refund', 'apology'], amount: 20, text: '退差价并致歉' }],
  ['recordCustomerResponse', { accepted: true }],
];

/** `events` events of branch `code` (seq 1…), the last complaints left part-way; starts at `startIso`, a minute apart. */
export function branchLog(code: string, events: number, startIso = '2026-10-01T01:00:00.000Z'): DomainEvent[] {
  const branch: BranchCode = BranchCodeSchema.parse(code);
  const log: DomainEvent[] = [];
  const open: { state: ComplaintState; step: number }[] = [];
  const perDay = new Map<string, number>();
  let ids = 0;
  let registrations = 0;
  const startMs = Date.parse(startIso);
  const context = (): CommandContext => ({ now: new Date(startMs + log.length * 60_000).toISOString(), actor: ACTOR, newId: () => `${code}-e${++ids}`, policy: DEFAULT_POLICY, calendar: CN_CALENDAR });
  const append = (state: ComplaintState | undefined, action: ActionName, input: unknown): ComplaintState => {
    const drafts = COMMANDS[action](state, input, context());
    if (!drafts.ok) throw new Error(`${action} refused: ${drafts.error.message}`);
    let after = state;
    for (const event of stampEvents(drafts.value, { branch, firstSeq: log.length + 1 })) {
      log.push(event);
      after = applyEvent(after, event);
    }
    if (!after) throw new Error(`${action} made no events`);
    return after;
  };
  while (log.length < events) {
    if (open.length < OPEN_AT_ONCE) {
      const ctx = context();
      const day = localDateKey(ctx.now, DEFAULT_POLICY.timeZone);
      const number = formatComplaintNumber(branch, day, (perDay.get(day) ?? 0) + 1);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      open.push({ state: append(undefined, 'register', { ...registerInput(registrations++, ctx.now), number }), step: 0 });
      continue;
    }
    const slot = log.length % open.length;
    const complaint = open[slot] as { state: ComplaintState; step: number };
    const [action, input] = STEPS[complaint.step] as readonly [ActionName, unknown];
    complaint.state = append(complaint.state, action, input);
    complaint.step += 1;
    if (complaint.step === STEPS.length) open.splice(slot, 1);
  }
  return log.slice(0, events);
}
