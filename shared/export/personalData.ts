/**
 * Personal data in lists and exports (SPEC §8): phone, email and address are masked and a name is shown only
 * in part, unless the role may see them. The one rule lives here; exports, lists and the UI all ask it.
 */
import type { Role } from '../domain/vocabulary';

/** Supervisors and admins see complainants' personal data in full; staff see it masked. */
export function canSeePersonalData(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

const MASK = '*';

/** `陈晓明` → `陈**`, `Chen Xiaoming` → `C************`: the first character stays, so a clerk can still tell rows apart. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + MASK.repeat(Math.max(1, chars.length - 1));
}

/** `13812345678` → `138****5678`; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${MASK.repeat(Math.max(1, digits.length - 2))}${digits.slice(-2)}`;
}

/** `chen.xm@example.com` → `c***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK.repeat(3);
  return `${email[0]}***${email.slice(at)}`;
}

/** An address says where someone lives: nothing of it is shown. */
export function maskAddress(address: string): string {
  return address.trim() === '' ? '' : MASK.repeat(6);
}

/**
 * Whether `user` of `role` may see the complainant's contact details on this complaint: supervisors and admins
 * always; staff on the complaints they received or now handle (they must call the customer), nowhere else.
 */
export function canContact(role: Role, user: string, complaint: { readonly receivedBy: string; readonly assignee: string } | undefined): boolean {
  return canSeePersonalData(role) || (complaint !== undefined && (complaint.receivedBy === user || complaint.assignee === user));
}
