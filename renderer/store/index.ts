/**
 * The renderer's working database and the store API the UI uses (DESIGN "Where data lives").
 *
 *   const db = openDeskDb('complaint-desk', { policy, calendar });
 *   const store = createDeskStore({ db, api, clock, newId, session, branch, policy, calendar });
 *   await store.restoreIfEmpty();            // on start, after sign-in; re-sending to main goes on after it
 *   const { id, number } = (await store.register(formValues)).value;
 *   await store.perform(id, 'acknowledge', {});
 *
 * Components read through the hooks (`useRegister`, `useComplaint`, `useTimeline`, `usePendingJournal`,
 * `useUsers`) inside `<DeskStoreContext.Provider value={{ db, store, clock }}>`.
 */
export { openDeskDb, deleteDeskDb } from './open';
export { deskDbName } from './dbName';
export { DeskDb, CURRENT_SCHEMA_VERSION } from './db';
export { createDeskStore, type DeskStore, type DeskStoreDeps, type RegisterInput } from './store';
export type { StoreApi } from './ports';
export type { RestoreProgress, RestoreReport } from './restore';
export { startEscalationSweeps, type SweepReport } from './escalation-sweep';
export { queryRegisterIds, countDeadlines, countAll, isPlainOrder, loadPlainWindow, loadRecords, loadTimeline, loadUsers, toComplaintRow, type ComplaintRow, type RegisterQuery, type RegisterSortColumn } from './queries';
export { rowClockState, type RowClockState } from './projection';
export type { ComplaintRecord, StoredEvent, UserRecord } from './records';
export {
  DeskStoreContext,
  REGISTER_PAGE,
  useBranchesHeld,
  useComplaint,
  useDeadlineCounts,
  useActionHolders,
  useKpiFactsIn,
  useDeskStore,
  useNow,
  usePendingJournal,
  useRegister,
  useTimeline,
  useOpenHeldBy,
  useUsers,
  type DeskStoreContextValue,
  type RegisterView,
} from './hooks';
