import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskStore } from '../../store';
import { loadOpenComplaints } from '../../store/board';
import type { ComplaintRecord } from '../../store/records';

/** Every open complaint's row, re-read whenever a step (this window's, another's caught up, the sweep's) writes. */
export function useOpenComplaints(): ComplaintRecord[] | undefined {
  const { db } = useDeskStore();
  return useLiveQuery(() => loadOpenComplaints(db), [db]);
}
