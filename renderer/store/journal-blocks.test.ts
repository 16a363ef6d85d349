import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvents, EVENTS_PER_BLOCK, heldEventCount, holdsExactly } from './journal-blocks';
import { storedEvents, testDesks, walkIn } from '../../tests/unit/store/desk';

const desk = testDesks();

describe('holdsExactly', () => {
  it('answers whether the copy holds that many events, full last block or not, and sees one more appended', async () => {
    const writer = await desk();
    expect((await writer.store.register(walkIn())).ok).toBe(true);
    const [event] = await storedEvents(writer.db);
    if (!event) throw new Error('setup');
    const reader = await desk();
    const { db } = reader;
    expect(await holdsExactly(db, 0)).toBe(true);
    expect(await holdsExactly(db, EVENTS_PER_BLOCK)).toBe(false);
    await db.transaction('rw', db.journalBlocks, () => appendEvents(db, Array.from({ length: EVENTS_PER_BLOCK }, () => event)));
    const full = await Promise.all([0, EVENTS_PER_BLOCK - 1, EVENTS_PER_BLOCK, EVENTS_PER_BLOCK + 1].map((count) => holdsExactly(db, count)));
    expect(full).toEqual([false, false, true, false]);
    await db.transaction('rw', db.journalBlocks, () => appendEvents(db, [event]));
    expect(await heldEventCount(db)).toBe(EVENTS_PER_BLOCK + 1);
    expect([await holdsExactly(db, EVENTS_PER_BLOCK), await holdsExactly(db, EVENTS_PER_BLOCK + 1)]).toEqual([false, true]);
  });
});
