/**
 * Browser mode's launch parameters travel in the URL fragment (`#token=…&lang=en`): the browser never sends
 * a fragment to the server, so the per-run token stays out of request lines and logs. The server writes the
 * fragment, the renderer reads it; both use these two functions.
 */
import { LanguageSchema, type Language } from './schemas';

export interface LaunchParams {
  readonly token?: string;
  readonly language?: Language;
}

export function launchFragment(params: LaunchParams): string {
  const fragment = new URLSearchParams();
  if (params.token) fragment.set('token', params.token);
  if (params.language) fragment.set('lang', params.language);
  return `#${fragment.toString()}`;
}

export function readLaunchFragment(hash: string): LaunchParams {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const token = fragment.get('token') ?? undefined;
  const language = LanguageSchema.safeParse(fragment.get('lang'));
  return { ...(token ? { token } : {}), ...(language.success ? { language: language.data } : {}) };
}

/** The fragment with the token removed (the language stays for the UI to read). */
export function withoutToken(hash: string): string {
  const { language } = readLaunchFragment(hash);
  return language ? launchFragment({ language }) : '';
}
