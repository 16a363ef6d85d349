/**
 * The audit log's filter (Settings → Audit log, and its CSV export): one kind, a person (part of a user name,
 * any case: the one who acted or, for an account change, the account), and local days from and to (inclusive,
 * in the branch's time zone). Newest lines first.
 */
import { z } from 'zod';
import { localDateKey } from '../domain/numbering';
import { AUDIT_KINDS } from './kinds';
import type { AuditEntry } from './entries';

const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const AuditFilterSchema = z.strictObject({
  kind: z.enum(AUDIT_KINDS).optional(),
  person: z.string().trim().max(64).optional(),
  from: z.string().regex(LOCAL_DAY).optional(),
  to: z.string().regex(LOCAL_DAY).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** The names a person filter looks at. */
function peopleOf(entry: AuditEntry): string[] {
  const names = entry.username === undefined ? [] : [entry.username];
  if (entry.kind === 'account-change') names.push(entry.target.username);
  return names;
}

/** The entries the filter lets through, newest first. */
export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter, timeZone: string): AuditEntry[] {
  const person = filter.person?.toLowerCase();
  const from = filter.from?.replaceAll('-', '');
  const to = filter.to?.replaceAll('-', '');
  const kept = entries.filter((entry) => {
    if (filter.kind && entry.kind !== filter.kind) return false;
    if (person && !peopleOf(entry).some((name) => name.toLowerCase().includes(person))) return false;
    if (from || to) {
      const day = localDateKey(entry.at, timeZone);
      if ((from && day < from) || (to && day > to)) return false;
    }
    return true;
  });
  // Lines are appended in order: reversed, lines of the same instant are newest first too (the sort is stable).
  return kept.reverse().sort((a, b) => b.at.localeCompare(a.at));
}
