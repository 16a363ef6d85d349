import { describe, expect, it } from 'vitest';
import type { ComplaintId, BranchCode, UserId } from '../../../shared/brand';
import type { ComplaintRecord } from '../../store/records';
import { buildBoard, moveRefusal, moveTarget, neighbour, NO_FILTERS, type BoardFilters, type Viewer } from './boardModel';
import { defaultFilters, filtersKey, loadFilters, saveFilters } from './boardFilters';

const NOW = '2026-11-23T10:00:00.000Z';

function row(number: string, over: Partial<ComplaintRecord> = {}): ComplaintRecord {
  return {
    id: `c-${number}` as ComplaintId,
    number,
    branch: 'SH01' as BranchCode,
    receivedAt: '2026-11-23T01:00:00.000Z',
    channel: 'walk_in',
    category: 'product_quality',
    grade: 3,
    status: 'acknowledged',
    tier: 'T1',
    flags: [],
    eventBlocks: [],
    routes: [],
    tierSince: '2026-11-23T01:00:00.000Z',
    assignee: 'u-staff' as UserId,
    customerName: '张伟',
    phoneMasked: '138****5678',
    paused: 0,
    terminal: 0,
    updatedAt: '2026-11-23T01:00:00.000Z',
    lastSeq: 1,
    ...over,
  };
}

const viewer: Viewer = { userId: 'u-staff', wordsOf: (record) => record.customerName.toLowerCase() };
const numbers = (filters: BoardFilters, records: ComplaintRecord[]) =>
  Object.fromEntries(buildBoard(records, NOW, filters, viewer).map((column) => [column.key, column.cards.map((card) => card.record.number)]));

