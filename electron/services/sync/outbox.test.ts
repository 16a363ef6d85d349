import { describe, expect, it } from 'vitest';
import { acknowledge, EMPTY_OUTBOX, nextRange, planAll, reconcile, type Outbox } from './outbox';

const at = (ackedThroughSeq: number, planned: [number, number][] = []): Outbox => ({
  ...EMPTY_OUTBOX,
  ackedThroughSeq,
  planned: planned.map(([fromSeq, toSeq]) => ({ fromSeq, toSeq })),
});

describe('outbox bookkeeping', () => {
  it('plans the next batch right after what is acknowledged, at most 1000 events, and keeps a planned one', () => {
    expect(nextRange(at(0), 0).range).toBeUndefined();
    expect(nextRange(at(0), 2500)).toEqual({ outbox: at(0, [[1, 1000]]), range: { fromSeq: 1, toSeq: 1000 } });
    expect(nextRange(at(1000), 1200).range).toEqual({ fromSeq: 1001, toSeq: 1200 });
    // Once planned, a batch keeps its range although more events arrived since.
    expect(nextRange(at(0, [[1, 300]]), 5000).range).toEqual({ fromSeq: 1, toSeq: 300 });
  });

  it('plans every pending event for a USB export, after the batches already planned', () => {
    expect(planAll(at(0, [[1, 300]]), 2500).planned).toEqual([
      { fromSeq: 1, toSeq: 300 },
      { fromSeq: 301, toSeq: 1300 },
      { fromSeq: 1301, toSeq: 2300 },
      { fromSeq: 2301, toSeq: 2500 },
    ]);
    expect(planAll(at(2500), 2500).planned).toEqual([]);
  });

  it('follows what head office holds: acknowledged batches go, a batch no longer starting right after it is planned again', () => {
    expect(reconcile(at(0, [[1, 1000], [1001, 2000]]), 1000)).toEqual(at(1000, [[1001, 2000]]));
    expect(reconcile(at(0, [[1, 1000], [1001, 2000]]), 500)).toEqual(at(500));
    // Head office restored from an older backup: it holds less than it acknowledged, so those events go again.
    expect(reconcile(at(1500, [[1501, 1700]]), 700)).toEqual(at(700));
  });

  it('an acknowledgement file only ever moves forward', () => {
    expect(acknowledge(at(1000), 300)).toEqual(at(1000));
    expect(acknowledge(at(1000, [[1001, 2000]]), 2000)).toEqual(at(2000));
  });
});
