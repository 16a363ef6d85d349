/**
 * An in-memory stand-in for main's journal and users, with the contract's behaviour: append continues the
 * sequence without a gap (a re-sent event is a no-op), read pages by seq. `failNext` makes the next calls
 * fail the way a lost IPC or a full disk would, so tests can watch the outbox keep the events.
 */
import type { ApiInput, ApiOutput } from '../../../shared/api/contract';
import type { PublicUser } from '../../../shared/api/schemas';
import type { DomainEvent } from '../../../shared/domain/events';
import { ok, refuse, type Result } from '../../../shared/result';
import type { StoreApi, StoreApiMethod } from '../ports';

export interface FakeMain extends StoreApi {
  journal: DomainEvent[];
  users: PublicUser[];
  calls: { method: StoreApiMethod; input: unknown }[];
  /** The next `count` journal.append calls are refused. */
  failNext(count?: number): void;
  /** journal.append calls wait (as behind a slow disk) until the returned function is called. */
  holdAppends(): () => void;
}

export function createFakeMain(initial: { journal?: DomainEvent[]; users?: PublicUser[] } = {}): FakeMain {
  const journal = [...(initial.journal ?? [])];
  const users = [...(initial.users ?? [])];
  const calls: FakeMain['calls'] = [];
  let failures = 0;
  let held: Promise<void> | undefined;
  const lastSeq = (): number => journal[journal.length - 1]?.seq ?? 0;

  function append(events: readonly DomainEvent[]): Result<ApiOutput<'journal.append'>> {
    if (failures > 0) {
      failures -= 1;
      return refuse('journal_write_failed', 'The journal could not be written (simulated)');
    }
    for (const event of events) {
      const known = journal.find((entry) => entry.seq === event.seq);
      if (known) {
        if (known.id !== event.id) return refuse('journal_conflict', `seq ${event.seq} is already another event`);
        continue;
      }
      if (event.seq !== lastSeq() + 1) return refuse('journal_gap', `expected seq ${lastSeq() + 1}, got ${event.seq}`);
      journal.push(structuredClone(event));
    }
    return ok({ journaledThroughSeq: lastSeq() });
  }

  function read(input: ApiInput<'journal.read'>): Result<ApiOutput<'journal.read'>> {
    const page = journal.filter((event) => event.seq > input.afterSeq).slice(0, input.limit ?? 5000);
    return ok({ events: structuredClone(page), lastSeq: lastSeq() });
  }

  async function call<M extends StoreApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>> {
    calls.push({ method, input });
    await Promise.resolve();
    // Each branch returns exactly the output type of its method; TS cannot narrow M from the switch.
    switch (method) {
      case 'journal.append':
        await held;
        return append((input as ApiInput<'journal.append'>).events as DomainEvent[]) as Result<ApiOutput<M>>;
      case 'journal.read':
        return read(input as ApiInput<'journal.read'>) as Result<ApiOutput<M>>;
      case 'users.list':
        return ok({ users: structuredClone(users) }) as Result<ApiOutput<M>>;
      default:
        return refuse('unknown_method', `not faked: ${String(method)}`);
    }
  }

  return {
    journal,
    users,
    calls,
    call,
    failNext(count = 1) {
      failures = count;
    },
    holdAppends() {
      let release = (): void => undefined;
      held = new Promise((resolve) => {
        release = () => {
          held = undefined;
          resolve();
        };
      });
      return release;
    },
  };
}
