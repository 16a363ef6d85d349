/**
 * Talking to head office over HTTP (docs/sync-protocol.md): `POST /api/v1/batches`, `POST /api/v1/status`,
 * `POST /api/v1/policy`, `POST /api/v1/calendar` and `POST /api/v1/users`, the envelope as gzip'd JSON, every answer
 * parsed with the protocol's schemas. Every request has a timeout and follows the engine's abort signal, so a
 * hanging head office costs a timer, never a blocked desk.
 */
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CalendarPullAnswerSchema, type CalendarPullAnswer } from '../../../shared/sync/calendar';
import { PolicyPullAnswerSchema, type PolicyPullAnswer } from '../../../shared/sync/policy';
import { UserDirectoryAnswerSchema, type UserDirectoryAnswer } from '../../../shared/sync/users';
import { BatchResultSchema, BranchStatusSchema, type BatchEnvelope, type BatchResult, type BranchStatus } from '../../../shared/sync/protocol';

const gzipAsync = promisify(gzip);

export type Refused = Extract<BatchResult, { status: 'refused' }>;
export type Acknowledged = Exclude<BatchResult, Refused>;

/** What came of one request: head office's answer, its refusal, no usable answer, or the engine stopped it. */
export type Answer<T> =
  | { readonly kind: 'answer'; readonly value: T }
  | { readonly kind: 'refused'; readonly refusal: Refused }
  | { readonly kind: 'failed'; readonly code: 'unreachable' | 'timeout' | 'bad_response'; readonly message: string; readonly httpStatus?: number }
  | { readonly kind: 'aborted' };

export interface HeadOfficeClient {
  sendBatch(envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<Acknowledged>>;
  status(envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<BranchStatus>>;
  policy(envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<PolicyPullAnswer>>;
  calendar(envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<CalendarPullAnswer>>;
  users(envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<UserDirectoryAnswer>>;
}

export function createHeadOfficeClient(baseUrl: string, timeoutMs: number): HeadOfficeClient {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;

  async function post(path: string, envelope: BatchEnvelope, signal: AbortSignal): Promise<Answer<unknown>> {
    const body = await gzipAsync(JSON.stringify(envelope));
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) return { kind: 'aborted' };
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { kind: 'failed', code: timedOut ? 'timeout' : 'unreachable', message: describeNetworkError(error) };
    }
    try {
      return { kind: 'answer', value: JSON.parse(text) };
    } catch {
      return { kind: 'failed', code: 'bad_response', message: `HTTP ${response.status}: not JSON (${text.slice(0, 200)})`, httpStatus: response.status };
    }
  }

  /** A refusal comes back as a refusal whatever the HTTP status; anything off-protocol is a bad response. */
  function interpret<T>(answer: Answer<unknown>, readAnswer: (value: unknown) => T | undefined): Answer<T> {
    if (answer.kind !== 'answer') return answer;
    const value = readAnswer(answer.value);
    if (value !== undefined) return { kind: 'answer', value };
    const result = BatchResultSchema.safeParse(answer.value);
    if (result.success && result.data.status === 'refused') return { kind: 'refused', refusal: result.data };
    const problem = result.success ? 'an answer of another kind than asked for' : z.prettifyError(result.error).slice(0, 500);
    return { kind: 'failed', code: 'bad_response', message: `not a protocol answer: ${problem}` };
  }

  const acknowledged = (value: unknown): Acknowledged | undefined => {
    const parsed = BatchResultSchema.safeParse(value);
    return parsed.success && parsed.data.status !== 'refused' ? parsed.data : undefined;
  };

  return {
    sendBatch: async (envelope, signal) => interpret(await post('api/v1/batches', envelope, signal), acknowledged),
    status: async (envelope, signal) => interpret(await post('api/v1/status', envelope, signal), (value) => BranchStatusSchema.safeParse(value).data),
    policy: async (envelope, signal) => interpret(await post('api/v1/policy', envelope, signal), (value) => PolicyPullAnswerSchema.safeParse(value).data),
    calendar: async (envelope, signal) => interpret(await post('api/v1/calendar', envelope, signal), (value) => CalendarPullAnswerSchema.safeParse(value).data),
    users: async (envelope, signal) => interpret(await post('api/v1/users', envelope, signal), (value) => UserDirectoryAnswerSchema.safeParse(value).data),
  };
}

/** fetch hides the cause (ECONNREFUSED, a reset socket) one level down; the log wants it. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 500);
}
