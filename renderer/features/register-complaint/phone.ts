/**
 * Chinese phone numbers as a clerk types them: an 11-digit mobile (1[3-9]…, optionally +86 / 86 in front)
 * or a landline with its area code (021-12345678, 0755 1234567, extension allowed: 010-12345678-123).
 * TODO(domain): move into shared/ beside ComplainantSchema so the command enforces the same rule.
 */
const MOBILE = /^(?:\+?86[\s-]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86[\s-]?)?\(?0\d{2,3}\)?[\s-]?\d{7,8}(?:[\s-]\d{1,6})?$/;

export function isChinesePhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  const compactMobile = trimmed.replace(/[\s-]/g, '');
  return MOBILE.test(compactMobile) || LANDLINE.test(trimmed);
}
