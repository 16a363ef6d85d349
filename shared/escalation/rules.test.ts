import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchCodeSchema, ComplaintIdSchema, EventIdSchema, UserIdSchema } from '../brand';
import { AROUND_THE_CLOCK, CN_2026_CALENDAR } from '../calendar';
import type { CommandContext } from '../domain/commands/context';
import { EVENT_VERSIONS, stampEvents, type DomainEvent, type EventBody } from '../domain/events';
import { applyEvent, foldComplaint } from '../domain/reducer';
import type { ComplaintState } from '../domain/state';
import { TIERS, type MajorFlag } from '../domain/vocabulary';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { dueEscalations, runDueEscalations } from './rules';

const BRANCH = BranchCodeSchema.parse('SH01');
const ID = ComplaintIdSchema.parse('c-1');
const STAFF = UserIdSchema.parse('u-staff');
const SYSTEM = UserIdSchema.parse('system');
const RECEIVED = '2026-11-23T01:00:00.000Z'; // Monday 09:00 in Shanghai
const hours = (h: number, from = RECEIVED) => new Date(Date.parse(from) + h * 3_600_000).toISOString();

let seq = 0;
function event(at: string, body: EventBody): DomainEvent {
  seq += 1;
  return { id: EventIdSchema.parse(`e-${seq}`), complaintId: ID, branch: BRANCH, seq, at, actor: STAFF, v: EVENT_VERSIONS[body.type], ...body } as DomainEvent;
}

function complaint(options: { grade?: 1 | 2 | 3 | 4; flags?: MajorFlag[] } = {}): DomainEvent[] {
  seq = 0;
  return [
    event(RECEIVED, {
      type: 'Registered',
      payload: {
        number: 'SH01-20261123-0001',
        receivedAt: RECEIVED,
        channel: 'walk_in',
        complainant: { name: '王芳', phone: '13812345678' },
        anonymous: false,
        incident: {},
        category: 'product_quality',
        nature: 'quality',
        description: '购买的牛奶已过期',
        requests: ['refund'],
        evidence: [],
        receivedBy: STAFF,
        grade: options.grade ?? 3,
        flags: options.flags ?? [],
        policyVersion: 1,
      },
    }),
    event(hours(0.5), { type: 'Acknowledged', payload: {} }),
  ];
}

const URGENT = { validity: 'liable' as const, severity: 'medium' as const, urgency: 'high' as const, spread: 'individual' as const, flags: [], policyVersion: 1 };
const fold = (events: DomainEvent[]) => foldComplaint(events);
const ctxAt = (now: string, policy: Policy = DEFAULT_POLICY): CommandContext => {
  let n = 0;
  return { now, policy, calendar: CN_2026_CALENDAR, actor: { id: SYSTEM, role: 'admin' }, newId: () => `auto-${now}-${++n}` };
};

/** Append the due escalations at `now`, as the store would, and return the new state. */
function escalate(state: ComplaintState, now: string, calendar = AROUND_THE_CLOCK, policy = DEFAULT_POLICY): ComplaintState {
  const drafts = runDueEscalations(state, calendar, ctxAt(now, policy));
  return stampEvents(drafts, { branch: state.branch, firstSeq: state.lastSeq + 1 }).reduce<ComplaintState>(applyEvent, state);
}

