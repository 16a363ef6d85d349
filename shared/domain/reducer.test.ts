import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchCodeSchema, ComplaintIdSchema } from '../brand';
import type { DomainEvent } from './events';
import { applyEvent, applyEventInPlace, foldComplaint, ReplayError, type FoldDraft } from './reducer';
import { ComplaintStateSchema, copyState, type ComplaintState } from './state';
import { addHours, createDesk, handleEverything, minimalInput, MONDAY_9AM, OTHER_STAFF, STAFF, SUPERVISOR, walk } from './testing';

const walkSteps = fc.array(fc.record({ actor: fc.nat(2), pick: fc.nat(100), variant: fc.nat(20), hours: fc.integer({ min: 0, max: 40 }) }), {
  maxLength: 40,
});

function registered() {
  const desk = createDesk();
  desk.run('register', minimalInput('register', undefined, desk.now));
  return desk;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A desk taken through `steps`, and its events, frozen: a fold that wrote into them would throw. */
function walked(steps: Parameters<typeof walk>[1]) {
  const desk = createDesk();
  walk(desk, steps);
  return { desk, events: deepFreeze(desk.events.map((e) => structuredClone(e))) };
}

describe('foldComplaint', () => {
  it('starts a complaint with its first owner, at T1, on the clock from when it was received', () => {
    const state = foldComplaint(registered().events);
    expect(state).toMatchObject({
      number: 'SH01-20261123-0001',
      status: 'registered',
      assignee: STAFF.id,
      receivedBy: STAFF.id,
      registeredBy: STAFF.id,
      tier: 'T1',
      tierSince: MONDAY_9AM,
      resolutionStartedAt: MONDAY_9AM,
      grade: 4,
      flags: [],
      terminal: false,
      lastSeq: 1,
      eventCount: 1,
    });
  });

  it('records the whole handling of a complaint, ending in an appeal after closing', () => {
    const desk = createDesk();
    handleEverything(desk);
    const at = (type: DomainEvent['type'], nth = 0) => desk.events.filter((e) => e.type === type)[nth]!.at;
    const state = foldComplaint(desk.events);
    expect(state).toMatchObject({
      status: 'appealed',
      terminal: false,
      grade: 2,
      assignee: STAFF.id,
      department: '客服部',
      acknowledgedAt: at('Acknowledged'),
      firstRepliedAt: at('NoteAdded'),
      pauses: [{ from: at('Paused'), to: at('Resumed') }],
      // Customer said no → T2; manual → T3; dissatisfied at follow-up → T4.
      tier: 'T4',
      resolutionStartedAt: at('Reopened', 1),
      resolvedAt: undefined,
      closedAt: undefined,
      resolution: undefined,
      extension: undefined,
      extensionCount: 0,
      reopenCount: 2,
      printCount: 1,
      customerRejectedAt: at('CustomerResponded', 0),
      followUps: [
        { at: at('FollowedUp', 0), method: 'phone', reached: true, satisfaction: 2 },
        { at: at('FollowedUp', 1), method: 'phone', reached: true, satisfaction: 5 },
      ],
      correctiveActions: [{ owner: '生鲜部', closedAt: at('CorrectiveActionClosed'), outcome: '已执行' }],
      evidence: [expect.objectContaining({ name: '小票.jpg' })],
      investigation: expect.objectContaining({ rootCause: '巡检缺失', interviewed: ['店员小陈'] }),
      eventCount: desk.events.length,
    });
  });

  it('stops the clocks of a record voided while waiting on the customer', () => {
    const desk = registered();
    desk.run('acknowledge', {});
    desk.run('pause', { reason: '等待顾客' });
    desk.now = addHours(desk.now, 3);
    desk.run('void', { reason: '重复录入' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'voided', terminal: true, pauses: [{ to: desk.now }], voided: { reason: '重复录入' } });
  });

  it('returns to the status before the pause when the customer answers', () => {
    const desk = registered();
    desk.run('acknowledge', {});
    desk.run('proposeResolution', minimalInput('proposeResolution', desk.state, desk.now));
    desk.run('pause', { reason: '顾客考虑中' });
    expect(desk.state?.status).toBe('awaiting_customer');
    desk.run('resume', {});
    expect(desk.state?.status).toBe('resolution_proposed');
  });

  describe('refuses a log that is not one complaint’s history', () => {
    const events = () => {
      const desk = createDesk();
      handleEverything(desk);
      return desk.events;
    };
    const replayError = (log: readonly DomainEvent[]) => {
      try {
        foldComplaint(log);
      } catch (error) {
        expect(error).toBeInstanceOf(ReplayError);
        return (error as ReplayError).code;
      }
      return 'folded';
    };

    it('with its events in order', () => expect(replayError(events())).toBe('folded'));
    it('without a Registered event first', () => expect(replayError(events().slice(1))).toBe('not_registered_first'));
    it('with nothing in it', () => expect(replayError([])).toBe('no_events'));
    it('registered twice', () => {
      const log = events();
      expect(replayError([log[0]!, { ...log[0]!, seq: 99 }])).toBe('already_registered');
    });
    it('with another complaint’s event', () => {
      const log = events();
      expect(replayError([log[0]!, { ...log[1]!, complaintId: ComplaintIdSchema.parse('other') }])).toBe('wrong_complaint');
    });
    it('with another branch’s event', () => {
      const log = events();
      expect(replayError([log[0]!, { ...log[1]!, branch: BranchCodeSchema.parse('BJ02') }])).toBe('wrong_branch');
    });
    it('with events out of order or repeated', () => {
      const log = events();
      expect(replayError([log[0]!, log[2]!, log[1]!])).toBe('seq_out_of_order');
      expect(replayError([log[0]!, log[1]!, log[1]!])).toBe('seq_out_of_order');
    });
  });
});

describe('replay', () => {
  it('gives the same state for the same events, folded at once or one by one, and never alters an earlier state', () => {
    fc.assert(
      fc.property(walkSteps, (steps) => {
        const { desk, events } = walked(steps);
        const once = foldComplaint(events);
        expect(foldComplaint(events)).toEqual(once);
        const states: ComplaintState[] = [];
        let state: ComplaintState | undefined;
        for (const event of events) {
          state = applyEvent(state, event);
          states.push(deepFreeze(structuredClone(state)));
          deepFreeze(state); // a later applyEvent must copy, not write into, the previous state
        }
        expect(state).toEqual(once);
        expect(once).toEqual(desk.state);
        // Resuming a fold from any saved state gives the same result as folding from scratch.
        const cut = Math.floor(events.length / 2);
        const resumed = events.slice(cut + 1).reduce<ComplaintState>((s, e) => applyEvent(s, e), states[cut]!);
        expect(resumed).toEqual(once);
      }),
      { numRuns: 100 },
    );
  });

  it('folds in place, event by event, to the states applyEvent gives, never writing into what the state held before', () => {
    fc.assert(
      fc.property(walkSteps, (steps) => {
        const { desk, events } = walked(steps);
        let copied: ComplaintState | undefined;
        let inPlace: FoldDraft | undefined;
        for (const event of events) {
          copied = applyEvent(copied, event);
          const before = inPlace;
          inPlace = applyEventInPlace(inPlace, event);
          if (before) expect(inPlace).toBe(before);
          expect(inPlace).toEqual(copied);
          // A row projected from the state may keep what it holds: the next event replaces it, never writes into it.
          for (const value of Object.values(inPlace)) deepFreeze(value);
        }
        expect(inPlace).toEqual(desk.state);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a staff member’s own complaints with them until handed over', () => {
    const desk = registered();
    desk.run('handOver', { to: OTHER_STAFF.id, reason: '下班交接' });
    expect(desk.state).toMatchObject({ assignee: OTHER_STAFF.id, receivedBy: STAFF.id });
  });
});

describe('state shape', () => {
  it('has every field of the schema from the first event on, and keeps them all when copied', () => {
    const desk = createDesk();
    handleEverything(desk);
    const first = foldComplaint(desk.events.slice(0, 1));
    expect(Object.keys(first).sort()).toEqual(Object.keys(ComplaintStateSchema.shape).sort());
    expect(Object.keys(copyState(first))).toEqual(Object.keys(first));
    expect(ComplaintStateSchema.parse(foldComplaint(desk.events))).toEqual(foldComplaint(desk.events));
  });
});
