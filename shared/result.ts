/**
 * Errors are data with a stable code (STYLE.md §6). Anything a person can cause — bad input, a step not
 * allowed now — comes back as a Refusal; the UI switches on `code` and translates, never parses `message`.
 * `message` is a plain English sentence for logs, tests and integrators; `path` names the bad field.
 */
import { z } from 'zod';
import { asRefusal, refusalOf, type PlainRefusalCode, type Refusal, type RefusalCode, type RefusalExtra } from './refusals';

export type { Refusal, RefusalCode } from './refusals';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A refusal as a result; the code must be in the catalogue (shared/refusals.ts) with exactly its params. */
export const refuse = <C extends RefusalCode>(code: C, message: string, ...extra: RefusalExtra<C>): { ok: false; error: Refusal } => ({
  ok: false,
  error: refusalOf(code, message, ...extra),
});

/** Dotted path of the first zod issue, e.g. `grades.2.resolveHours`. */
export function issuePath(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? first.path.map(String).join('.') : '';
}

/**
 * A custom issue's `params` that name its own refusal code (see `addRefusalIssue` in shared/names.ts): a rule
 * a person can break on purpose or by accident (a bidi override in a name) gets its own sentence in the UI.
 */
const OwnRefusalParamsSchema = z.object({
  refusal: z.string().regex(/^[a-z][a-z0-9_]*$/),
  detail: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * Parse untrusted input; refuse with the path and message of the first problem, with `code` unless that
 * problem is a custom issue carrying its own refusal code.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, code: PlainRefusalCode = 'invalid_input'): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const path = issuePath(parsed.error);
  const first = parsed.error.issues[0];
  const own = first?.code === 'custom' ? OwnRefusalParamsSchema.safeParse(first.params) : undefined;
  if (own?.success) {
    const { refusal, detail, values } = own.data;
    // Checked against the catalogue like a refusal from a transport: an unknown code or wrong values is a bug in
    // the schema, which the plain code below still reports honestly.
    const checked = asRefusal({ code: refusal, message: `${path || 'input'}: ${detail}`, path, ...(values ? { params: values } : {}) });
    if (checked) return { ok: false, error: checked };
  }
  return refuse(code, `${path || 'input'}: ${first?.message ?? 'invalid'}`, { path });
}