describe('dueEscalations', () => {
  const ladder: { name: string; events: DomainEvent[]; now: string; expected: unknown[] }[] = [
    { name: 'T1 at 24 h: nothing yet', events: complaint(), now: hours(24), expected: [] },
    { name: 'T1 past 24 h: one tier up', events: complaint(), now: hours(24.01), expected: [{ kind: 'one_tier', trigger: 'tier_deadline' }] },
    {
      name: 'resolved in time: nothing, even long after',
      events: [...complaint(), event(hours(3), { type: 'Resolved', payload: { communicatedBy: 'phone', communicatedAt: hours(3), summary: '已退款' } })],
      now: hours(100),
      expected: [],
    },
    {
      name: 'voided: never',
      events: [...complaint({ flags: ['media'] }), event(hours(1), { type: 'Voided', payload: { reason: '重复登记' } })],
      now: hours(24 * 40),
      expected: [],
    },
    {
      name: 'customer rejected the proposal: one tier up at once',
      events: [
        ...complaint(),
        event(hours(2), { type: 'ResolutionProposed', payload: { offers: ['apology'], text: '赔礼道歉' } }),
        event(hours(3), { type: 'CustomerResponded', payload: { accepted: false } }),
      ],
      now: hours(3),
      expected: [{ kind: 'one_tier', trigger: 'customer_rejected' }],
    },
    {
      name: 'waiting on the customer does not count against the tier',
      events: [...complaint(), event(hours(1), { type: 'Paused', payload: { reason: '等待顾客提供小票' } }), event(hours(11), { type: 'Resumed', payload: {} })],
      now: hours(30),
      expected: [],
    },
    {
      name: 'an extension holds the ladder until its new deadline',
      events: [
        ...complaint(),
        event(hours(20), {
          type: 'Extended',
          payload: { approvedBy: STAFF, reason: '需厂家检测', newDeadline: hours(24 * 5), workingDays: 3, customerInformedBy: 'phone' },
        }),
      ],
      now: hours(30),
      expected: [],
    },
    {
      name: 'a rejection at T4: nothing above final review',
      events: [
        ...complaint({ flags: ['regulator'] }),
        event(hours(1), { type: 'Escalated', payload: { fromTier: 'T1', toTier: 'T4', reason: '重大投诉', automatic: true, trigger: 'major_flag' } }),
        event(hours(2), { type: 'ResolutionProposed', payload: { offers: ['compensation'], text: '赔偿500元' } }),
        event(hours(3), { type: 'CustomerResponded', payload: { accepted: false } }),
      ],
      now: hours(200),
      expected: [],
    },
    {
      name: 'grade 3 the department cannot resolve alone: nothing yet',
      events: [...complaint(), event(hours(1), { type: 'InvestigationRecorded', payload: { findings: '需厂家检测', interviewed: [], cannotResolveAlone: true } })],
      now: hours(2),
      expected: [],
    },
    {
      name: 'graded 2 after the department found it cannot resolve it alone: one tier up at once',
      events: [
        ...complaint(),
        event(hours(1), { type: 'InvestigationRecorded', payload: { findings: '需厂家检测', interviewed: [], cannotResolveAlone: true } }),
        event(hours(2), { type: 'Assessed', payload: { ...URGENT, grade: 2, suggestedGrade: 2 } }),
      ],
      now: hours(2),
      expected: [{ kind: 'one_tier', trigger: 'department_cannot_resolve' }],
    },
    {
      name: 'the same, found at T1 but already escalated by the T1 limit: nothing',
      events: [
        ...complaint(),
        event(hours(1), { type: 'InvestigationRecorded', payload: { findings: '需厂家检测', interviewed: [], cannotResolveAlone: true } }),
        event(hours(25), { type: 'Escalated', payload: { fromTier: 'T1', toTier: 'T2', reason: '超时', automatic: true, trigger: 'tier_deadline' } }),
        event(hours(26), { type: 'Assessed', payload: { ...URGENT, grade: 2, suggestedGrade: 2 } }),
      ],
      now: hours(26),
      expected: [],
    },
    { name: 'a media flag: straight to T4', events: complaint({ flags: ['media'] }), now: hours(0.5), expected: [{ kind: 'major_flags', flags: ['media'], raise: false }] },
    {
      name: 'a month unresolved raises the flag',
      events: complaint(),
      now: hours(24 * 30),
      expected: [{ kind: 'major_flags', flags: ['unresolved_month'], raise: true }],
    },
  ];
  it.each(ladder)('$name', ({ events, now, expected }) => {
    expect(dueEscalations(fold(events), DEFAULT_POLICY, AROUND_THE_CLOCK, now)).toMatchObject(expected);
  });

  it('counts working time only when the tier runs on the working calendar', () => {
    const policy: Policy = { ...DEFAULT_POLICY, tiers: { ...DEFAULT_POLICY.tiers, T1: { hours: 8, clock: 'working_time' } } };
    const state = fold(complaint()); // received Monday 09:00 Shanghai
    // 8 working hours from Monday 09:00 end at 18:00 (the lunch hour does not count), not at 17:00.
    expect(dueEscalations(state, policy, CN_2026_CALENDAR, '2026-11-23T09:30:00.000Z')).toEqual([]);
    expect(dueEscalations(state, policy, CN_2026_CALENDAR, '2026-11-23T10:01:00.000Z')).toMatchObject([{ trigger: 'tier_deadline' }]);
  });
});

