import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, workingMsBetween } from '../calendar/arithmetic';
import { CN_2026_CALENDAR } from '../calendar/defaults';
import { createDesk, minimalInput } from '../domain/testing';
import type { ComplaintState } from '../domain/state';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { computeClocks, type ClockState } from './clocks';

const RECEIVED = '2026-09-18T09:00:00.000Z'; // Friday 17:00 in Shanghai, before a make-up Sunday
const HOUR = 3_600_000;
const at = (hours: number): string => new Date(Date.parse(RECEIVED) + hours * HOUR).toISOString();

const desk = createDesk({ now: RECEIVED });
desk.run('register', minimalInput('register', undefined, RECEIVED));
const registered = desk.state as ComplaintState;

const inWorkingTime: Policy = {
  ...DEFAULT_POLICY,
  grades: {
    '1': { ...DEFAULT_POLICY.grades['1'], clock: 'working_time' },
    '2': { ...DEFAULT_POLICY.grades['2'], clock: 'working_time' },
    '3': { ...DEFAULT_POLICY.grades['3'], clock: 'working_time' },
    '4': { ...DEFAULT_POLICY.grades['4'], clock: 'working_time' },
  },
};
const policy = fc.constantFrom(DEFAULT_POLICY, inWorkingTime);
const grade = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const hoursAfter = fc.double({ min: 0, max: 24 * 40, noNaN: true });
const RANK: Record<ClockState, number> = { on_time: 0, due_soon: 1, overdue: 2, paused: -1, met: -1, missed: -1 };

describe('clock properties', () => {
  it('an open clock only moves forward: on time → due soon → overdue, with less time left', () => {
    fc.assert(
      fc.property(policy, grade, hoursAfter, hoursAfter, (p, g, a, b) => {
        const state = { ...registered, grade: g };
        const [early, late] = [computeClocks(state, p, CN_2026_CALENDAR, at(Math.min(a, b))), computeClocks(state, p, CN_2026_CALENDAR, at(Math.max(a, b)))];
        for (const kind of ['response', 'resolution'] as const) {
          expect(RANK[late[kind].state]).toBeGreaterThanOrEqual(RANK[early[kind].state]);
          expect(late[kind].deadline).toBe(early[kind].deadline);
          const left = (clock: typeof early.response) => (clock.remainingMinutes ?? 0) - (clock.overrunMinutes ?? 0);
          expect(left(late[kind])).toBeLessThanOrEqual(left(early[kind]));
        }
      }),
    );
  });

  it('a step done by the deadline is met, after it missed, whatever the time now', () => {
    fc.assert(
      fc.property(policy, grade, hoursAfter, hoursAfter, (p, g, doneHours, extra) => {
        const state = { ...registered, grade: g, acknowledgedAt: at(doneHours) };
        const response = computeClocks(state, p, CN_2026_CALENDAR, at(doneHours + extra)).response;
        expect(response.state).toBe(Date.parse(at(doneHours)) <= response.deadlineMs ? 'met' : 'missed');
        expect(response.metAt).toBe(at(doneHours));
      }),
    );
  });

  it('a finished pause never brings the resolution deadline forward', () => {
    fc.assert(
      fc.property(policy, grade, hoursAfter, hoursAfter, (p, g, from, length) => {
        const plain = computeClocks({ ...registered, grade: g }, p, CN_2026_CALENDAR, at(1000)).resolution;
        const paused = computeClocks({ ...registered, grade: g, pauses: [{ from: at(from), to: at(from + length) }] }, p, CN_2026_CALENDAR, at(1000)).resolution;
        expect(paused.deadlineMs).toBeGreaterThanOrEqual(plain.deadlineMs);
      }),
    );
  });
});

describe('the overall limit for ordinary complaints (SPEC §2: 3 working days, special cases 7) is inside the grade table', () => {
  // Why no separate clock: see shared/README.md, "The overall limit". Under the default policy the graded
  // resolution deadline never leaves more working time than 3 working days (grades 1–3) or 7 (grade 4): it may
  // fall after hours a little past the limit's close, with no working minute in between.
  it('property: for any receipt instant in 2026–2027, no working minute of the resolution deadline lies past 3 (grades 1–3) or 7 (grade 4) working days', () => {
    const received = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / 60_000, max: Date.parse('2027-12-15T00:00:00Z') / 60_000 }).map((m) => new Date(m * 60_000).toISOString());
    fc.assert(
      fc.property(received, grade, (receivedAt, g) => {
        const state = { ...registered, receivedAt, resolutionStartedAt: receivedAt, tierSince: receivedAt, grade: g };
        const deadline = computeClocks(state, DEFAULT_POLICY, CN_2026_CALENDAR, receivedAt).resolution.deadlineMs;
        const limit = Date.parse(addWorkingDays(CN_2026_CALENDAR, receivedAt, g === 4 ? 7 : 3));
        expect(workingMsBetween(CN_2026_CALENDAR, limit, deadline)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a regrade never re-judges a decided graded clock (property)', () => {
  it('response and resolution decided before the change keep state and deadline; undecided ones follow the new grade', () => {
    fc.assert(
      fc.property(policy, grade, grade, hoursAfter, hoursAfter, hoursAfter, (p, from, to, doneH, changeH, extraH) => {
        const doneAt = at(doneH);
        const changeAt = at(changeH);
        const now = at(Math.max(doneH, changeH) + extraH);
        const before = { ...registered, grade: from, acknowledgedAt: doneAt, resolvedAt: doneAt };
        const after = { ...before, grade: to, gradeChanges: from === to ? [] : [{ at: changeAt, from, to }] };
        const [old, regraded, fresh] = [before, after, { ...before, grade: to }].map((s) => computeClocks(s, p, CN_2026_CALENDAR, now));
        for (const kind of ['response', 'resolution'] as const) {
          // A change at the very start leaves the old grade no time to decide anything.
          const decidedBeforeChange =
            Date.parse(changeAt) > Date.parse(RECEIVED) && (Date.parse(doneAt) <= Date.parse(changeAt) || Date.parse(old![kind].deadline) < Date.parse(changeAt));
          if (from === to) expect(regraded![kind]).toEqual(old![kind]);
          else if (decidedBeforeChange) expect(regraded![kind]).toMatchObject({ state: old![kind].state, deadline: old![kind].deadline });
          else expect(regraded![kind]).toEqual(fresh![kind]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
