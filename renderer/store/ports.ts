/**
 * What the store needs from main: the slice of `renderer/platform/api.ts` it calls. Typed from the shared
 * contract; tests pass the real services' dispatcher (openDesk on a temporary folder) behind the same `createApi`.
 */
import type { ApiInput, ApiOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/result';

export type StoreApiMethod = 'complaints.decide' | 'complaints.escalateDue' | 'journal.read' | 'users.list';

export interface StoreApi {
  call<M extends StoreApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
}
