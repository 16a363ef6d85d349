/**
 * What the fault tests that need a real head office share: one head office (on PGlite) per describe block,
 * started before its tests and closed after them, and the unwrapping of an answer that must be ok.
 */
import { afterAll, beforeAll } from 'vitest';
import { openBackend, startTestHeadOffice, type Backends, type TestHeadOffice } from '../server/harness';

/** A walk-in registration (without its receivedAt) for the branch desks of these tests. */
export const WALK_IN = {
  channel: 'walk_in',
  category: 'service_attitude',
  nature: 'people',
  complainant: { name: '王芳' },
  description: '收银员态度恶劣',
  requests: ['apology'],
};

/** Starts a head office for the enclosing describe block (then runs `prepare` on it); the returned function gives it. */
export function headOfficeForSuite(prepare?: (office: TestHeadOffice) => Promise<void>): () => TestHeadOffice {
  let backends: Backends | undefined;
  let office: TestHeadOffice | undefined;
  beforeAll(async () => {
    backends = await openBackend('pglite');
    office = await startTestHeadOffice(await backends.fresh());
    await prepare?.(office);
  }, 120_000);
  // Closing the server and its database can take longer than vitest's 10 s hook limit on a busy machine.
  afterAll(async () => {
    await office?.close();
    await backends?.stop();
  }, 60_000);
  return () => {
    if (!office) throw new Error('the head office did not start');
    return office;
  };
}

/** The value of an answer the test expects to be ok (its message otherwise). */
export function valueOf<T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok: ${result.error?.message ?? ''}`);
  return result.value as T;
}
