import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

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
