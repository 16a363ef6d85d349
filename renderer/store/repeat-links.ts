/**
 * Repeat complaints by customer in head office's copy (shared/kpi/repeats.ts, the rule `GET /api/v1/kpis` counts
 * by): a complaint's KPI facts count it as a repeat when an earlier complaint, at any branch, shares one of its
 * customer keys. Every write of facts starts from the complaint's own repeat (`ownRepeat`); the linking here then
 * runs in the same transaction — over every complaint after a rebuild, and after an import only over the
 * complaints that share a key with those written (they may have arrived late, earlier than ones held, or lost
 * their keys to anonymisation), found through the `*customerKeys` index.
 */
import { contactOfFacts, withCustomerRepeats, type KpiFacts } from '../../shared/kpi/facts';
import { isRepeatAmong } from '../../shared/kpi/repeats';
import { allKpiFacts, factsHolding, putKpiFacts, type KpiHourTable } from './kpi-hours';
import type { KpiFactsRow } from './records';

/** Every complaint's `repeat` by the rule over them all (after the facts were rebuilt from the log). */
export async function linkAllRepeats(facts: KpiHourTable): Promise<void> {
  const all = await allKpiFacts(facts);
  const linked = withCustomerRepeats(all);
  const changed = linked.filter((fact, i) => fact !== all[i]);
  await putKpiFacts(facts, changed);
}

/**
 * `repeat` again for the complaints whose facts were just written (`written`, with the keys their facts had
 * before, `keysBefore`) and every complaint sharing a key with them. A complaint's verdict needs every complaint
 * sharing any of its own keys, so those are read too (two steps through the index).
 */
export async function linkRepeatsAround(facts: KpiHourTable, written: readonly KpiFacts[], keysBefore: Iterable<string>): Promise<void> {
  const keys = new Set(keysBefore);
  for (const fact of written) for (const key of fact.customerKeys) keys.add(key);
  const affected = await factsHolding(facts, keys);
  const theirKeys = new Set<string>();
  for (const fact of affected.values()) for (const key of fact.customerKeys) theirKeys.add(key);
  const neighbours = [...(await factsHolding(facts, theirKeys)).values()].map(contactOfFacts);
  const changed: KpiFactsRow[] = [];
  for (const fact of affected.values()) {
    const repeat = fact.ownRepeat || isRepeatAmong(contactOfFacts(fact), neighbours);
    if (repeat !== fact.repeat) changed.push({ ...fact, repeat });
  }
  await putKpiFacts(facts, changed);
}
