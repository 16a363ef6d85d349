import type { TFunction } from 'i18next';
import { get, useFormContext, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Message keys our own form rules put into `message`; anything else is a shared schema's English text. */
const isMessageKey = (message: string | undefined): message is string => !!message && /^(validation|refusal)\.[\w.]+$/.test(message);

/**
 * The UI-language text for a field's validation error. Shared schemas speak English for logs, so their
 * messages are never shown: an empty required field reads "required", any other problem the field's own
 * sentence (`fallbackKey`, e.g. the phone format), defaulting to a generic "not valid".
 */
export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  options: { empty?: boolean; fallbackKey?: string; params?: Record<string, string | number> } = {},
): string | undefined {
  if (!error) return undefined;
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
