/**
 * The KPI facts a screen needs, read a month at a time (UTC calendar months of `receivedAt`, one key range of
 * the facts' index each) and kept while some screen holds them. A dashboard period is then the few months it
 * spans, not the whole table: at 100 000 complaints a month is a twelfth of the read. A period change reads
 * only the months it did not hold yet, and a step re-reads only the month of the complaint it changed (each
 * month is its own live query, which Dexie wakes only for writes in its range).
 */
import { liveQuery, type Subscription } from 'dexie';
import type { KpiFacts } from '../../shared/kpi/facts';
import type { DeskDb } from './db';
import { loadKpiFactsBetween } from './queries';

/** Instants `[from, to)`, ISO with ms and Z (the spelling of `receivedAt`). */
export interface InstantRange {
  readonly from: string;
  readonly to: string;
}

/** The instant a month (key `YYYY-MM`, UTC) begins. */
const monthStart = (key: string): string => `${key}-01T00:00:00.000Z`;

function monthAfter(key: string): string {
  const date = new Date(monthStart(key));
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 7);
}

function monthBefore(key: string): string {
  const date = new Date(monthStart(key));
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 7);
}

/** The facts of the complaints received in a month, oldest first. */
export const loadKpiFactsOfMonth = (db: DeskDb, key: string): Promise<KpiFacts[]> => loadKpiFactsBetween(db, monthStart(key), monthStart(monthAfter(key)));

/** The UTC months that overlap any of the ranges, oldest first, each once. */
export function monthsCovering(ranges: readonly InstantRange[]): string[] {
  const keys = new Set<string>();
  for (const { from, to } of ranges) {
    if (to <= from) continue;
    const last = new Date(Date.parse(to) - 1).toISOString().slice(0, 7);
    for (let key = from.slice(0, 7); key <= last; key = monthAfter(key)) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * The month before each range's first, those not already among `needed`: read ahead once a period is shown,
 * so "previous period" finds its rows in memory (for either comparison: the one before and a year earlier).
 */
export function monthsAhead(ranges: readonly InstantRange[], needed: readonly string[]): string[] {
  const ahead = new Set(ranges.filter((range) => range.from < range.to).map((range) => monthBefore(range.from.slice(0, 7))));
  return [...ahead].filter((key) => !needed.includes(key)).sort();
}

interface Month {
  facts?: KpiFacts[];
  error?: unknown;
  holders: number;
  readonly subscription: Subscription;
}

/** The months of one database held by its screens; `version` moves whenever a held month is (re-)read. */
export class KpiFactMonths {
  private readonly months = new Map<string, Month>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** The last answer of `factsOf`, kept while its months' rows are the same arrays (so figures are not recomputed). */
  private joined: { parts: readonly KpiFacts[][]; facts: KpiFacts[] } | undefined;

  constructor(private readonly db: DeskDb) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  hold(keys: readonly string[]): void {
    for (const key of keys) {
      const held = this.months.get(key);
      if (held) {
        held.holders += 1;
        continue;
      }
      const month: Month = {
        holders: 1,
        subscription: liveQuery(() => loadKpiFactsOfMonth(this.db, key)).subscribe({
          next: (facts) => this.changed(() => (month.facts = facts)),
          error: (error: unknown) => this.changed(() => (month.error = error)),
        }),
      };
      this.months.set(key, month);
    }
  }

  /** Lets go of months held before; one nobody holds any more stops being watched and is forgotten. */
  release(keys: readonly string[]): void {
    for (const key of keys) {
      const month = this.months.get(key);
      if (!month) continue;
      month.holders -= 1;
      if (month.holders > 0) continue;
      month.subscription.unsubscribe();
      this.months.delete(key);
    }
  }

  /** Every month of `keys` read (and none failed). Throws a failed read's error, for the screen's error boundary. */
  allRead(keys: readonly string[]): boolean {
    return keys.every((key) => {
      const month = this.months.get(key);
      if (month?.error !== undefined) throw month.error;
      return month?.facts !== undefined;
    });
  }

  /** The facts of the months `keys` (oldest first), sorted by `receivedMs`; undefined until all are read. */
  factsOf(keys: readonly string[]): KpiFacts[] | undefined {
    if (!this.allRead(keys)) return undefined;
    const parts = keys.map((key) => this.months.get(key)?.facts ?? []);
    const last = this.joined;
    if (last && last.parts.length === parts.length && last.parts.every((part, index) => part === parts[index])) return last.facts;
    // Each month comes in index order and the months are in order: joined, they are sorted.
    const facts = parts.flat();
    this.joined = { parts, facts };
    return facts;
  }

  private changed(apply: () => void): void {
    apply();
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

const byDb = new WeakMap<DeskDb, KpiFactMonths>();

/** The one month cache of a database (screens of the same window share what they hold). */
export function kpiFactMonthsOf(db: DeskDb): KpiFactMonths {
  let months = byDb.get(db);
  if (!months) {
    months = new KpiFactMonths(db);
    byDb.set(db, months);
  }
  return months;
}
