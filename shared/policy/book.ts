/**
 * The policy book: every policy version a branch has run, and the one in force for new complaints. A complaint
 * keeps the version it was graded under (SPEC §3: "a record keeps the policy version"), so its deadlines,
 * escalations and KPI facts are counted with that version even after a newer one arrives; only a complaint
 * not yet registered is decided with the version in force.
 */
import { z } from 'zod';
import { DEFAULT_POLICY, parsePolicy, type Policy } from './policy';

/** Where a version came from: the shipped default, a branch admin's edit, or head office's publication. */
export const PolicySourceSchema = z.enum(['default', 'branch', 'headOffice']);
export type PolicySource = z.infer<typeof PolicySourceSchema>;

/** One version as a branch keeps it (policy.json) and shows it (Settings → Policy history). */
export const PolicyVersionSchema = z.strictObject({
  /** Parsed like any policy document: a version kept in an older format is migrated on read. */
  policy: z.unknown().transform((value, ctx): Policy => {
    const parsed = parsePolicy(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error.message, path: parsed.error.path ? parsed.error.path.split('.') : [] });
    return z.NEVER;
  }),
  source: PolicySourceSchema,
  /** When this branch took it into force (saved, or pulled from head office). */
  arrivedAt: z.iso.datetime({ offset: true }),
  /** The branch admin who saved it (source `branch`). */
  savedBy: z.string().optional(),
  /** Head office's own number for it (source `headOffice`); the branch's `policy.version` may differ. */
  headOfficeVersion: z.int().min(1).optional(),
});
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;

export interface PolicyBook {
  /** Oldest first; the last one is in force. Never empty: the shipped default is version 1. */
  readonly versions: readonly PolicyVersion[];
}

/** The shipped default as the first version a branch runs. */
export const DEFAULT_POLICY_VERSION: PolicyVersion = { policy: DEFAULT_POLICY, source: 'default', arrivedAt: '2026-01-01T00:00:00.000Z' };

/** A book of these versions; with none, the shipped default alone. */
export function policyBook(versions: readonly PolicyVersion[]): PolicyBook {
  return { versions: versions.length > 0 ? versions : [DEFAULT_POLICY_VERSION] };
}

export const DEFAULT_POLICY_BOOK: PolicyBook = policyBook([]);

/** The version new complaints are registered and graded under. */
export function inForce(book: PolicyBook): PolicyVersion {
  const last = book.versions[book.versions.length - 1];
  // policyBook never makes an empty book; this is the type's guard, not a case that happens.
  return last ?? DEFAULT_POLICY_VERSION;
}

/** The policy of this version number, if the branch has run it. */
export function policyVersion(book: PolicyBook, version: number): Policy | undefined {
  return book.versions.find((entry) => entry.policy.version === version)?.policy;
}

/**
 * The policy a complaint is counted under: the version it was graded under. A complaint not registered yet is
 * decided with the version in force. A version this branch never ran (a record older than the book, which only
 * happens to data made before versions were kept) falls back to the nearest earlier version, else the first.
 */
export function policyFor(book: PolicyBook, complaint: { readonly policyVersion: number } | undefined): Policy {
  if (!complaint) return inForce(book).policy;
  const exact = policyVersion(book, complaint.policyVersion);
  if (exact) return exact;
  const earlier = book.versions.filter((entry) => entry.policy.version < complaint.policyVersion);
  return (earlier[earlier.length - 1] ?? book.versions[0] ?? DEFAULT_POLICY_VERSION).policy;
}

/** The number the next saved or pulled version gets: after every version the branch has run. */
export function nextVersionNumber(book: PolicyBook): number {
  return Math.max(...book.versions.map((entry) => entry.policy.version)) + 1;
}
