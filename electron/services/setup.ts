/**
 * Branch set-up (first start): the branch's code, name and time zone, stored in `branch.json`. The file's
 * existence is what "configured" means, so it is written last, after the first admin account exists.
 *
 * A missing branch.json is "first start" only in an empty data folder (or after a set-up interrupted before
 * it wrote branch.json). Next to accounts or journaled events it has been lost, and setting up again would
 * replace every account and start a second branch over the old journal: the status reports the problem and
 * set-up is refused, until branch.json is restored.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { refuse, type Result } from '../../shared/result';
import { isValidTimeZone } from '../../shared/calendar/zone';
import type { ApiOutput } from '../../shared/api/contract';
import { BranchSetupSchema, type BranchSetup, type PublicUser } from '../../shared/api/schemas';
import { fileExists, readJsonFile, writeJsonAtomic } from './jsonFile';
import { createSerial } from './serial';
import type { NewUser, UserStore } from './users';

const BranchFileSchema = z.strictObject({ version: z.literal(1), branch: BranchSetupSchema, configuredAt: z.string() });

export interface BranchStore {
  get(): Promise<BranchSetup | undefined>;
  /** Reads branch.json and users.json, so a damaged one throws `data_file_damaged` here. */
  status(): Promise<ApiOutput<'setup.status'>>;
  /** Refused with `already_configured` once a branch exists, and `branch_file_missing` when it was lost. */
  configure(branch: BranchSetup, admin: Omit<NewUser, 'role'>): Promise<Result<PublicUser>>;
}

/** `journaledEvents`: how many events the journal holds (its last seq). */
export function createBranchStore(file: string, users: UserStore, now: () => Date, journaledEvents: () => number): BranchStore {
  // A double-click must not run set-up twice: the second call waits and then sees "configured".
  const serial = createSerial();
  const get = async () => (await readJsonFile(file, BranchFileSchema))?.branch;
  // Written before set-up creates the admin and removed once branch.json exists: an admin account without
  // branch.json is then a set-up cut short by a crash (run it again), not a lost branch.json.
  const pendingFile = `${file}.pending`;

  async function status(): Promise<ApiOutput<'setup.status'>> {
    const [branch, accounts, interrupted] = await Promise.all([get(), users.list(), fileExists(pendingFile)]);
    if (branch) return { configured: true, branch };
    const lost = journaledEvents() > 0 || (accounts.length > 0 && !interrupted);
    return lost ? { configured: false, problem: { code: 'branch_file_missing', path: file } } : { configured: false };
  }

  async function configure(branch: BranchSetup, admin: Omit<NewUser, 'role'>): Promise<Result<PublicUser>> {
    const current = await status();
    if (current.configured) return refuse('already_configured', 'This branch is already set up.');
    if (current.problem) {
      return refuse('branch_file_missing', `${file} is missing but this data folder holds accounts or events: restore branch.json from a backup.`, {
        params: { path: file },
      });
    }
    if (!isValidTimeZone(branch.timeZone)) {
      return refuse('invalid_time_zone', `timeZone: "${branch.timeZone}" is not a known time zone`, { path: 'timeZone' });
    }
    await writeJsonAtomic(pendingFile, { version: 1, startedAt: now().toISOString() });
    const created = await users.resetTo({ ...admin, role: 'admin' });
    if (created.ok) await writeJsonAtomic(file, { version: 1, branch, configuredAt: now().toISOString() });
    await rm(pendingFile, { force: true });
    return created;
  }

  return {
    get,
    status,
    configure: (branch, admin) => serial(() => configure(branch, admin)),
  };
}
