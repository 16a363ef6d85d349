/**
 * A cheap look at an API payload's size before zod sees it. zod checks an array's length only after it has
 * parsed every element, so `journal.append` with 28 MB of `[{},{},…]` (3 million elements) kept the server
 * busy for seconds; a deeply nested value could exhaust the stack. One iterative walk counts nodes, depth and
 * array lengths and stops at the first limit passed, so the cost is bounded by the limits, not the payload.
 * Strings are single nodes whatever their length (an evidence file travels as one ~27 MB base64 string;
 * the body size limit and the schemas bound strings).
 */
import { refuse, type Refusal } from '../result';

export interface ShapeLimits {
  /** Elements of any one array. */
  readonly maxArrayLength: number;
  /** Keys of any one object (a record such as `prefs` with a million keys is as slow for zod as an array). */
  readonly maxObjectKeys: number;
  /** Nesting of arrays and objects; the payload itself is depth 1. */
  readonly maxDepth: number;
  /** Values in all (every object, array, string, number, boolean and null counts as one). */
  readonly maxNodes: number;
}

/**
 * The biggest real calls: a journal page of 5000 events (JOURNAL_PAGE_MAX); a Registered event with every
 * field filled and 20 evidence files is 141 values, 705 002 for the page, nested 5 deep
 * (events.N.payload.evidence.N.hash); one evidence file as one string. No real array or record comes near
 * 10 000 elements or 1 000 keys. zod spends ~20 µs on each nested element it refuses, and 3 million of them
 * ran it out of memory; within these limits, and with `journal.append` stopping at its first bad event
 * (contract.ts), refusing a hostile call took under 0.3 s on a busy 2-core box.
 */
export const API_SHAPE_LIMITS: ShapeLimits = { maxArrayLength: 10_000, maxObjectKeys: 1_000, maxDepth: 32, maxNodes: 1_000_000 };

/**
 * Refused with `payload_too_complex`; params.limit names the limit passed (`array_length`, `object_keys`,
 * `depth`, `nodes`), params.max its value, path where it was passed.
 */
export function checkShape(value: unknown, limits: ShapeLimits = API_SHAPE_LIMITS): Refusal | undefined {
  const tooComplex = (limit: 'array_length' | 'object_keys' | 'depth' | 'nodes', max: number, path: string) =>
    refuse('payload_too_complex', `The request is too complex: more than ${max} (${limit.replace('_', ' ')}) at ${path || 'the top'}.`, {
      path,
      params: { limit, max },
    }).error;

  // Each queued value knows its parent and key; a path is spelt out only to name where a limit was passed.
  interface Queued {
    readonly value: unknown;
    readonly depth: number;
    readonly parent?: Queued;
    readonly key?: string | number;
  }
  const pathOf = (queued: Queued): string => {
    const keys: (string | number)[] = [];
    for (let at: Queued | undefined = queued; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
    return keys.join('.');
  };

  const stack: Queued[] = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    nodes += 1;
    if (nodes > limits.maxNodes) return tooComplex('nodes', limits.maxNodes, pathOf(next));
    const current = next.value;
    if (typeof current !== 'object' || current === null) continue;
    // Bytes (a typed array over IPC) are one value, like a string: their indices are not a structure.
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) continue;
    if (next.depth > limits.maxDepth) return tooComplex('depth', limits.maxDepth, pathOf(next));
    const depth = next.depth + 1;
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) return tooComplex('array_length', limits.maxArrayLength, pathOf(next));
      // Each element costs a node anyway: refuse before queueing more than the node budget allows.
      if (nodes + stack.length + current.length > limits.maxNodes) return tooComplex('nodes', limits.maxNodes, pathOf(next));
      for (let index = current.length - 1; index >= 0; index -= 1) stack.push({ value: current[index], depth, parent: next, key: index });
      continue;
    }
    let keys = 0;
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      keys += 1;
      if (keys > limits.maxObjectKeys) return tooComplex('object_keys', limits.maxObjectKeys, pathOf(next));
      if (nodes + stack.length >= limits.maxNodes) return tooComplex('nodes', limits.maxNodes, pathOf(next));
      const member: unknown = Reflect.get(current, key);
      stack.push({ value: member, depth, parent: next, key });
    }
  }
  return undefined;
}
