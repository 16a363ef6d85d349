/**
 * The stored-data fixtures (STYLE §8): tests/fixtures/events/<Type>.v<N>.json, one event line as the app wrote it
 * at that payload version, and tests/fixtures/dexie/v<N>.json, what a desk's IndexedDB held at schema version N.
 * Both are written by hand to be what that version stored, and never regenerated from today's code: they stand
 * for data already on people's disks. This module only reads them (and writes a Dexie fixture into a database
 * of its own schema version); the tests are renderer/store/db.test.ts and tests/unit/fixtures/events.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dexie } from 'dexie';
import { z } from 'zod';

const DEXIE_DIR = fileURLToPath(new URL('../../fixtures/dexie/', import.meta.url));

const RowSchema = z.record(z.string(), z.unknown());

const DexieFixtureSchema = z.strictObject({
  schemaVersion: z.int().min(1),
  /** What the desk was doing when it was last closed, and what that version did not have yet. */
  note: z.array(z.string()).min(1),
  /** Table name → its rows, exactly as that version stored them. */
  tables: z.record(z.string(), z.array(RowSchema)),
});
export type DexieFixture = z.infer<typeof DexieFixtureSchema>;

/** Schema versions that have a fixture, from the file names (`v3.json` → 3), ascending. */
export function dexieFixtureVersions(): number[] {
  return readdirSync(DEXIE_DIR)
    .map((file) => /^v(\d+)\.json$/.exec(file)?.[1])
    .filter((version): version is string => version !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function readDexieFixture(version: number): DexieFixture {
  const fixture = DexieFixtureSchema.parse(JSON.parse(readFileSync(`${DEXIE_DIR}v${version}.json`, 'utf8')));
  if (fixture.schemaVersion !== version) throw new Error(`v${version}.json says it is schema v${fixture.schemaVersion}`);
  return fixture;
}

/** The rows of one table of a fixture (none when that version had no such table). */
export const rowsOf = (fixture: DexieFixture, table: string): Record<string, unknown>[] => fixture.tables[table] ?? [];

/**
 * Creates database `name` at the fixture's schema version, declared with `stores` (that version's SCHEMA_V<N>),
 * holding exactly the fixture's rows; closed again, ready for today's openDeskDb to upgrade.
 */
export async function writeDexieFixture(name: string, fixture: DexieFixture, stores: Readonly<Record<string, string>>): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.schemaVersion).stores(stores);
  await old.open();
  const unknown = Object.keys(fixture.tables).filter((table) => !(table in stores));
  if (unknown.length > 0) throw new Error(`schema v${fixture.schemaVersion} has no table ${unknown.join(', ')}`);
  await old.transaction('rw', Object.keys(fixture.tables), async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}
