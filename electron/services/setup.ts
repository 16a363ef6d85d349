/**
 * Branch set-up (first start): the branch's code, name and time zone, stored in `branch.json`. The file's
 * existence is what "configured" means, so it is written last, after the first admin account exists.
 */
import { z } from 'zod';
import { refuse, type Result } from '../../shared/result';
import { isValidTimeZone } from '../../shared/calendar/zone';
import { BranchSetupSchema, type BranchSetup, type PublicUser } from '../../shared/api/schemas';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { createSerial } from './serial';
import type { NewUser, UserStore } from './users';

const BranchFileSchema = z.strictObject({ version: z.literal(1), branch: BranchSetupSchema, configuredAt: z.string() });

export interface BranchStore {
  get(): Promise<BranchSetup | undefined>;
  /** Refused with `already_configured` once a branch exists. */
  configure(branch: BranchSetup, admin: Omit<NewUser, 'role'>): Promise<Result<PublicUser>>;
}

export function createBranchStore(file: string, users: UserStore, now: () => Date): BranchStore {
  // A double-click must not run set-up twice: the second call waits and then sees "configured".
  const serial = createSerial();
  const get = async () => (await readJsonFile(file, BranchFileSchema))?.branch;

  async function configure(branch: BranchSetup, admin: Omit<NewUser, 'role'>): Promise<Result<PublicUser>> {
    if (await get()) return refuse('already_configured', 'This branch is already set up.');
    if (!isValidTimeZone(branch.timeZone)) {
      return refuse('invalid_time_zone', `timeZone: "${branch.timeZone}" is not a known time zone`, { path: 'timeZone' });
    }
    const created = await users.resetTo({ ...admin, role: 'admin' });
    if (!created.ok) return created;
    await writeJsonAtomic(file, { version: 1, branch, configuredAt: now().toISOString() });
    return created;
  }

  return {
    get,
    configure: (branch, admin) => serial(() => configure(branch, admin)),
  };
}
