/**
 * The audit log as admins read it (Settings → Audit log): filtered and newest first, or every matching line
 * as CSV, an export that is itself put on record.
 */
import type { ApiHandlers } from '../../shared/api/contract';
import type { Caller } from '../../shared/api/dispatch';
import type { Delivery } from '../../shared/api/documents';
import type { BranchSetup, Language, PublicUser } from '../../shared/api/schemas';
import { AUDIT_PAGE_MAX } from '../../shared/api/audit';
import { AUDIT_WORDS, auditTable } from '../../shared/audit/describe';
import { AUDIT_VERSION } from '../../shared/audit/entries';
import { filterAudit } from '../../shared/audit/filter';
import { localDateKey } from '../../shared/domain/numbering';
import { toCsv } from '../../shared/export/csv';
import { ok, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import type { OutgoingFile } from './documents';

export interface AuditViewDeps {
  readonly audit: AuditLog;
  readonly branch: () => Promise<BranchSetup | undefined>;
  /** The policy's zone, for a folder not set up yet. */
  readonly timeZone: string;
  readonly language: () => Promise<Language>;
  readonly deliver: (file: OutgoingFile) => Promise<Result<Delivery>>;
  readonly now: () => Date;
}

export function auditHandlers(deps: AuditViewDeps, requireAdmin: (caller: Caller) => Promise<Result<PublicUser>>): Pick<ApiHandlers, 'audit.list' | 'audit.export'> {
  const matching = async (filter: Parameters<typeof filterAudit>[1]) => {
    const [{ entries, damagedLines }, branch] = await Promise.all([deps.audit.read(), deps.branch()]);
    const timeZone = branch?.timeZone ?? deps.timeZone;
    return { entries: filterAudit(entries, filter, timeZone), damagedLines, branch, timeZone };
  };
  return {
    'audit.list': async ({ filter }, caller) => {
      const admin = await requireAdmin(caller);
      if (!admin.ok) return admin;
      const { entries, damagedLines } = await matching(filter);
      return ok({ entries: entries.slice(0, AUDIT_PAGE_MAX), total: entries.length, damagedLines });
    },
    'audit.export': async ({ filter, language: asked }, caller) => {
      const admin = await requireAdmin(caller);
      if (!admin.ok) return admin;
      const { entries, branch, timeZone } = await matching(filter);
      const language = asked ?? (await deps.language());
      const now = deps.now();
      const stamp = localDateKey(now.toISOString(), timeZone);
      const fileName = `${AUDIT_WORDS[language].fileName}-${branch?.code ?? 'desk'}-${stamp}.csv`;
      const bytes = new TextEncoder().encode(toCsv(auditTable(entries, language, timeZone)));
      const delivered = await deps.deliver({ fileName, mime: 'text/csv;charset=utf-8', bytes });
      if (delivered.ok && delivered.value.delivery !== 'cancelled') {
        const { id, username, role } = admin.value;
        const where = delivered.value.delivery === 'saved' ? { path: delivered.value.path } : {};
        await deps.audit.append({
          v: AUDIT_VERSION,
          at: now.toISOString(),
          userId: id,
          username,
          role,
          kind: 'audit-export',
          format: 'csv',
          delivery: delivered.value.delivery,
          fileName,
          ...where,
          rowCount: entries.length,
          filter,
        });
      }
      return delivered;
    },
  };
}
