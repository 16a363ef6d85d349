/**
 * What the board highlights (issue 10 item 5): the automatic escalations a window has not shown yet. A watch is
 * one window's: it starts at the person's mark — so a reload does not replay what any of their windows already
 * showed — and moves its own cursor on, so a second window open at the same time shows an escalation too, once.
 */
import type { BranchCode } from '../../shared/brand';
import type { DeskDb } from './db';
import { escalationMark, loadSystemEscalations, raiseEscalationMark, type SystemEscalation } from './notices';

export interface ArrivalWatch {
  /** The automatic escalations since this watch last looked (none twice); raises the person's mark past them. */
  look(): Promise<SystemEscalation[]>;
}

/**
 * Each window's cursor by database, kept for the page's life: a window signed out and in again (its database
 * reopened, a new watch) goes on from where it was, not from the mark another window raised meanwhile.
 */
const windowCursors = new Map<string, number>();

export function createArrivalWatch(db: DeskDb, branch: BranchCode): ArrivalWatch {
  let cursor: number | undefined = windowCursors.get(db.name);
  // One look at a time: two overlapping looks would both take the same escalations.
  let queue: Promise<unknown> = Promise.resolve();
  async function look(): Promise<SystemEscalation[]> {
    const from = cursor ?? (await escalationMark(db, 'highlights'));
    const { events, through } = await loadSystemEscalations(db, branch, from);
    cursor = through;
    windowCursors.set(db.name, through);
    if (events.length > 0) await raiseEscalationMark(db, 'highlights', through);
    return events;
  }
  return {
    look() {
      const run = queue.then(look);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