describe('escalation events', () => {
  it('climbs one tier per limit: T1 24 h → T2 48 h → T3 72 h → T4, then stops', () => {
    let state = fold(complaint());
    state = escalate(state, hours(25));
    expect(state.tier).toBe('T2');
    expect(escalate(state, hours(25 + 47)).tier).toBe('T2');
    state = escalate(state, hours(25 + 49));
    expect(state.tier).toBe('T3');
    state = escalate(state, hours(25 + 49 + 73));
    expect(state.tier).toBe('T4');
    expect(runDueEscalations(state, AROUND_THE_CLOCK, ctxAt(hours(24 * 29)))).toEqual([]);
  });

  it('sends a media + legal complaint to T4 and down both routes, as automatic major_flag escalations', () => {
    const state = escalate(fold(complaint({ flags: ['media', 'legal'] })), hours(1));
    expect(state).toMatchObject({ tier: 'T4', routes: ['pr', 'legal'] });
    const drafts = runDueEscalations(fold(complaint({ flags: ['media', 'legal'] })), AROUND_THE_CLOCK, ctxAt(hours(1)));
    expect(drafts.map((d) => d.payload)).toMatchObject([
      { fromTier: 'T1', toTier: 'T4', route: 'pr', automatic: true, trigger: 'major_flag' },
      { fromTier: 'T4', toTier: 'T4', route: 'legal', automatic: true, trigger: 'major_flag' },
    ]);
  });

  it('records the unresolved_month flag and forces grade 1', () => {
    const state = escalate(fold(complaint({ grade: 4 })), hours(24 * 31));
    expect(state).toMatchObject({ tier: 'T4', grade: 1, flags: ['unresolved_month'] });
  });

  it('is idempotent and never skips a tier without a major flag (property)', () => {
    const step = fc.record({
      hoursLater: fc.double({ min: 0, max: 24 * 40, noNaN: true }),
      action: fc.constantFrom('tick', 'reject', 'pause', 'resume', 'cannot_resolve', 'regrade'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.constantFrom<MajorFlag[]>([], [], ['media']), (steps, flags) => {
        let state = fold(complaint({ flags }));
        let clock = Date.parse(RECEIVED) + 3_600_000;
        for (const { hoursLater, action } of steps) {
          clock += hoursLater * 3_600_000;
          const now = new Date(clock).toISOString();
          const extra = actionEvent(state, action, now);
          if (extra) state = applyEvent(state, extra);
          const before = state;
          state = escalate(state, now);
          const jump = TIERS.indexOf(state.tier) - TIERS.indexOf(before.tier);
          if (state.flags.length === 0) expect(jump).toBeLessThanOrEqual(1);
          // Once appended, the same `now` finds nothing more to do.
          expect(dueEscalations(state, DEFAULT_POLICY, AROUND_THE_CLOCK, now)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

function actionEvent(state: ComplaintState, action: string, at: string): DomainEvent | undefined {
  const next = { id: EventIdSchema.parse(`x-${state.lastSeq + 1}`), complaintId: ID, branch: BRANCH, seq: state.lastSeq + 1, at, actor: STAFF, v: 1 } as const;
  if (action === 'reject') return { ...next, type: 'CustomerResponded', payload: { accepted: false } };
  if (action === 'pause' && state.status !== 'awaiting_customer') return { ...next, type: 'Paused', payload: { reason: '等待顾客回复' } };
  if (action === 'resume' && state.status === 'awaiting_customer') return { ...next, type: 'Resumed', payload: {} };
  if (action === 'cannot_resolve') return { ...next, v: 2, type: 'InvestigationRecorded', payload: { findings: '需总部协调', interviewed: [], cannotResolveAlone: true } };
  if (action === 'regrade') return { ...next, type: 'Assessed', payload: { ...URGENT, flags: [...state.flags], grade: state.flags.length > 0 ? 1 : 2, suggestedGrade: 2 } };
  return undefined;
}
