import type { TFunction } from 'i18next';
import { get, useFormContext, type ErrorOption, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { asRefusal, type Refusal } from '../../shared/refusals';
import { refusalText } from '../i18n/refusal';

/** Message keys our own form rules put into `message`; anything else is a shared schema's English text. */
const isMessageKey = (message: string | undefined): message is string => !!message && /^(validation|refusal)\.[\w.]+$/.test(message);

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
 * its params. Shared schemas speak English for logs, so their messages are never shown: an empty required
 * field reads "required", any other problem the field's own sentence (`fallbackKey`, e.g. the phone format),
 * defaulting to a generic "not valid". Our own form rules name a message key (`validation.*`, `refusal.*`).
 */
export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  options: { empty?: boolean; fallbackKey?: string; params?: Record<string, string | number> } = {},
): string | undefined {
  if (!error) return undefined;
  const refusal = refusalOfFieldError(error);
  if (refusal) return refusalText(t, refusal);
  if (isMessageKey(error.message)) return t(error.message, { ...options.params });
  if (options.empty) return t('validation.required');
  return t(options.fallbackKey ?? 'validation.invalid', { ...options.params });
}

/** The translated error of a field in the surrounding form: "required" when it is empty, else as `fieldErrorText`. */
export function useFieldError(name: string, fallbackKey?: string): string | undefined {
  const { t } = useTranslation();
  const { formState, getValues } = useFormContext();
  const error = get(formState.errors, name) as FieldError | undefined;
  const value: unknown = getValues(name);
  const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
  return fieldErrorText(t, error, { empty, fallbackKey });
}
