import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserIdSchema } from '../brand';
import { CN_2026_CALENDAR } from '../calendar/defaults';
import { createDesk, minimalInput } from '../domain/testing';
import type { DomainEvent } from '../domain/events';
import { foldComplaint } from '../domain/reducer';
import type { ComplaintState } from '../domain/state';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { generateSeed } from '../seed/generator';
import { createRandom } from '../seed/random';
import { clockList, computeClocks, computeGradedClocks, nextDeadline } from './clocks';

const RECEIVED = '2026-11-23T01:00:00.000Z'; // Monday 09:00 in Shanghai
const at = (hours: number, from = RECEIVED): string => new Date(Date.parse(from) + hours * 3_600_000).toISOString();
const SUPERVISOR = UserIdSchema.parse('u-wang');

/** A freshly registered grade-3 complaint at T1, received at RECEIVED, with `changes` applied. */
function complaint(changes: Partial<ComplaintState> = {}): ComplaintState {
  const desk = createDesk({ now: RECEIVED });
  const registered = desk.run('register', minimalInput('register', undefined, RECEIVED));
  if (!registered.ok || !desk.state) throw new Error(`test setup: ${registered.ok ? 'no state' : registered.error.message}`);
  return { ...desk.state, grade: 3, tier: 'T1', tierSince: RECEIVED, ...changes };
}

const clocksAt = (state: ComplaintState, nowHours: number, policy: Policy = DEFAULT_POLICY) => computeClocks(state, policy, CN_2026_CALENDAR, at(nowHours));

describe('open clocks around the clock (default policy, grade 3: respond 8 h, resolve 72 h)', () => {
  it('are on time with the minutes left just after registration', () => {
    const clocks = clocksAt(complaint(), 1);
    expect(clocks.acknowledgement).toMatchObject({ state: 'on_time', deadline: at(24), remainingMinutes: 23 * 60 });
    expect(clocks.firstReply).toMatchObject({ state: 'on_time', deadline: at(48) });
    expect(clocks.response).toMatchObject({ state: 'on_time', deadline: at(8), remainingMinutes: 7 * 60 });
    expect(clocks.resolution).toMatchObject({ state: 'on_time', deadline: at(72) });
    expect(clocks.tier).toMatchObject({ state: 'on_time', deadline: at(24) });
  });

  it('are due soon in the last quarter of their span', () => {
    expect(clocksAt(complaint(), 5.9).response.state).toBe('on_time');
    expect(clocksAt(complaint(), 6).response).toMatchObject({ state: 'due_soon', remainingMinutes: 120 });
    expect(clocksAt(complaint(), 8).response).toMatchObject({ state: 'due_soon', remainingMinutes: 0 });
  });

  it('are overdue past the deadline, with the overrun', () => {
    const clocks = clocksAt(complaint(), 9);
    expect(clocks.response).toMatchObject({ state: 'overdue', overrunMinutes: 60 });
    expect(clocks.response.remainingMinutes).toBeUndefined();
    expect(nextDeadline(clocks)?.kind).toBe('response');
  });

  it('honour the policy’s due-soon share', () => {
    const policy = { ...DEFAULT_POLICY, dueSoonShare: 0.5 };
    expect(clocksAt(complaint(), 4, policy).response.state).toBe('due_soon');
    expect(clocksAt(complaint(), 4).response.state).toBe('on_time');
  });
});

describe('met and missed', () => {
  it('acknowledging within 8 h meets the acknowledgement and response clocks', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(2) }), 10);
    expect(clocks.acknowledgement).toMatchObject({ state: 'met', metAt: at(2) });
    expect(clocks.response).toMatchObject({ state: 'met', metAt: at(2) });
  });

  it('acknowledging after 8 h misses the response clock by the overrun', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(9) }), 10);
    expect(clocks.acknowledgement.state).toBe('met');
    expect(clocks.response).toMatchObject({ state: 'missed', overrunMinutes: 60, metAt: at(9) });
  });

  it('resolving meets the resolution clock and stops the tier clock (missed after the T1 day)', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), firstRepliedAt: at(3), resolvedAt: at(50) }), 60);
    expect(clocks.resolution).toMatchObject({ state: 'met', metAt: at(50) });
    expect(clocks.tier).toMatchObject({ state: 'missed', overrunMinutes: 26 * 60 });
    expect(nextDeadline(clocks)).toBeUndefined();
  });

  it('reopening restarts the resolution clock from the reopen instant', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), resolutionStartedAt: at(100) }), 110);
    expect(clocks.resolution).toMatchObject({ state: 'on_time', deadline: at(172) });
  });
});

