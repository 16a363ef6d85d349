import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK, type WorkingCalendar } from '../../shared/calendar/calendar';
import { CN_2026_CALENDAR } from '../../shared/calendar/defaults';
import { computeClocks, nextDeadline } from '../../shared/deadlines/clocks';
import { dueEscalations } from '../../shared/escalation/rules';
import { COMMANDS, type CommandContext } from '../../shared/domain/commands';
import { foldComplaint } from '../../shared/domain/reducer';
import { stampEvents, type DomainEvent } from '../../shared/domain/events';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy/policy';
import { deadlineColumns } from './deadline-columns';
import { rowClockState } from './projection';
import { BRANCH, STAFF, walkIn } from '../../tests/unit/store/desk';

const WORKING_POLICY: Policy = {
  ...DEFAULT_POLICY,
  acknowledge: { hours: 24, clock: 'working_time' },
  grades: { ...DEFAULT_POLICY.grades, '4': { respondHours: 8, resolveHours: 40, clock: 'working_time' } },
};

function history(steps: [string, unknown][], now: string): DomainEvent[] {
  let ids = 0;
  const ctx: CommandContext = { now, actor: { id: STAFF, role: 'supervisor' }, newId: () => `e${++ids}`, policy: DEFAULT_POLICY, calendar: CN_2026_CALENDAR };
  const events: DomainEvent[] = [];
  for (const [action, input] of steps) {
    const state = events.length > 0 ? foldComplaint(events) : undefined;
    const drafts = COMMANDS[action as 'register'](state, input, ctx);
    if (!drafts.ok) throw new Error(drafts.error.message);
    events.push(...stampEvents(drafts.value, { branch: BRANCH, firstSeq: events.length + 1 }));
  }
  return events;
}

const registered = (now: string) =>
  history([['register', { ...walkIn({ receivedAt: now }), number: 'SH01-20261123-0001' }]], now);

/** Every 20 minutes for four days: the row's state must be what the clocks say at that moment. */
function expectRowAgreesWithClocks(events: DomainEvent[], policy: Policy, calendar: WorkingCalendar): void {
  const state = foldComplaint(events);
  const columns = deadlineColumns(state, policy, calendar);
  const start = Date.parse(state.updatedAt);
  for (let t = start; t < start + 4 * 86_400_000; t += 20 * 60_000) {
    const now = new Date(t).toISOString();
    const clock = nextDeadline(computeClocks(state, policy, calendar, now));
    expect([now, rowClockState(columns, now)]).toEqual([now, clock?.state ?? 'none']);
  }
}

describe('deadline columns of a row', () => {
  it('give the same on time / due soon / overdue as the clocks, around the clock', () => {
    expectRowAgreesWithClocks(registered('2026-11-23T01:30:00.000Z'), DEFAULT_POLICY, AROUND_THE_CLOCK);
  });

  it('give the same states as the clocks in working time, across nights and a weekend', () => {
    expectRowAgreesWithClocks(registered('2026-11-27T08:00:00.000Z'), WORKING_POLICY, CN_2026_CALENDAR);
  });

  it('follow the clocks after acknowledgement (the next running clock takes over)', () => {
    const events = history(
      [
        ['register', { ...walkIn({ receivedAt: '2026-11-23T01:30:00.000Z' }), number: 'SH01-20261123-0001' }],
        ['acknowledge', {}],
      ],
      '2026-11-23T02:00:00.000Z',
    );
    expectRowAgreesWithClocks(events, DEFAULT_POLICY, AROUND_THE_CLOCK);
  });

  it('never turn due soon after the deadline, even for a step taken once the next clock was already overdue', () => {
    // Registered a week ago and acknowledged only now: the response clock is long overdue at the step.
    const events = history(
      [
        ['register', { ...walkIn({ receivedAt: '2026-11-16T01:30:00.000Z' }), number: 'SH01-20261116-0001' }],
        ['acknowledge', {}],
      ],
      '2026-11-23T02:00:00.000Z',
    );
    const columns = deadlineColumns(foldComplaint(events), DEFAULT_POLICY, AROUND_THE_CLOCK);
    expect(columns.nextDeadlineAt).toBeDefined();
    expect(Date.parse(columns.dueSoonAt ?? '')).toBeLessThanOrEqual(Date.parse(columns.nextDeadlineAt ?? ''));
  });

  it('say paused while the complaint waits on the customer, and nothing once it has ended', () => {
    const now = '2026-11-23T02:00:00.000Z';
    const base: [string, unknown][] = [
      ['register', { ...walkIn({ receivedAt: '2026-11-23T01:30:00.000Z' }), number: 'SH01-20261123-0001' }],
      ['acknowledge', {}],
    ];
    const paused = foldComplaint(history([...base, ['pause', { reason: '等待顾客补充材料' }]], now));
    // Waiting on the customer stops the clocks but not the month: the month rule may still escalate it.
    expect(deadlineColumns(paused, DEFAULT_POLICY, AROUND_THE_CLOCK)).toEqual({ paused: 1, escalationDueAt: '2026-12-23T01:30:00.000Z' });
    const voided = foldComplaint(history([...base, ['void', { reason: '重复登记' }]], now));
    expect(deadlineColumns(voided, DEFAULT_POLICY, AROUND_THE_CLOCK)).toEqual({ paused: 0 });
  });
});

