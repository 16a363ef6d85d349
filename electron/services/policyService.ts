/**
 * The branch's policy book (shared/policy/book.ts) on disk: `policy.json` holds every version the branch has run
 * after the shipped default, fsync'd, and is read as untrusted (parsed with zod; a damaged file stops the start
 * like the other data files — deadlines depend on it). A new version comes from a branch admin's edit, allowed
 * only while no head office is enrolled, or from head office with sync; either is numbered after the last one the
 * branch ran, put in force for new complaints, and recorded in `audit/policy.jsonl`.
 */
import { z } from 'zod';
import type { PolicyCurrent } from '../../shared/api/policy';
import type { PublicUser } from '../../shared/api/schemas';
import { inForce, nextVersionNumber, policyBook, PolicyVersionSchema, type PolicyBook, type PolicyVersion } from '../../shared/policy/book';
import { parsePolicy } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { createSerial } from './serial';

const PolicyFileSchema = z.strictObject({ version: z.literal(1), versions: z.array(PolicyVersionSchema).min(1) });

/** One line of `audit/policy.jsonl`: a version put in force, by whom or from where. */
export const PolicyAuditEntrySchema = z.strictObject({
  v: z.literal(1),
  at: z.string(),
  kind: z.literal('policy-in-force'),
  version: z.int().min(1),
  source: z.enum(['branch', 'headOffice']),
  username: z.string().optional(),
  headOfficeVersion: z.int().min(1).optional(),
});
export type PolicyAuditEntry = z.infer<typeof PolicyAuditEntrySchema>;

/** A version head office published, as the pull answered it (the document is parsed here, untrusted). */
export interface PublishedPolicy {
  readonly version: number;
  readonly policy: unknown;
}

export interface PolicyService {
  /** The book now: the authority, documents and retention count each complaint under its own version. */
  book(): PolicyBook;
  current(user: PublicUser): PolicyCurrent;
  save(input: { basedOn: number; policy: Record<string, unknown> }, admin: PublicUser): Promise<Result<PolicyCurrent>>;
  /** Head office's latest version, if the branch does not run it yet; refused `invalid_policy` (with path) when it does not parse here. */
  receiveFromHeadOffice(published: PublishedPolicy): Promise<Result<PolicyVersion | undefined>>;
  /** Head office's number of the last version pulled from it; 0 before the first. */
  headOfficeVersion(): number;
}

export async function openPolicyService(deps: {
  file: string;
  audit: Pick<AuditLog<PolicyAuditEntry>, 'append'>;
  /** Whether the branch is enrolled with head office: then head office's policy wins and the editor is read-only. */
  enrolled: () => boolean;
  now: () => Date;
}): Promise<PolicyService> {
  const { file, audit, enrolled, now } = deps;
  const stored = await readJsonFile(file, PolicyFileSchema);
  let book = policyBook(stored?.versions ?? []);
  const serial = createSerial();

  function current(user: PublicUser): PolicyCurrent {
    const lockedBecause = user.role !== 'admin' ? 'not_admin' : enrolled() ? 'head_office' : undefined;
    return { inForce: inForce(book), editable: lockedBecause === undefined, ...(lockedBecause ? { lockedBecause } : {}) };
  }

  /** Validates `document` as the next version and puts it in force; nothing is written when it is refused. */
  async function adopt(document: unknown, entry: Omit<PolicyVersion, 'policy' | 'arrivedAt'>): Promise<Result<PolicyVersion>> {
    const number = nextVersionNumber(book);
    const parsed = parsePolicy(typeof document === 'object' && document !== null ? { ...document, version: number } : document);
    if (!parsed.ok) return parsed;
    const version: PolicyVersion = { ...entry, policy: parsed.value, arrivedAt: now().toISOString() };
    const next = policyBook([...book.versions, version]);
    await writeJsonAtomic(file, { version: 1, versions: next.versions });
    book = next;
    await audit.append({
      v: 1,
      at: version.arrivedAt,
      kind: 'policy-in-force',
      version: number,
      source: entry.source === 'headOffice' ? 'headOffice' : 'branch',
      ...(entry.savedBy ? { username: entry.savedBy } : {}),
      ...(entry.headOfficeVersion ? { headOfficeVersion: entry.headOfficeVersion } : {}),
    });
    return ok(version);
  }

  const headOfficeVersion = () => Math.max(0, ...book.versions.map((entry) => entry.headOfficeVersion ?? 0));

  return {
    book: () => book,
    current,
    save: (input, admin) =>
      serial(async () => {
        if (admin.role !== 'admin') return refuse('not_allowed', 'Only an admin may change the policy.');
        if (enrolled()) return refuse('policy_from_head_office', 'This branch is enrolled with head office; head office publishes its policy.');
        const version = inForce(book).policy.version;
        if (input.basedOn !== version) return refuse('policy_changed', `The editor opened v${input.basedOn}; v${version} is in force now`, { params: { version } });
        const saved = await adopt(input.policy, { source: 'branch', savedBy: admin.username });
        return saved.ok ? ok(current(admin)) : saved;
      }),
    receiveFromHeadOffice: (published) =>
      serial(async () => {
        if (published.version <= headOfficeVersion()) return ok(undefined);
        return adopt(published.policy, { source: 'headOffice', headOfficeVersion: published.version });
      }),
    headOfficeVersion,
  };
}
