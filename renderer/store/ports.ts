/**
 * What the store needs from main: the slice of `renderer/platform/api.ts` it calls. Typed from the shared
 * contract, so the real api and the in-memory fake of the tests are interchangeable.
 */
import type { ApiInput, ApiOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/result';

export type StoreApiMethod = 'journal.append' | 'journal.read' | 'users.list';

export interface StoreApi {
  call<M extends StoreApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
}