/** Every 20 minutes for 35 days: whenever the rule has an escalation due with no step taken, the row said so. */
function expectEscalationColumnNeverLate(events: DomainEvent[], policy: Policy, calendar: WorkingCalendar): void {
  const state = foldComplaint(events);
  const dueAt = deadlineColumns(state, policy, calendar).escalationDueAt;
  const start = Date.parse(state.updatedAt);
  let firstDue: string | undefined;
  for (let t = start; t < start + 35 * 86_400_000 && firstDue === undefined; t += 20 * 60_000) {
    const now = new Date(t).toISOString();
    if (dueEscalations(state, policy, calendar, now).length > 0) firstDue = now;
  }
  expect(firstDue).toBeDefined();
  expect(dueAt).toBeDefined();
  // Never later than the rule (nothing is missed), and no more than one sampling step earlier (nothing swept for nothing).
  expect(Date.parse(dueAt ?? '')).toBeLessThanOrEqual(Date.parse(firstDue ?? ''));
  expect(Date.parse(firstDue ?? '') - Date.parse(dueAt ?? '')).toBeLessThanOrEqual(20 * 60_000);
}

describe('escalation column of a row', () => {
  const at = '2026-11-23T01:30:00.000Z';
  const register: [string, unknown] = ['register', { ...walkIn({ receivedAt: at }), number: 'SH01-20261123-0001' }];

  it('falls due with the tier limit, around the clock and in working time', () => {
    expectEscalationColumnNeverLate(registered(at), DEFAULT_POLICY, AROUND_THE_CLOCK);
    expectEscalationColumnNeverLate(registered('2026-11-27T08:00:00.000Z'), WORKING_POLICY, CN_2026_CALENDAR);
  });

  it('falls due with the next tier limit after an escalation, and with the month at final review', () => {
    expectEscalationColumnNeverLate(history([register, ['escalate', { toTier: 'T2', reason: '顾客要求主管处理' }]], '2026-11-23T02:00:00.000Z'), DEFAULT_POLICY, AROUND_THE_CLOCK);
    const atFinal = foldComplaint(history([register, ['escalate', { toTier: 'T4', reason: '媒体关注' }]], '2026-11-23T02:00:00.000Z'));
    expect(deadlineColumns(atFinal, DEFAULT_POLICY, AROUND_THE_CLOCK).escalationDueAt).toBe('2026-12-23T01:30:00.000Z');
  });

  it('is absent once the complaint is resolved or has ended', () => {
    const now = '2026-11-23T02:00:00.000Z';
    const voided = foldComplaint(history([register, ['void', { reason: '重复登记' }]], now));
    expect(deadlineColumns(voided, DEFAULT_POLICY, AROUND_THE_CLOCK)).not.toHaveProperty('escalationDueAt');
  });
});