describe('pauses while waiting on the customer', () => {
  it('a finished pause pushes the resolution deadline by its length', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), pauses: [{ from: at(10), to: at(34) }] }), 80);
    expect(clocks.resolution).toMatchObject({ state: 'due_soon', deadline: at(96), remainingMinutes: 16 * 60 });
  });

  it('an open pause freezes the resolution clock with the time that was left', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), pauses: [{ from: at(10) }] }), 50);
    expect(clocks.resolution).toMatchObject({ state: 'paused', remainingMinutes: 62 * 60, deadline: at(112) });
    expect(nextDeadline(clocks)?.kind).not.toBe('resolution');
  });

  it('a pause that starts after the deadline does not rescue it', () => {
    const paused = clocksAt(complaint({ acknowledgedAt: at(1), pauses: [{ from: at(80) }] }), 90);
    expect(paused.resolution).toMatchObject({ state: 'paused', overrunMinutes: 18 * 60, deadline: at(72) });
    const resumed = clocksAt(complaint({ acknowledgedAt: at(1), pauses: [{ from: at(80), to: at(85) }] }), 90);
    expect(resumed.resolution).toMatchObject({ state: 'overdue', overrunMinutes: 18 * 60 });
  });

  it('waiting time does not count against the tier either', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), pauses: [{ from: at(2), to: at(12) }] }), 20);
    expect(clocks.tier).toMatchObject({ state: 'on_time', deadline: at(34) });
  });
});

describe('extension', () => {
  const extension = { newDeadline: at(120), reason: '需供应商检测', approvedBy: SUPERVISOR, at: at(60) };

  it('replaces the resolution deadline and holds the tier clock until then', () => {
    const clocks = clocksAt(complaint({ acknowledgedAt: at(1), extension, extensionCount: 1 }), 80);
    expect(clocks.resolution).toMatchObject({ state: 'on_time', deadline: at(120), remainingMinutes: 40 * 60 });
    expect(clocks.tier).toMatchObject({ deadline: at(120) });
    expect(clocksAt(complaint({ acknowledgedAt: at(1), extension, extensionCount: 1 }), 121).resolution).toMatchObject({ state: 'overdue', overrunMinutes: 60 });
  });

  it('a pause after the approval pushes the new deadline; one before it does not', () => {
    const later = clocksAt(complaint({ extension, pauses: [{ from: at(70), to: at(80) }] }), 90);
    expect(later.resolution.deadline).toBe(at(130));
    const earlier = clocksAt(complaint({ extension, pauses: [{ from: at(10), to: at(20) }] }), 90);
    expect(earlier.resolution.deadline).toBe(at(120));
  });
});

describe('regrading', () => {
  it('recomputes every graded deadline from the grade now in the state', () => {
    const asGrade3 = clocksAt(complaint({ acknowledgedAt: at(3) }), 4);
    const asGrade1 = clocksAt(complaint({ acknowledgedAt: at(3), grade: 1 }), 4);
    expect(asGrade3.response.state).toBe('met');
    expect(asGrade1.response).toMatchObject({ state: 'missed', overrunMinutes: 60, deadline: at(2) });
    expect(asGrade1.resolution.deadline).toBe(at(24));
    expect(asGrade3.resolution.deadline).toBe(at(72));
  });
});

describe('terminal complaints', () => {
  it('stop every clock at the end: rejected in time counts as met', () => {
    const clocks = clocksAt(complaint({ terminal: true, status: 'rejected', firstRepliedAt: at(5), rejection: { reason: 'false_material', text: '材料不实', at: at(5) } }), 200);
    expect(clocks.acknowledgement).toMatchObject({ state: 'met', metAt: at(5) });
    expect(clocks.resolution).toMatchObject({ state: 'met', metAt: at(5) });
    expect(nextDeadline(clocks)).toBeUndefined();
  });

  it('a complaint voided after its deadlines missed them, without running on', () => {
    const voided = complaint({ terminal: true, status: 'voided', acknowledgedAt: at(1), voided: { reason: '重复录入', at: at(100) } });
    expect(clocksAt(voided, 500).resolution).toMatchObject({ state: 'missed', overrunMinutes: 28 * 60, metAt: at(100) });
  });

  it('an open pause on a terminal record does not leave the clock paused', () => {
    const closed = complaint({ terminal: true, status: 'closed', acknowledgedAt: at(1), resolvedAt: at(20), closedAt: at(30), pauses: [{ from: at(25) }] });
    expect(clocksAt(closed, 40).resolution.state).toBe('met');
  });
});

