/**
 * Names people read on screen and on paper (usernames, display names, the branch name, a complainant's name)
 * must look like what they are. Three things make a name lie about itself:
 *  - invisible and control characters: a right-to-left override (U+202E) turns "admin‮nimda" around on screen,
 *    a zero-width space makes two different names print the same, a NUL or newline breaks exports and logs;
 *  - letters of another script that look Latin: Cyrillic "а" (U+0430) in "аdmin" is not the Latin "a";
 *  - width and compatibility forms: a full-width "ａｄｍｉｎ" typed on a Chinese IME is "admin" to a reader.
 * Pure: no Node, no DOM.
 */
import type { z } from 'zod';
import type { RefusalCode, RefusalParamsArg } from './refusals';

/**
 * C0 and C1 controls and DEL, zero-width space/joiners and LRM/RLM (U+200B–U+200F), the line and paragraph
 * separators, the bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), the Arabic
 * letter mark (a bidi control too) and the BOM / zero-width no-break space (U+FEFF).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** The first invisible or control character of `text` as `U+XXXX`, or undefined when there is none. */
export function findUnsafeChar(text: string): string | undefined {
  const found = UNSAFE_IN_NAMES.exec(text)?.[0];
  return found === undefined ? undefined : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A zod issue that `parseWith` turns into a refusal with `code` (not the generic `invalid_input`); the message
 * is the i18n key the forms translate (renderer/ui/fieldError.ts), `detail` goes to the log line.
 */
export function addRefusalIssue<C extends RefusalCode>(ctx: z.RefinementCtx, code: C, detail: string, ...values: RefusalParamsArg<C>): void {
  const [params] = values;
  ctx.addIssue({ code: 'custom', message: `refusal.${code}`, params: { refusal: code, detail, ...(params ? { values: params } : {}) } });
}

/** For `.superRefine` on a name field: refuses an invisible or control character with `name_control_char`. */
export function refuseUnsafeChars(text: string, ctx: z.RefinementCtx): void {
  const char = findUnsafeChar(text);
  if (char) addRefusalIssue(ctx, 'name_control_char', `contains the invisible or control character ${char}`);
}

/** How two usernames are compared: compatibility forms folded (full-width → ASCII), case ignored. */
export const usernameKey = (username: string): string => username.normalize('NFKC').trim().toLowerCase();

// Scripts a username's letters are checked against. A letter of a script not listed counts as "Other", so it
// still cannot be mixed with Latin. Digits, ".", "-" and "_" are Common and belong to every script.
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
];
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The scripts of the letters and digits in `text` (Common and Inherited characters belong to none). */
export function scriptsOf(text: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of text) {
    if (COMMON.test(char)) continue;
    scripts.add(SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  return scripts;
}

// UTS #39 "highly restrictive": one script, or Latin with the scripts written alongside it in East Asia
// (pinyin next to 汉字 is ordinary here); never Latin with Cyrillic, Greek or anything else.
const CJK_WITH_LATIN: readonly ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

export function isMixedScript(text: string): boolean {
  const scripts = scriptsOf(text.normalize('NFKC'));
  if (scripts.size <= 1) return false;
  return !CJK_WITH_LATIN.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}

// Letters that print like a Latin letter in the fonts of a counter PC (a hand-picked subset of Unicode's
// confusables.txt: the Cyrillic and Greek look-alikes, digits that pass for letters, dotless i). Capitals are
// mapped before case is folded, since "I" (capital i) reads as "l" but lower-cases to "i".
const CONFUSABLE_CAPITALS: Readonly<Record<string, string>> = {
  I: 'l', 'І': 'l', 'Ӏ': 'l', 'Ι': 'l',
  'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't', 'Х': 'x', 'Ү': 'y', 'Ѕ': 's', 'Ј': 'j',
  'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
};
const CONFUSABLE_SMALL: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'l', 'ı': 'i',
  'а': 'a', 'ь': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'о': 'o', 'р': 'p', 'ԛ': 'q',
  'ѕ': 's', 'т': 't', 'ԝ': 'w', 'х': 'x', 'у': 'y',
  'α': 'a', 'ϲ': 'c', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'γ': 'y',
};

/**
 * What a username looks like, reduced to one form: two names with the same skeleton are hard to tell apart
 * ("li.na" and "Ii.na", "admin" and "аdmіn", "adrnin" and "admin"). Compare skeletons, never show them.
 */
export function confusableSkeleton(username: string): string {
  let folded = '';
  for (const char of username.normalize('NFKC').trim()) {
    const capital = CONFUSABLE_CAPITALS[char];
    const small = capital ?? char.toLowerCase();
    folded += CONFUSABLE_SMALL[small] ?? small;
  }
  return folded.replaceAll('rn', 'm').replaceAll('vv', 'w');
}
