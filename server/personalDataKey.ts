/**
 * The organisation's personal-data key (shared/sync/personalData.ts): made by head office on its first start
 * and handed to every branch inside its enrolment code, so the same phone number hashes alike everywhere.
 *
 * Head office itself never hashes anything with it; it keeps the key only to put it in enrolment codes. So it
 * lives in a file of its own (`personal-data.key`, mode 0600) in the data folder, not in the database: a copy
 * of the database, a backup of it or its logs cannot be turned back into phone numbers without that file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newPersonalDataKey } from '../shared/sync/personalData';

export const PERSONAL_DATA_KEY_FILE = 'personal-data.key';

const KeySchema = z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'personal-data key: 32 bytes in base64url');

/** The key in `dataDir` (made there when missing). A damaged key file stops the start: a new key would unlink every customer. */
export function ensurePersonalDataKey(dataDir: string): string {
  const file = join(dataDir, PERSONAL_DATA_KEY_FILE);
  try {
    writeFileSync(file, `${newPersonalDataKey()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const parsed = KeySchema.safeParse(readFileSync(file, 'utf8'));
  if (!parsed.success) throw new Error(`${file} is not a personal-data key (${parsed.error.issues[0]?.message ?? 'invalid'}); restore it from a backup of this folder`);
  return parsed.data;
}
