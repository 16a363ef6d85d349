import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK, type WorkingCalendar } from '../../shared/calendar/calendar';
import { CN_2026_CALENDAR } from '../../shared/calendar/defaults';
import { computeClocks, nextDeadline } from '../../shared/deadlines/clocks';
import { COMMANDS, type CommandContext } from '../../shared/domain/commands';
import { foldComplaint } from '../../shared/domain/reducer';
import { stampEvents, type DomainEvent } from '../../shared/domain/events';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy/policy';
import { deadlineColumns } from './deadline-columns';
import { rowClockState } from './projection';
import { BRANCH, STAFF, walkIn } from './testing/desk';

const WORKING_POLICY: Policy = {
  ...DEFAULT_POLICY,
  acknowledge: { hours: 24, clock: 'working_time' },
  grades: { ...DEFAULT_POLICY.grades, '4': { respondHours: 8, resolveHours: 40, clock: 'working_time' } },
};

function history(steps: [string, unknown][], now: string): DomainEvent[] {
  let ids = 0;
  const ctx: CommandContext = { now, actor: { id: STAFF, role: 'supervisor' }, newId: () => `e${++ids}`, policy: DEFAULT_POLICY };
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

  it('say paused while the complaint waits on the customer, and nothing once it has ended', () => {
    const now = '2026-11-23T02:00:00.000Z';
    const base: [string, unknown][] = [
      ['register', { ...walkIn({ receivedAt: '2026-11-23T01:30:00.000Z' }), number: 'SH01-20261123-0001' }],
      ['acknowledge', {}],
    ];
    const paused = foldComplaint(history([...base, ['pause', { reason: '等待顾客补充材料' }]], now));
    expect(deadlineColumns(paused, DEFAULT_POLICY, AROUND_THE_CLOCK)).toEqual({ paused: 1 });
    const voided = foldComplaint(history([...base, ['void', { reason: '重复登记' }]], now));
    expect(deadlineColumns(voided, DEFAULT_POLICY, AROUND_THE_CLOCK)).toEqual({ paused: 0 });
  });
});
