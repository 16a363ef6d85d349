/** Opening the database with the projector of the branch's policy and calendar (used by schema upgrades). */
import { Dexie } from 'dexie';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { foldComplaint } from '../../shared/domain/reducer';
import type { PolicyBook } from '../../shared/policy/book';
import { DeskDb } from './db';
import { stateSummarizer } from './summarize';
import { createProjector } from './projection';

export interface OpenOptions {
  policies: PolicyBook;
  calendar: WorkingCalendar;
  /** Head office's copy: repeat complaints are linked by customer across branches (repeat-links.ts). */
  linkCustomers?: boolean;
  /** For tests and Node: an IndexedDB implementation other than the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export function openDeskDb(name: string, options: OpenOptions): DeskDb {
  const linkCustomers = options.linkCustomers ?? false;
  const projector = createProjector(foldComplaint, stateSummarizer(options.policies, options.calendar, linkCustomers));
  const dexieOptions = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange ?? IDBKeyRange } : undefined;
  return new DeskDb(name, projector, dexieOptions, linkCustomers);
}

/** Removes the whole database (the "wipe IndexedDB" of the rebuild scenario). */
export function deleteDeskDb(name: string): Promise<void> {
  return Dexie.delete(name);
}
