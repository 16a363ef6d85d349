import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintId } from '../../shared/brand';
import type { KpiFacts } from '../../shared/kpi/facts';
import { rangeOf } from '../../shared/kpi/period';
import { dayNumberOf } from '../../shared/calendar/dates';
import { KpiFactMonths, monthsAhead, monthsCovering } from './kpi-fact-months';
import { openTestDesk, walkIn, type TestDesk } from '../../tests/unit/store/desk';

const SHANGHAI = 'Asia/Shanghai';

describe('the months a period spans', () => {
  it('are the UTC months its instants overlap: a Shanghai month begins at 16:00 on the last day of the month before', () => {
    const november = rangeOf(dayNumberOf('2026-11-01') ?? NaN, dayNumberOf('2026-12-01') ?? NaN, SHANGHAI);
    expect(november).toMatchObject({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(monthsCovering([november])).toEqual(['2026-10', '2026-11']);
  });

  it('are listed once each, oldest first, whatever the order of the ranges; an empty range spans none', () => {
    const year = { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
    const december = { from: '2025-11-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' };
    expect(monthsCovering([year, december])).toEqual(['2025-11', '2025-12', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)]);
    expect(monthsCovering([{ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }])).toEqual([]);
    expect(monthsCovering([{ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }])).toEqual(['2026-03']);
  });

  it('are read ahead by one before each range, so the period before is in memory when it is chosen', () => {
    const november = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
    const october = { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' };
    const novemberLastYear = { from: '2025-10-31T16:00:00.000Z', to: '2025-11-30T16:00:00.000Z' };
    expect(monthsAhead([october, november], monthsCovering([october, november]))).toEqual(['2026-08']);
    expect(monthsAhead([novemberLastYear, november], monthsCovering([novemberLastYear, november]))).toEqual(['2025-09', '2026-09']);
    // The months "previous month" needs next are then all held: the current side and the year-earlier side alike.
    const held = [...monthsCovering([novemberLastYear, november]), '2025-09', '2026-09'];
    expect(monthsCovering([{ from: '2025-09-30T16:00:00.000Z', to: '2025-10-31T16:00:00.000Z' }, october]).every((key) => held.includes(key))).toBe(true);
  });
});

describe('KPI facts held by month', () => {
  let d: TestDesk;
  const id: Record<string, ComplaintId> = {};

  beforeAll(async () => {
    d = await openTestDesk({ now: '2026-11-23T02:00:00.000Z' });
    for (const [key, receivedAt] of [
      ['september', '2026-09-15T02:00:00.000Z'],
      ['october', '2026-10-20T02:00:00.000Z'],
      ['lateOctober', '2026-10-31T17:00:00.000Z'],
      ['november', '2026-11-23T01:00:00.000Z'],
    ] as const) {
      const registered = await d.store.register(walkIn({ receivedAt }));
      if (!registered.ok) throw new Error(registered.error.message);
      id[key] = registered.value.id;
    }
  });
  afterAll(async () => {
    d.db.close();
    await d.main.close();
  });

  /** Resolves with the months' facts once they are read and `ready` holds of them. */
  const whenRead = (months: KpiFactMonths, keys: readonly string[], ready: (facts: KpiFacts[]) => boolean = () => true) =>
    new Promise<KpiFacts[]>((resolve) => {
      const check = () => {
        const facts = months.factsOf(keys);
        if (!facts || !ready(facts)) return;
        stop();
        resolve(facts);
      };
      const stop = months.subscribe(check);
      check();
    });

  it('reads only the months held, oldest received first, and follows a step in one of them', async () => {
    const months = new KpiFactMonths(d.db);
    const keys = ['2026-10', '2026-11'];
    expect(months.factsOf(keys)).toBeUndefined();
    months.hold(keys);
    const facts = await whenRead(months, keys);
    expect(facts.map((fact) => fact.id)).toEqual([id.october, id.lateOctober, id.november]);
    expect(months.factsOf(keys)).toBe(facts);

    const acknowledged = await d.store.perform(id.november as ComplaintId, 'acknowledge', {});
    expect(acknowledged.ok).toBe(true);
    const after = await whenRead(months, keys, (rows) => rows.some((fact) => fact.acknowledgedAt !== undefined));
    expect(after.find((fact) => fact.id === id.november)).toMatchObject({ acknowledgedAt: '2026-11-23T02:00:00.000Z', response: { verdict: 'met' } });
    expect(after.map((fact) => fact.id)).toEqual([id.october, id.lateOctober, id.november]);

    months.release(keys);
    expect(months.factsOf(keys)).toBeUndefined();
  });

  it('keeps a month as long as one holder still holds it', async () => {
    const months = new KpiFactMonths(d.db);
    months.hold(['2026-09', '2026-10']);
    months.hold(['2026-10']);
    await whenRead(months, ['2026-09', '2026-10']);
    months.release(['2026-09', '2026-10']);
    expect(months.factsOf(['2026-09'])).toBeUndefined();
    expect(months.factsOf(['2026-10'])?.map((fact) => fact.id)).toEqual([id.october, id.lateOctober]);
    months.release(['2026-10']);
    expect(months.factsOf(['2026-10'])).toBeUndefined();
  });
});
