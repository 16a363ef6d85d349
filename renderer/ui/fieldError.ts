import type { TFunction } from 'i18next';
import { get, useFormContext, type ErrorOption, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { asRefusal, type Refusal } from '../../shared/refusals';
import { refusalText } from '../i18n/refusal';

type Params = Record<string, string | number>;

/**
 * A message key with the values its sentence needs (`validation.tooLong|{"max":200}`), so a rule's limit travels
 * with the error from the schema to the screen: "at most 200 characters", never "at most {{max}}".
 */
export function messageWithParams(key: string, params: Params = {}): string {
  return Object.keys(params).length === 0 ? key : `${key}|${JSON.stringify(params)}`;
}

/** The key and values of a message made by `messageWithParams`; undefined when it is not one (a schema's English text). */
export function parseMessage(message: string | undefined): { key: string; params: Params } | undefined {
  if (!message) return undefined;
  const bar = message.indexOf('|');
  const key = bar < 0 ? message : message.slice(0, bar);
  if (!/^(validation|refusal)\.[\w.]+$/.test(key)) return undefined;
  if (bar < 0) return { key, params: {} };
  try {
    const raw: unknown = JSON.parse(message.slice(bar + 1));
    const params: Params = {};
    if (raw && typeof raw === 'object') {
      for (const [name, value] of Object.entries(raw)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    return { key, params };
  } catch {
    return { key, params: {} };
  }
}

const limit = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined);

/**
 * The rule a schema issue broke, as a message key with its limit: too long (with the max), too short (with the
 * min; a minimum of one character is "required"), a number out of range, too many items. Undefined for other
 * issues: the field's own sentence (its fallback) says those.
 */
export function issueMessage(issue: { code: string; origin?: unknown; minimum?: unknown; maximum?: unknown; inclusive?: boolean; expected?: unknown; input?: unknown }): string | undefined {
  const min = limit(issue.minimum);
  const max = limit(issue.maximum);
  switch (issue.code) {
    case 'too_big':
      if (max === undefined) return undefined;
      if (issue.origin === 'string') return messageWithParams('validation.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return messageWithParams('validation.tooMany', { max });
      if (issue.origin === 'number' || issue.origin === 'int') return messageWithParams(issue.inclusive === false ? 'validation.numberBelow' : 'validation.numberMax', { max });
      return undefined;
    case 'too_small':
      if (min === undefined) return undefined;
      if (issue.origin === 'string') return min <= 1 ? 'validation.required' : messageWithParams('validation.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'validation.required' : messageWithParams('validation.tooFew', { min });
      if (issue.origin === 'number' || issue.origin === 'int') return messageWithParams(issue.inclusive === false ? 'validation.numberAbove' : 'validation.numberMin', { min });
      return undefined;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return issue.input === undefined ? 'validation.required' : 'validation.number';
      return undefined;
    default:
      return undefined;
  }
}

/** For `zodResolver(schema, { error: formErrorMap })`: limits reach the message; other issues keep the schema's text. */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => issueMessage(issue as Parameters<typeof issueMessage>[0]);

/** The `types` entry a refusal rides in (react-hook-form keeps only strings there). */
const REFUSAL_TYPE = 'refusal';

/**
 * The error to `setError` on a field a refusal names: the refusal itself — code and params, as data — rides in
 * `types`, so the field shows the code's sentence with its params (not a message key that lost them).
 */
export function refusalFieldError(refusal: Refusal): ErrorOption {
  const carried = { code: refusal.code, message: refusal.message, path: refusal.path, params: refusal.params };
  return { type: REFUSAL_TYPE, message: `refusal.${refusal.code}`, types: { [REFUSAL_TYPE]: JSON.stringify(carried) } };
}

/** The refusal a field error carries (see `refusalFieldError`), checked against the catalogue; else undefined. */
export function refusalOfFieldError(error: Pick<FieldError, 'type' | 'types'> | undefined): Refusal | undefined {
  const carried = error?.type === REFUSAL_TYPE ? error.types?.[REFUSAL_TYPE] : undefined;
  if (typeof carried !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(carried);
    if (typeof value !== 'object' || value === null) return undefined;
    const { code, message, path, params } = value as { code?: unknown; message?: unknown; path?: unknown; params?: unknown };
    if (typeof code !== 'string' || typeof message !== 'string') return undefined;
    if (params !== undefined && (typeof params !== 'object' || params === null)) return undefined;
    return asRefusal({ code, message, ...(typeof path === 'string' ? { path } : {}), ...(params ? { params: params as Record<string, unknown> } : {}) });
  } catch {
    return undefined; // not ours: fall back to the message
  }
}

/**
 * The UI-language text for a field's validation error. A refusal from a command shows its code's sentence with
 * its params. Shared schemas speak English for logs, so their messages are never shown: an empty (or spaces-only)
 * field reads "required", a broken rule with a limit says the limit (`issueMessage`), any other problem the
 * field's own sentence (`fallbackKey`, e.g. the phone format, with `params`), defaulting to a generic "not valid".
 */
export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  options: { empty?: boolean; fallbackKey?: string; params?: Params } = {},
): string | undefined {
  if (!error) return undefined;
  const refusal = refusalOfFieldError(error);
  if (refusal) return refusalText(t, refusal);
  const own = parseMessage(error.message);
  if (own) return t(own.key, { ...options.params, ...own.params });
  if (options.empty) return t('validation.required');
  return t(options.fallbackKey ?? 'validation.invalid', { ...options.params });
}

/** A value a person would call empty: nothing, only spaces, or an empty list. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The translated error of a field in the surrounding form: "required" when it is blank, else as `fieldErrorText`. */
export function useFieldError(name: string, fallbackKey?: string, params?: Params): string | undefined {
  const { t } = useTranslation();
  const { formState, getValues } = useFormContext();
  const error = get(formState.errors, name) as FieldError | undefined;
  return fieldErrorText(t, error, { empty: isBlank(getValues(name)), fallbackKey, params });
}
