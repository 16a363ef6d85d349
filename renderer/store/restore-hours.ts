/**
 * The search docs and KPI facts a restore has projected but not written yet, by the hour they are stored under
 * (hour-buckets.ts). An hour is written once none of its complaints is still being folded, with the rows the
 * restore holds back (restore-import.ts): the hours closed by then with the first transaction of rows, the rest with
 * the last — and the docs are let go as they are written.
 *
 * An hour written too early (a complaint received in it is registered later in the journal, or a step reopens
 * one of its complaints) is still right: hours are written by merging into the stored row, item by item.
 */
import type { ComplaintId } from '../../shared/brand';
import { hourOf } from './hour-buckets';
import type { KpiFactsRow, SearchDoc } from './records';

export interface HourItems {
  readonly docs: SearchDoc[];
  readonly facts: KpiFactsRow[];
}

export class PendingHours {
  /** Per hour, how many of its complaints are being folded (their rows not written). */
  private readonly open = new Map<string, number>();
  /** Per hour, the latest doc and facts of each complaint projected since the hour was last written. */
  private readonly waiting = new Map<string, Map<ComplaintId, { doc: SearchDoc; facts: KpiFactsRow }>>();
  /** Hours whose complaints are all projected, ready to be written. */
  private readonly closed = new Set<string>();

  /** A complaint received at `receivedAt` is folded again (or for the first time): its hour waits for it. */
  opened(receivedAt: string): void {
    const hour = hourOf(receivedAt);
    this.open.set(hour, (this.open.get(hour) ?? 0) + 1);
    this.closed.delete(hour);
  }

  /** A complaint's row is written: its doc and facts wait for the rest of its hour. */
  projected(doc: SearchDoc, facts: KpiFactsRow): void {
    const hour = hourOf(doc.receivedAt);
    const items = this.waiting.get(hour) ?? new Map<ComplaintId, { doc: SearchDoc; facts: KpiFactsRow }>();
    items.set(doc.id, { doc, facts });
    this.waiting.set(hour, items);
    const open = (this.open.get(hour) ?? 0) - 1;
    if (open > 0) return void this.open.set(hour, open);
    this.open.delete(hour);
    this.closed.add(hour);
  }

  /** The items of the hours none of whose complaints is folded any more (`all`: of every hour), taken out. */
  take(all = false): HourItems {
    const hours = all ? [...this.waiting.keys()] : [...this.closed];
    const taken: HourItems = { docs: [], facts: [] };
    for (const hour of hours) {
      for (const { doc, facts } of this.waiting.get(hour)?.values() ?? []) {
        taken.docs.push(doc);
        taken.facts.push(facts);
      }
      this.waiting.delete(hour);
    }
    this.closed.clear();
    return taken;
  }
}
