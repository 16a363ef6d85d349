/**
 * Head office's answers to the policy methods (issue 13 item 3): the same `policy.*` contract a branch's main
 * answers, so the renderer's policy section is head office's publishing screen. Head office's book is the shipped
 * default (version 1, every branch's start) followed by every version it published; saving publishes the next
 * version, validated with the shared rules (a bad field refused with its path), and branches pull it with sync.
 */
import type { ApiHandlers } from '../shared/api/contract';
import type { Caller } from '../shared/api/dispatch';
import type { PolicyCurrent } from '../shared/api/policy';
import type { PublicUser } from '../shared/api/schemas';
import { DEFAULT_POLICY_VERSION, inForce, policyBook, PolicyVersionSchema, type PolicyBook } from '../shared/policy/book';
import { ok, refuse, type Result } from '../shared/result';
import type { Db } from './db/db';
import { policyHistory, publishPolicy } from './policies';

interface PolicyDeskDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly requireUser: (caller: Caller, admin?: boolean, activity?: boolean) => Promise<Result<PublicUser>>;
}

/** The shipped default, then every published version, oldest first. */
export async function headOfficeBook(db: Db): Promise<PolicyBook> {
  const published = (await policyHistory(db)).reverse();
  return policyBook([
    DEFAULT_POLICY_VERSION,
    // Read back from the database: parsed (and migrated) like any policy document.
    ...published.map((entry) => PolicyVersionSchema.parse({ policy: entry.policy, source: 'headOffice', arrivedAt: entry.publishedAt, headOfficeVersion: entry.version })),
  ]);
}

const currentFor = (book: PolicyBook, user: PublicUser): PolicyCurrent =>
  user.role === 'admin' ? { inForce: inForce(book), editable: true } : { inForce: inForce(book), editable: false, lockedBecause: 'not_admin' };

export function headOfficePolicyHandlers({ db, now, requireUser }: PolicyDeskDeps): Pick<ApiHandlers, 'policy.current' | 'policy.history' | 'policy.save'> {
  return {
    'policy.current': async (_input, caller) => {
      const user = await requireUser(caller, false, false);
      return user.ok ? ok(currentFor(await headOfficeBook(db), user.value)) : user;
    },
    'policy.history': async (_input, caller) => {
      const user = await requireUser(caller, false, false);
      return user.ok ? ok({ versions: [...(await headOfficeBook(db)).versions] }) : user;
    },
    'policy.save': async ({ basedOn, policy }, caller) => {
      const admin = await requireUser(caller, true);
      if (!admin.ok) return admin;
      const latest = inForce(await headOfficeBook(db)).policy.version;
      if (basedOn !== latest) return refuse('policy_changed', `version ${latest} was published meanwhile`, { params: { version: latest } });
      const published = await publishPolicy(db, policy, now());
      if (!published.ok) return published;
      return ok(currentFor(await headOfficeBook(db), admin.value));
    },
  };
}
