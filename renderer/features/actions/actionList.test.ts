import { describe, expect, it } from 'vitest';
import { ComplaintIdSchema } from '../../../shared/brand';
import type { CorrectiveActionFact, KpiFacts } from '../../../shared/kpi/facts';
import { actionRows, filterRows, ownersOf } from './actionList';

const action = (id: string, owner: string, dueDate: string, closedAt?: string): CorrectiveActionFact => ({
  id,
  owner,
  dueDate,
  description: `整改 ${id}`,
  openedAt: '2026-11-01T02:00:00.000Z',
  ...(closedAt ? { closedAt, outcome: '已完成' } : {}),
});

function complaint(n: number, actions: CorrectiveActionFact[], voided = false): KpiFacts {
  return {
    id: ComplaintIdSchema.parse(`c-${n}`),
    number: `SH01-20261101-000${n}`,
    receivedAt: '2026-11-01T02:00:00.000Z',
    receivedMs: Date.parse('2026-11-01T02:00:00.000Z'),
    voided,
    status: 'resolved',
    terminal: false,
    grade: 3,
    channel: 'phone',
    category: 'service_attitude',
    subCategory: '',
    department: '收银部',
    person: 'u-li',
    rootCause: '',
    flags: [],
    response: { verdict: 'met' },
    resolution: { verdict: 'met' },
    resolvable: true,
    resolved: true,
    ownRepeat: false,
    customerKeys: [],
    repeat: false,
    correctiveActions: actions,
  };
}

const facts = [
  complaint(1, [action('a', '收银部主管', '2026-11-20'), action('b', '客服中心主管', '2026-12-05', '2026-11-28T03:00:00.000Z')]),
  complaint(2, [action('c', '客服中心主管', '2026-11-10'), action('d', '收银部主管', '2026-12-01')]),
  complaint(3, [action('e', '收银部主管', '2026-11-01')], true),
];

describe('the corrective-action list', () => {
  const rows = actionRows(facts, '2026-12-01');

  it('puts the overdue first (longest overdue first), then those in progress by due day, then the done ones; a voided record’s are left out', () => {
    expect(rows.map((row) => [row.action.id, row.status])).toEqual([
      ['c', 'overdue'],
      ['a', 'overdue'],
      ['d', 'open'],
      ['b', 'closed'],
    ]);
    // Due today is not overdue yet.
    expect(rows.find((row) => row.action.id === 'd')).toMatchObject({ status: 'open', complaintNumber: 'SH01-20261101-0002' });
  });

  it('filters by owner and by status together', () => {
    expect(filterRows(rows, { owner: '收银部主管', status: '' }).map((row) => row.action.id)).toEqual(['a', 'd']);
    expect(filterRows(rows, { owner: '收银部主管', status: 'overdue' }).map((row) => row.action.id)).toEqual(['a']);
    expect(filterRows(rows, { owner: '', status: 'closed' }).map((row) => row.action.id)).toEqual(['b']);
    expect(ownersOf(rows, 'zh-CN')).toHaveLength(2);
  });
});
