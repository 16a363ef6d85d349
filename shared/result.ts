/**
 * Errors are data with a stable code (STYLE.md §6). Anything a person can cause — bad input, a step not
 * allowed now — comes back as a Refusal; the UI switches on `code` and translates, never parses `message`.
 * `message` is a plain English sentence for logs, tests and integrators; `path` names the bad field.
 */
import type { z } from 'zod';

export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  /** Values the translated message may interpolate (e.g. `{ limit: 1 }`). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const refuse = (code: string, message: string, extra: Omit<Refusal, 'code' | 'message'> = {}): { ok: false; error: Refusal } => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Dotted path of the first zod issue, e.g. `grades.2.resolveHours`. */
export function issuePath(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? first.path.map(String).join('.') : '';
}

/** Parse untrusted input; refuse with the path and message of the first problem. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, code = 'invalid_input'): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const path = issuePath(parsed.error);
  const first = parsed.error.issues[0];
  return refuse(code, `${path || 'input'}: ${first?.message ?? 'invalid'}`, { path });
}
