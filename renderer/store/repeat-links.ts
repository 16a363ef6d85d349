/**
 * Repeat complaints by customer in head office's copy (shared/kpi/repeats.ts, the rule `GET /api/v1/kpis` counts
 * by): a complaint's KPI facts count it as a repeat when an earlier complaint, at any branch, shares one of its
 * customer keys. Every write of facts starts from the complaint's own repeat (`ownRepeat`); the linking here then
 * runs in the same transaction — over every complaint after a rebuild, and after an import only over the
 * complaints that share a key with those written (they may have arrived late, earlier than ones held, or lost
 * their keys to anonymisation), found through the `*customerKeys` index.
 */
import type { EntityTable } from 'dexie';
import { contactOfFacts, withCustomerRepeats, type KpiFacts } from '../../shared/kpi/facts';
import { isRepeatAmong } from '../../shared/kpi/repeats';

type FactsTable = EntityTable<KpiFacts, 'id'>;

/** Every complaint's `repeat` by the rule over them all (after the facts were rebuilt from the log). */
export async function linkAllRepeats(facts: FactsTable): Promise<void> {
  const all = await facts.toArray();
  const linked = withCustomerRepeats(all);
  const changed = linked.filter((fact, i) => fact !== all[i]);
  if (changed.length > 0) await facts.bulkPut(changed);
}

/** The facts holding any of `keys`, by id. */
async function holding(facts: FactsTable, keys: ReadonlySet<string>): Promise<Map<string, KpiFacts>> {
  if (keys.size === 0) return new Map();
  const found = await facts.where('customerKeys').anyOf([...keys]).toArray();
  return new Map(found.map((fact) => [fact.id, fact]));
}

/**
 * `repeat` again for the complaints whose facts were just written (`written`, with the keys their facts had
 * before, `keysBefore`) and every complaint sharing a key with them. A complaint's verdict needs every complaint
 * sharing any of its own keys, so those are read too (two steps through the index).
 */
export async function linkRepeatsAround(facts: FactsTable, written: readonly KpiFacts[], keysBefore: Iterable<string>): Promise<void> {
  const keys = new Set(keysBefore);
  for (const fact of written) for (const key of fact.customerKeys) keys.add(key);
  const affected = await holding(facts, keys);
  const theirKeys = new Set<string>();
  for (const fact of affected.values()) for (const key of fact.customerKeys) theirKeys.add(key);
  const neighbours = [...(await holding(facts, theirKeys)).values()].map(contactOfFacts);
  const changed: KpiFacts[] = [];
  for (const fact of affected.values()) {
    const repeat = fact.ownRepeat || isRepeatAmong(contactOfFacts(fact), neighbours);
    if (repeat !== fact.repeat) changed.push({ ...fact, repeat });
  }
  if (changed.length > 0) await facts.bulkPut(changed);
}