describe('tiers', () => {
  it('T4 (final review) has no tier clock', () => {
    expect(clocksAt(complaint({ tier: 'T4', tierSince: at(5) }), 6).tier).toBeNull();
  });

  it('T2 counts its 48 h from when the complaint reached it', () => {
    expect(clocksAt(complaint({ tier: 'T2', tierSince: at(30) }), 31).tier).toMatchObject({ deadline: at(78), state: 'on_time' });
  });
});

describe('working-time clocks (China 2026 calendar)', () => {
  const workingPolicy: Policy = { ...DEFAULT_POLICY, grades: { ...DEFAULT_POLICY.grades, '3': { ...DEFAULT_POLICY.grades['3'], clock: 'working_time' } } };
  // Friday 18 Sep 17:00 in Shanghai; Saturday is off, Sunday 20 Sep is a make-up working day (调休).
  const friday5pm = '2026-09-18T09:00:00.000Z';
  const state = complaint({ receivedAt: friday5pm, resolutionStartedAt: friday5pm, tierSince: friday5pm });
  const clocks = (now: string) => computeClocks(state, workingPolicy, CN_2026_CALENDAR, now);

  it('counts 8 working hours over the weekend into the make-up Sunday', () => {
    expect(clocks('2026-09-19T04:00:00.000Z').response).toMatchObject({ mode: 'working_time', state: 'on_time', deadline: '2026-09-20T09:00:00.000Z', remainingMinutes: 420 });
    expect(clocks('2026-09-20T08:00:00.000Z').response).toMatchObject({ state: 'due_soon', remainingMinutes: 60 });
  });

  it('measures the overrun in working minutes', () => {
    // Deadline Sunday 17:00; Monday 09:30 is 60 + 30 working minutes later.
    expect(clocks('2026-09-21T01:30:00.000Z').response).toMatchObject({ state: 'overdue', overrunMinutes: 90 });
  });

  it('leaves the around-the-clock clocks alone', () => {
    expect(clocks('2026-09-19T04:00:00.000Z').acknowledgement).toMatchObject({ mode: 'around_the_clock', deadline: '2026-09-19T09:00:00.000Z' });
  });
});

describe('nextDeadline', () => {
  it('is the earliest running deadline', () => {
    expect(nextDeadline(clocksAt(complaint(), 1))?.kind).toBe('response');
    expect(nextDeadline(clocksAt(complaint({ acknowledgedAt: at(1) }), 2))?.kind).toBe('tier');
    expect(nextDeadline(clocksAt(complaint({ acknowledgedAt: at(1), firstRepliedAt: at(1), tier: 'T4' }), 2))?.kind).toBe('resolution');
  });
});

