import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BranchCode } from '../../../shared/brand';
import { createArrivalWatch, type ArrivalWatch } from '../../store/arrivals';
import type { DeskDb } from '../../store/db';
import { highestLocalSeq } from '../../store/import-events';

/** How long a card moved by an automatic escalation stands out. */
export const ARRIVAL_HIGHLIGHT_MS = 4_000;

/**
 * This window's watch per open database (module state: kept while the person moves between screens; a new
 * sign-in opens the database anew and starts a watch at the person's mark, like a reload).
 */
const watches = new WeakMap<DeskDb, ArrivalWatch>();

/**
 * The complaints an automatic escalation (the system actor) moved since this window's board last looked, each
 * with the instant its highlight ends — once per escalation per window, however often the log is caught up.
 */
export function useArrivals(db: DeskDb, branch: BranchCode): ReadonlyMap<string, number> {
  const [arrivals, setArrivals] = useState<ReadonlyMap<string, number>>(new Map());
  const head = useLiveQuery(() => highestLocalSeq(db), [db]);

  useEffect(() => {
    if (head === undefined) return;
    let watch = watches.get(db);
    if (!watch) watches.set(db, (watch = createArrivalWatch(db, branch)));
    watch
      .look()
      .then((events) => {
        if (events.length === 0) return;
        const until = Date.now() + ARRIVAL_HIGHLIGHT_MS;
        setArrivals((before) => new Map([...before, ...events.map((event) => [event.complaintId, until] as const)]));
      })
      .catch((error: unknown) => console.error('Escalations could not be read', error));
  }, [db, branch, head]);

  // Each highlight goes when its time is up.
  useEffect(() => {
    if (arrivals.size === 0) return;
    const soonest = Math.min(...arrivals.values());
    const timer = setTimeout(() => {
      const now = Date.now();
      setArrivals((before) => new Map([...before].filter(([, until]) => until > now)));
    }, Math.max(0, soonest - Date.now()));
    return () => clearTimeout(timer);
  }, [arrivals]);

  return arrivals;
}