describe('the escalation board', () => {
  const due = (at: string, soon: string) => ({ nextDeadlineAt: at, dueSoonAt: soon });
  const records = [
    row('on-time-g3', due('2026-11-24T10:00:00.000Z', '2026-11-24T04:00:00.000Z')),
    row('on-time-g1', { grade: 1, ...due('2026-11-25T10:00:00.000Z', '2026-11-25T04:00:00.000Z') }),
    row('overdue-1h', due('2026-11-23T09:00:00.000Z', '2026-11-23T08:00:00.000Z')),
    row('overdue-5h', { grade: 4, ...due('2026-11-23T05:00:00.000Z', '2026-11-23T04:00:00.000Z') }),
    row('soon-2h', due('2026-11-23T12:00:00.000Z', '2026-11-23T09:00:00.000Z')),
    row('soon-30m', { grade: 4, ...due('2026-11-23T10:30:00.000Z', '2026-11-23T09:00:00.000Z') }),
    row('paused', { paused: 1 }),
    row('closed', { terminal: 1, ...due('2026-11-23T05:00:00.000Z', '2026-11-23T04:00:00.000Z') }),
    row('t2', { tier: 'T2', assignee: 'u-super' as UserId }),
  ];

  it('sorts each tier most urgent first: overdue by overrun, due soon by time left, then grade; closed rows never show', () => {
    expect(numbers(NO_FILTERS, records)).toEqual({
      T1: ['overdue-5h', 'overdue-1h', 'soon-30m', 'soon-2h', 'on-time-g1', 'on-time-g3', 'paused'],
      T2: ['t2'],
      T3: [],
      T4: [],
    });
  });

  it('counts every column and its overdue cards', () => {
    const t1 = buildBoard(records, NOW, NO_FILTERS, viewer)[0];
    expect([t1?.cards.length, t1?.overdue]).toEqual([7, 2]);
  });

  it('turns a card due soon, then overdue, as "now" moves', () => {
    const card = [row('x', due('2026-11-23T12:00:00.000Z', '2026-11-23T11:00:00.000Z'))];
    const clock = (now: string) => buildBoard(card, now, NO_FILTERS, viewer)[0]?.cards[0]?.clock;
    expect([clock('2026-11-23T10:59:00.000Z'), clock('2026-11-23T11:00:00.000Z'), clock('2026-11-23T12:00:01.000Z')]).toEqual(['on_time', 'due_soon', 'overdue']);
  });

  it('shows a legal or PR lane only while an open complaint is routed there, the card also in its tier', () => {
    const routed = [row('legal', { tier: 'T4', routes: ['legal'] }), row('closed-pr', { terminal: 1, routes: ['pr'] })];
    expect(numbers(NO_FILTERS, routed)).toEqual({ T1: [], T2: [], T3: [], T4: ['legal'], legal: ['legal'] });
    // A row stored before schema v5 has no routes: it is simply on none.
    const { routes: _r, ...old } = row('old');
    expect(Object.keys(numbers(NO_FILTERS, [old]))).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('filters by grade, mine, assignee, urgency and free text', () => {
    const only = (filters: Partial<BoardFilters>) => Object.values(numbers({ ...NO_FILTERS, ...filters }, records)).flat();
    expect(only({ grades: [1] })).toEqual(['on-time-g1']);
    expect(only({ mine: true })).not.toContain('t2');
    expect(only({ assignee: 'u-super' })).toEqual(['t2']);
    expect(only({ overdue: true })).toEqual(['overdue-5h', 'overdue-1h']);
    expect(only({ overdue: true, dueSoon: true })).toEqual(['overdue-5h', 'overdue-1h', 'soon-30m', 'soon-2h']);
    expect(only({ text: 'SOON-30' })).toEqual(['soon-30m']);
    expect(only({ text: '张伟', grades: [4] })).toEqual(['overdue-5h', 'soon-30m']);
  });

  it('turns a drop into the escalate input, nothing for its own column', () => {
    expect(moveTarget({ tier: 'T1', routes: [] }, 'T2')).toEqual({ toTier: 'T2' });
    expect(moveTarget({ tier: 'T2', routes: [] }, 'T1')).toEqual({ toTier: 'T1' }); // the command refuses it
    expect(moveTarget({ tier: 'T1', routes: [] }, 'T1')).toBeUndefined();
    expect(moveTarget({ tier: 'T4', routes: ['legal'] }, 'legal')).toBeUndefined();
    expect(moveTarget({ tier: 'T4', routes: ['legal'] }, 'pr')).toEqual({ route: 'pr' });
    expect(neighbour(['T1', 'T2', 'T3', 'T4'], 'T1', 1)).toBe('T2');
    expect(neighbour(['T1', 'T2', 'T3', 'T4'], 'T1', -1)).toBeUndefined();
  });

  it('refuses a move down before asking for a reason, and passes on the command gate’s refusal', () => {
    expect(moveRefusal({ tier: 'T2' }, 'T1', undefined)).toMatchObject({ code: 'not_higher_tier' });
    expect(moveRefusal({ tier: 'T2' }, 'T3', undefined)).toBeUndefined();
    expect(moveRefusal({ tier: 'T4' }, 'legal', undefined)).toBeUndefined();
    const gate = { code: 'not_assignee' as const, message: 'assigned to someone else' };
    expect(moveRefusal({ tier: 'T1' }, 'T2', gate)).toBe(gate);
  });
});

describe('remembered filters', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
  };

  it('start on "Mine" for staff and on everything for a supervisor', () => {
    const storage = memory();
    expect(loadFilters(storage, 'u-staff', 'staff').mine).toBe(true);
    expect(loadFilters(storage, 'u-super', 'supervisor')).toEqual(defaultFilters('supervisor'));
  });

  it('are kept per user and survive hostile stored values', () => {
    const storage = memory();
    saveFilters(storage, 'u-a', { ...NO_FILTERS, grades: [1, 2], overdue: true });
    expect(loadFilters(storage, 'u-a', 'staff')).toMatchObject({ grades: [1, 2], overdue: true, mine: false });
    expect(loadFilters(storage, 'u-b', 'staff').grades).toEqual([]);
    storage.items.set(filtersKey('u-c'), '{"grades":[9,"x"],"mine":"yes","text":42}');
    expect(loadFilters(storage, 'u-c', 'staff')).toMatchObject({ grades: [], mine: false, text: '' });
    storage.items.set(filtersKey('u-d'), 'not json');
    expect(loadFilters(storage, 'u-d', 'staff').mine).toBe(true);
  });
});
