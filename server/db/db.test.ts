import { describe, expect, it } from 'vitest';
import { openBackend } from '../../tests/server/harness';
import { openPglite } from './db';

describe('embedded database folder', () => {
  it('is used by one head office at a time: a second one (an import while the server runs) is refused with what to do', async () => {
    const backends = await openBackend('pglite');
    try {
      const { dataDir } = await backends.fresh();
      const first = await openPglite(dataDir);
      await expect(openPglite(dataDir)).rejects.toThrow(/already using .*Stop it first, or upload batch files/);
      await first.close();
      const again = await openPglite(dataDir);
      expect(await again.query('select 1 as one')).toEqual([{ one: 1 }]);
      await again.close();
    } finally {
      await backends.stop();
    }
  }, 120_000);
});
