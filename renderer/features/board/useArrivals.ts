import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BranchCode } from '../../../shared/brand';
import type { DeskDb } from '../../store/db';
import { highestLocalSeq } from '../../store/import-events';
import { escalationMark, loadSystemEscalations, raiseEscalationMark } from '../../store/notices';

/** How long a card moved by an automatic escalation stands out. */
export const ARRIVAL_HIGHLIGHT_MS = 4_000;

/**
 * Where this window's board has looked in the log, per database (module state: one per window, kept while the
 * person moves between screens). It starts at the person's mark, so a reload does not replay what any of their
 * windows already highlighted, while a second window open at the same time highlights an escalation too.
 */
const cursors = new Map<string, number>();
/** One look at a time per database: two overlapping looks would both take the same escalations. */
const looking = new Map<string, Promise<unknown>>();

/**
 * The complaints an automatic escalation (the system actor) moved since this window's board last looked, each
 * with the instant its highlight ends — once per escalation per window, however often the log is caught up.
 */
export function useArrivals(db: DeskDb, branch: BranchCode): ReadonlyMap<string, number> {
  const [arrivals, setArrivals] = useState<ReadonlyMap<string, number>>(new Map());
  const head = useLiveQuery(() => highestLocalSeq(db), [db]);

  useEffect(() => {
    if (head === undefined) return;
    const look = async () => {
      const from = cursors.get(db.name) ?? (await escalationMark(db, 'highlights'));
      if (head <= from) return cursors.set(db.name, from);
      const { events, through } = await loadSystemEscalations(db, branch, from);
      cursors.set(db.name, through);
      if (events.length === 0) return;
      const until = Date.now() + ARRIVAL_HIGHLIGHT_MS;
      setArrivals((before) => new Map([...before, ...events.map((event) => [event.complaintId, until] as const)]));
      await raiseEscalationMark(db, 'highlights', through);
    };
    const next = (looking.get(db.name) ?? Promise.resolve()).then(look).catch((error: unknown) => console.error('Escalations could not be read', error));
    looking.set(db.name, next);
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
