/**
 * Chinese phone numbers as a clerk types them: an 11-digit mobile (1[3-9]…, optionally +86 / 86 in front)
 * or a landline with its area code (021-12345678, 0755 1234567, extension allowed: 010-12345678-123).
 * The register command enforces this on new input; stored events keep the looser shape they were written with
 * (every number this accepts also passes it), so older records stay readable.
 */
import { z } from 'zod';

const MOBILE = /^(?:\+?86[\s-]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86[\s-]?)?\(?0\d{2,3}\)?[\s-]?\d{7,8}(?:[\s-]\d{1,6})?$/;

export function isChinesePhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  const compactMobile = trimmed.replace(/[\s-]/g, '');
  return MOBILE.test(compactMobile) || LANDLINE.test(trimmed);
}

/** A phone number as the register command takes it: trimmed, and a real mainland mobile or landline. */
export const ChinesePhoneSchema = z.string().trim().refine(isChinesePhoneNumber, 'Chinese mobile (1[3-9] and 9 digits) or landline with area code');

/**
 * A phone number as digits only, so every way of typing one number is one value: spaces, dashes and brackets
 * go, and a +86 / 86 country code goes (a landline keeps its leading 0: `+86 21 1234 5678` → `02112345678`).
 */
export function normalisedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (!digits.startsWith('86') || digits.length < 12) return digits;
  const national = digits.slice(2);
  return national.startsWith('1') || national.startsWith('0') ? national : `0${national}`;
}