describe('computeGradedClocks', () => {
  it('gives exactly the response and resolution clocks of computeClocks, on every kind of complaint', () => {
    const seed = generateSeed({ branches: 2, complaints: 300 }, createRandom(7));
    const streams = new Map<string, DomainEvent[]>();
    for (const event of seed.events) streams.set(event.complaintId, [...(streams.get(event.complaintId) ?? []), event]);
    const states = [...streams.values()].map((stream) => foldComplaint(stream));
    const workingTime: Policy = { ...DEFAULT_POLICY, grades: { ...DEFAULT_POLICY.grades, '3': { ...DEFAULT_POLICY.grades['3'], clock: 'working_time' } } };
    for (const policy of [DEFAULT_POLICY, workingTime]) {
      for (const now of [seed.now, '2026-10-01T00:00:00.000Z']) {
        for (const state of states) {
          const all = computeClocks(state, policy, CN_2026_CALENDAR, now);
          expect(computeGradedClocks(state, policy, CN_2026_CALENDAR, now)).toEqual({ response: all.response, resolution: all.resolution });
        }
      }
    }
    expect(new Set(states.map((state) => computeClocks(state, DEFAULT_POLICY, CN_2026_CALENDAR, seed.now).resolution.state)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('an overdue clock always carries its overrun (working time)', () => {
  // Grade 3 responds within 3 working hours: received Monday 09:00, due Monday 12:00 — the lunch break follows.
  const policy: Policy = { ...DEFAULT_POLICY, grades: { ...DEFAULT_POLICY.grades, '3': { respondHours: 3, resolveHours: 24, clock: 'working_time' } } };
  const response = (now: string) => computeClocks(complaint(), policy, CN_2026_CALENDAR, now).response;

  it.each([
    ['at the deadline', '2026-11-23T04:00:00.000Z', 'due_soon', { remainingMinutes: 0 }],
    ['in the lunch break right after it', '2026-11-23T04:30:00.000Z', 'overdue', { overrunMinutes: 0 }],
    ['at the end of the break', '2026-11-23T05:00:00.000Z', 'overdue', { overrunMinutes: 0 }],
    ['one working minute later', '2026-11-23T05:01:00.000Z', 'overdue', { overrunMinutes: 1 }],
    ['overnight', '2026-11-23T20:00:00.000Z', 'overdue', { overrunMinutes: 300 }],
  ] as const)('%s', (_label, now, state, minutes) => {
    const clock = response(now);
    expect(clock).toMatchObject({ state, ...minutes });
    expect(clock.state === 'overdue' ? clock.remainingMinutes : clock.overrunMinutes).toBeUndefined();
  });

  it('property: past the deadline ⇔ overrun present (never a remaining time), on either kind of clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 20 }), fc.boolean(), (minutes, working) => {
        const p: Policy = working ? policy : DEFAULT_POLICY;
        const now = new Date(Date.parse(RECEIVED) + minutes * 60_000).toISOString();
        for (const clock of clockList(computeClocks(complaint(), p, CN_2026_CALENDAR, now))) {
          const late = Date.parse(now) > clock.deadlineMs;
          if (late !== (clock.overrunMinutes !== undefined && clock.overrunMinutes >= 0)) return false;
          if (late === (clock.remainingMinutes !== undefined)) return false;
          if (late && clock.state !== 'overdue') return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('a graded clock decided under one grade keeps its verdict after a regrade', () => {
  it('a downgrade does not turn a missed response into a met one', () => {
    // Grade 3 (respond 8 h) acknowledged at 10 h — missed; downgraded to 4 (24 h) at 20 h.
    const state = complaint({ acknowledgedAt: at(10), grade: 4, gradeChanges: [{ at: at(20), from: 3, to: 4 }] });
    expect(clocksAt(state, 30).response).toMatchObject({ state: 'missed', deadline: at(8), overrunMinutes: 120 });
  });

  it('nor a response overdue when it was downgraded, acknowledged later', () => {
    const state = complaint({ acknowledgedAt: at(12), grade: 4, gradeChanges: [{ at: at(9), from: 3, to: 4 }] });
    expect(clocksAt(state, 30).response).toMatchObject({ state: 'missed', deadline: at(8) });
    const open = complaint({ grade: 4, gradeChanges: [{ at: at(9), from: 3, to: 4 }] });
    expect(clocksAt(open, 10).response).toMatchObject({ state: 'overdue', deadline: at(8), overrunMinutes: 120 });
  });

  it('an upgrade does not turn a met response into a missed one', () => {
    // Grade 4 acknowledged at 5 h (met, 24 h), upgraded to grade 1 (2 h) at 6 h.
    const state = complaint({ grade: 1, acknowledgedAt: at(5), gradeChanges: [{ at: at(6), from: 4, to: 1 }] });
    expect(clocksAt(state, 7).response).toMatchObject({ state: 'met', deadline: at(24) });
  });

  it('an undecided clock follows the new grade', () => {
    const state = complaint({ grade: 4, gradeChanges: [{ at: at(2), from: 3, to: 4 }] });
    expect(clocksAt(state, 10).response).toMatchObject({ state: 'on_time', deadline: at(24) });
    const resolved = complaint({ grade: 1, resolvedAt: at(30), gradeChanges: [{ at: at(2), from: 3, to: 1 }] });
    expect(clocksAt(resolved, 40).resolution).toMatchObject({ state: 'missed', deadline: at(24) });
  });

  it('the resolution clock of a reopened round ignores regrades before it started', () => {
    const state = complaint({ grade: 4, resolutionStartedAt: at(100), gradeChanges: [{ at: at(90), from: 3, to: 4 }] });
    expect(clocksAt(state, 101).resolution).toMatchObject({ state: 'on_time', deadline: at(268) });
  });
});
